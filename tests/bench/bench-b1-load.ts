/**
 * B1 cold load: initial JS (gzip, from the Vite manifest: entry + static imports, nothing lazy),
 * the JS actually transferred, first contentful paint and long frames during load. Baseline: a
 * static page with a heading and a paragraph from the same server, same browser, same run.
 */
import { measureBuild } from '../scripts/budgets/measure';
import { fcp, installProbes, loafs } from './page-probes';
import { median, round } from './stats';
import type { Bench, BenchContext } from './types';

const RUNS = 5;

async function coldLoad(ctx: BenchContext, url: string, ready: string) {
	const { context, page, cdp } = await ctx.newPage();
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	await installProbes(page);
	await page.goto(url, { waitUntil: 'load' });
	await page.locator(ready).first().waitFor();
	await page.waitForTimeout(300); // long frames right after load count too
	const paint = await fcp(page);
	const long = await loafs(page);
	const jsBytes = await page.evaluate(() =>
		performance
			.getEntriesByType('resource')
			.filter((e) => e.name.endsWith('.js'))
			.reduce((sum, e) => sum + (e as PerformanceResourceTiming).encodedBodySize, 0),
	);
	await context.close();
	return {
		fcp: paint,
		jsBytes,
		longFrames: long.length,
		longestFrame: Math.max(0, ...long.map((l) => l.duration)),
		beforePaint: long.filter((l) => paint !== null && l.start < paint).length,
	};
}

const bench: Bench = {
	id: 'B1',
	title: 'cold load',
	async run(ctx) {
		const app = [];
		const base = [];
		for (let i = 0; i < RUNS; i++) {
			app.push(await coldLoad(ctx, ctx.appUrl, 'textarea, [role="textbox"]'));
			base.push(await coldLoad(ctx, `${ctx.baselineUrl}blank.html`, 'h1'));
		}
		const build = measureBuild(ctx.dist);
		const kb = (bytes: number) => round(bytes / 1024, 2);
		const appFcp = median(app.flatMap((r) => (r.fcp === null ? [] : [r.fcp])));
		const baseFcp = median(base.flatMap((r) => (r.fcp === null ? [] : [r.fcp])));
		const beforePaint = Math.max(...app.map((r) => r.beforePaint));
		return [
			{
				id: 'B1',
				metric: 'initial JS before Monaco, gzip -9 (manifest: entry + static imports)',
				value: kb(build.initialJs),
				unit: 'KB',
				target: '≤ 50 KB',
				pass: build.initialJs <= 50 * 1024,
				note: build.initialFiles.join(' + '),
			},
			{
				id: 'B1',
				metric: 'JS transferred on load (gzip over the wire)',
				value: kb(median(app.map((r) => r.jsBytes)) ?? 0),
				unit: 'KB',
				baseline: { label: 'static page', value: kb(median(base.map((r) => r.jsBytes)) ?? 0) },
				pass: null,
			},
			{
				id: 'B1',
				metric: `first contentful paint, median of ${RUNS} cold loads`,
				value: round(appFcp, 0),
				unit: 'ms',
				baseline: { label: 'static page', value: round(baseFcp, 0) },
				target: '≤ 200 ms',
				pass: appFcp !== null && appFcp <= 200,
			},
			{
				id: 'B1',
				metric: 'long frames (≥ 50 ms) before first paint, worst load',
				value: beforePaint,
				unit: '',
				baseline: {
					label: 'static page',
					value: Math.max(...base.map((r) => r.beforePaint)),
				},
				target: '0',
				pass: beforePaint === 0,
				note: `during load: ${median(app.map((r) => r.longFrames))} (median), longest ${round(Math.max(...app.map((r) => r.longestFrame)), 0)} ms`,
			},
		];
	},
};
export default bench;
