/**
 * B8 memory: the heap before and after three long runs (20 000 tokens at 5 000 tok/s each) and a
 * clear. Heap snapshots (tests/bench/heap-snapshots.ts, then heap-diff.ts) split the growth into
 * three parts, and the bench keeps them apart:
 *
 * - V8's compiled code, which the engine makes and drops on its own: long answers make marked's
 *   block regexps (paragraph, list, blockquote, table, html) tier up to native code (~0.7 MB) and
 *   hot functions get optimised; whether that code is still there at a measurement depends on
 *   V8's flushing, so JSHeapUsedSize after forced GC swung between +5 % and +19 % from run to run
 *   with the same data. The gated figure is therefore the heap snapshot's size without its "code"
 *   nodes; JSHeapUsedSize is shown beside it. "Before" is measured warm anyway: after one short
 *   run (the cold figure), two long runs, a short one, and the history cleared.
 * - The history, by design: it keeps every finished run, answer included, in memory for its view
 *   (and in IndexedDB), up to 200 runs. The last row is the heap with it kept (informational).
 * - Leaks, now fixed: a `/generation` lookup held its whole run (raw log and answer) while it
 *   waited, up to ten seconds, after a newer run had replaced it; the history kept deleted runs in
 *   `$derived` values nobody read again; `{#await}` blocks (response pane, replay panel) kept the
 *   update batch they ran in, and with it the run and history as they were then. The first row,
 *   output and history cleared, is the leak test: within 10 % of before. (Checked once by keeping
 *   every run in a global array: +126 %.)
 *
 * "Clear": the app has no Clear control for the output; the response pane holds only the latest
 * run, so one more short run replaces the long one. The history is cleared through its dialog
 * (Clear all, Delete all runs). Each measurement waits for the run's generation stats, so nothing
 * is in flight.
 */
import type { CDPSession, Page } from '@playwright/test';
import { benchRequest, saveKeyInUi, sendAndWait, setRequestText } from './app-driver';
import { chooseEditor } from './editor-driver';
import { heapTotals, parseSnapshot, takeSnapshot } from './heap-graph';
import { heapAfterGc, paceChat } from './page-probes';
import { round } from './stats';
import type { Bench } from './types';

/** A run (Send to Done) whose generation stats are loaded too: nothing left in flight. */
export async function settledRun(page: Page, tokens: number): Promise<void> {
	await setRequestText(page, benchRequest(tokens));
	await sendAndWait(page);
	await page
		.getByRole('region', { name: 'Usage' })
		.getByLabel('Generation stats')
		.filter({ hasNotText: /Waiting/ })
		.waitFor({ timeout: 30_000 });
}

export async function clearHistory(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'History', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: 'History' });
	await dialog.getByRole('button', { name: 'Clear all' }).click();
	await dialog.getByRole('button', { name: 'Delete all runs' }).click();
	await dialog.getByText('No runs yet').waitFor();
	await dialog.getByRole('button', { name: 'Close' }).click();
	await dialog.waitFor({ state: 'hidden' });
}

/** JSHeapUsedSize after forced GC, and the heap snapshot's data (its compiled code left out). */
async function measure(cdp: CDPSession) {
	const used = await heapAfterGc(cdp);
	const { data } = heapTotals(parseSnapshot(await takeSnapshot(cdp)));
	return { used, data };
}

/** Long runs before "before": V8 compiles what long answers need (see above). */
const WARM_RUNS = 2;

const mb = (bytes: number) => round(bytes / 1024 / 1024, 2);
const percent = (value: number, base: number) => {
	const growth = ((value - base) / base) * 100;
	return `${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %`;
};

const bench: Bench = {
	id: 'B8',
	title: 'memory after long runs',
	async run(ctx) {
		const { context, page, cdp } = await ctx.newPage();
		await paceChat(page, 0.2);
		// The plain editor: Monaco, loading in idle time, would land between the two measurements.
		await chooseEditor(page, 'plain');
		await page.goto(ctx.appUrl);
		// The views that load after the page in idle time (forms, Code panel) are there for both.
		await page.getByRole('region', { name: 'Code' }).getByRole('tab').first().waitFor();
		await page.getByRole('tab', { name: 'Messages', exact: true }).waitFor();
		await saveKeyInUi(page, ctx.key);
		await settledRun(page, 50);
		const cold = await heapAfterGc(cdp);
		for (let i = 0; i < WARM_RUNS; i++) await settledRun(page, 20_000);
		await settledRun(page, 50);
		await clearHistory(page);
		const before = await measure(cdp);
		for (let i = 0; i < 3; i++) await settledRun(page, 20_000);
		const during = await heapAfterGc(cdp);
		await settledRun(page, 50);
		const kept = await measure(cdp);
		await clearHistory(page);
		const after = await measure(cdp);
		await context.close();
		const baseline = { label: 'before (warm, history cleared)', value: mb(before.data) };
		return [
			{
				id: 'B8',
				metric:
					'heap data after 3 × 20k-token runs, output and history cleared (heap snapshot, V8 compiled code left out)',
				value: mb(after.data),
				unit: 'MB',
				baseline,
				target: 'within 10 %',
				pass: (after.data - before.data) / before.data <= 0.1,
				note: percent(after.data, before.data),
			},
			{
				id: 'B8',
				metric: 'the same as JSHeapUsedSize after forced GC (compiled code included)',
				value: mb(after.used),
				unit: 'MB',
				baseline: { label: 'before', value: mb(before.used) },
				pass: null,
				note: `${percent(after.used, before.used)}; cold (before any long run): ${mb(cold)} MB. The code part comes and goes: marked's regexps compiled to native code (~0.7 MB) are kept or flushed by V8 as it sees fit`,
			},
			{
				id: 'B8',
				metric: 'heap data with the history kept (its runs are kept by design), output cleared',
				value: mb(kept.data),
				unit: 'MB',
				baseline,
				pass: null,
				note: `${percent(kept.data, before.data)}; JSHeapUsedSize with the last long answer on screen: ${mb(during)} MB`,
			},
		];
	},
};
export default bench;
