/**
 * B8 memory: JS heap (CDP `JSHeapUsedSize` after forced GC) before and after three long runs
 * (20 000 tokens at 5 000 tok/s each) and a clear. Heap snapshots (tests/bench/heap-snapshots.ts,
 * then heap-diff.ts) split the growth into three parts, and the bench keeps them apart:
 *
 * - V8's compiled code, made once and not per run: the first long answers make marked's block
 *   regexps (paragraph, list, blockquote, table, html) tier up to native code, one copy for
 *   one-byte and one for two-byte text, and hot functions get optimised: about 1.3 MB after two
 *   long runs, little after that. So "before" is measured warm: after one short run (the cold
 *   figure, in the note), two long runs, a short one, and the history cleared.
 * - The history, by design: it keeps every finished run, answer included, in memory for its view
 *   (and in IndexedDB), up to 200 runs. The second row is the heap with it kept (informational).
 * - Leaks, now fixed: a `/generation` lookup held its whole run (raw log and answer) while it
 *   waited, up to ten seconds, after a newer run had replaced it; the history kept deleted runs in
 *   `$derived` values nobody read again; `{#await}` blocks (response pane, replay panel) kept the
 *   update batch they ran in, and with it the run and history as they were then. The first row,
 *   output and history cleared, is the leak test: within 10 % of before.
 *
 * "Clear": the app has no Clear control for the output; the response pane holds only the latest
 * run, so one more short run replaces the long one. The history is cleared through its dialog
 * (Clear all, Delete all runs). Each measurement waits for the run's generation stats, so nothing
 * is in flight.
 */
import type { Page } from '@playwright/test';
import { benchRequest, saveKeyInUi, sendAndWait, setRequestText } from './app-driver';
import { chooseEditor } from './editor-driver';
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
		const before = await heapAfterGc(cdp);
		for (let i = 0; i < 3; i++) await settledRun(page, 20_000);
		const during = await heapAfterGc(cdp);
		await settledRun(page, 50);
		const kept = await heapAfterGc(cdp);
		await clearHistory(page);
		const after = await heapAfterGc(cdp);
		await context.close();
		const baseline = { label: 'before (warm, history cleared)', value: mb(before) };
		return [
			{
				id: 'B8',
				metric: 'JS heap after 3 × 20k-token runs, output and history cleared (forced GC)',
				value: mb(after),
				unit: 'MB',
				baseline,
				target: 'within 10 %',
				pass: (after - before) / before <= 0.1,
				note: `${percent(after, before)}; cold (before any long run): ${mb(cold)} MB, the difference is V8's compiled code, not data`,
			},
			{
				id: 'B8',
				metric: 'the same, output cleared, history kept (its runs are kept by design)',
				value: mb(kept),
				unit: 'MB',
				baseline,
				target: '',
				pass: null,
				note: `${percent(kept, before)}; with the last long answer on screen: ${mb(during)} MB`,
			},
		];
	},
};
export default bench;
