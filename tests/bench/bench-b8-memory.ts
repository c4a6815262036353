/**
 * B8 memory: JS heap (after forced GC) once the app has loaded and run one short answer, against the
 * heap after three long runs (20 000 tokens at 5 000 tok/s each) and a clear. The app has no Clear
 * control: the response pane holds only the latest run, so one more short run replaces (clears) the
 * long output. The short run before "before" warms the same code paths so JIT code is in both.
 */
import { benchRequest, saveKeyInUi, sendAndWait, setRequestText } from './app-driver';
import { chooseEditor } from './editor-driver';
import { heapAfterGc, paceChat } from './page-probes';
import { round } from './stats';
import type { Bench } from './types';

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
		await setRequestText(page, benchRequest(50));
		await sendAndWait(page);
		const before = await heapAfterGc(cdp);
		await setRequestText(page, benchRequest(20_000));
		for (let i = 0; i < 3; i++) await sendAndWait(page);
		const during = await heapAfterGc(cdp);
		await setRequestText(page, benchRequest(50));
		await sendAndWait(page);
		const after = await heapAfterGc(cdp);
		await context.close();
		const mb = (bytes: number) => round(bytes / 1024 / 1024, 2);
		const growth = (after - before) / before;
		return [
			{
				id: 'B8',
				metric: 'JS heap after 3 × 20k-token runs and a clear (forced GC)',
				value: mb(after),
				unit: 'MB',
				baseline: { label: 'before the long runs', value: mb(before) },
				target: 'within 10 %',
				pass: growth <= 0.1,
				note: `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %; with the last long answer on screen: ${mb(during)} MB`,
			},
		];
	},
};
export default bench;
