/**
 * B1 cold load, cache disabled: the JavaScript the page fetched until its load event (each file's
 * gzip -9 size from the build, so it compares with tests/budgets.json; none may be Monaco), first
 * contentful paint, and long animation frames until the load event and in the second after it
 * (idle-time chunks; Monaco starts 1.5 s after load), with what ran in the longest one. Baseline: a static page with a
 * heading and a paragraph, from the same server, in the same browser, in the same run.
 */
import { measureBuild } from '../scripts/budgets/measure';
import { stableName } from '../scripts/budgets/check';
import { monacoFiles } from './editor-driver';
import { fcp, installProbes, loafs, type Loaf } from './page-probes';
import { median, round } from './stats';
import type { Bench, BenchContext, Row } from './types';

const RUNS = 5;
const AFTER_LOAD_MS = 1000;

/**
 * `long`: long frames until the load event ended or the first view was shown, whichever is later;
 * `idle`: in the second after (lazy chunks).
 */
type Load = { fcp: number | null; js: string[]; long: Loaf[]; idle: Loaf[] };

/** `ready`: the selector of what the first view shows. */
async function coldLoad(ctx: BenchContext, url: string, ready: string): Promise<Load> {
	const { context, page, cdp } = await ctx.newPage();
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	await installProbes(page);
	await page.goto(url, { waitUntil: 'load' });
	// The first view is complete in the frame that has the element: work put off past the load event
	// (the app builds its view in the frames after the first paint) still counts as loading.
	const readyAt = await page
		.waitForFunction((selector) => document.querySelector(selector) && performance.now(), ready, {
			polling: 'raf',
		})
		.then((handle) => handle.jsonValue() as Promise<number>);
	await page.waitForTimeout(AFTER_LOAD_MS);
	const paint = await fcp(page);
	const { js, viewEnd } = await page.evaluate((readyAt) => {
		const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
		const end = nav.loadEventEnd;
		return {
			loadEnd: end,
			viewEnd: Math.max(end, readyAt),
			js: performance
				.getEntriesByType('resource')
				.filter((e) => new URL(e.name).pathname.endsWith('.js') && e.startTime <= end)
				.map((e) => new URL(e.name).pathname),
		};
	}, readyAt);
	const all = await loafs(page);
	await context.close();
	return {
		fcp: paint,
		js,
		long: all.filter((l) => l.start <= viewEnd),
		idle: all.filter((l) => l.start > viewEnd && l.start <= viewEnd + AFTER_LOAD_MS),
	};
}

const kb = (bytes: number) => round(bytes / 1024, 2);
const count = (loads: Load[], key: 'long' | 'idle' = 'long') =>
	median(loads.map((l) => l[key].length)) ?? 0;
const fcpOf = (loads: Load[]) => median(loads.flatMap((l) => (l.fcp === null ? [] : [l.fcp])));

/** "longest 94 ms at 80 ms (index.js … 60 ms)": what the longest frame ran. */
function longest(loads: Load[], key: 'long' | 'idle' = 'long'): string {
	const all = loads.flatMap((l) => l[key]).sort((a, b) => b.duration - a.duration);
	const top = all[0];
	if (!top) return 'none';
	const scripts = top.scripts.map((s) => `${s.source || '?'} ${s.invoker} ${s.duration} ms`);
	const parts = `rendering ${round(top.render, 0)} ms, of which style and layout ${round(top.layout, 0)} ms`;
	return `longest ${round(top.duration, 0)} ms at ${round(top.start, 0)} ms (${scripts.join('; ') || 'no script'}; ${parts})`;
}

const bench: Bench = {
	id: 'B1',
	title: 'cold load',
	async run(ctx): Promise<Row[]> {
		const app: Load[] = [];
		const base: Load[] = [];
		for (let i = 0; i < RUNS; i++) {
			app.push(await coldLoad(ctx, ctx.appUrl, '[aria-label="Request JSON"]'));
			base.push(await coldLoad(ctx, `${ctx.baselineUrl}blank.html`, 'h1'));
		}
		const build = measureBuild(ctx.dist);
		const monaco = new Set(monacoFiles(ctx.dist).map(stableName));
		// Sized by their real names: two chunks may share a stable one (the entry and a lazy `index`).
		const files = [...new Set(app.flatMap((l) => l.js))].map((p) => p.slice(1));
		const sizeOf = (paths: string[]) => paths.reduce((n, f) => n + (build.files?.[f] ?? 0), 0);
		const initial = sizeOf(files);
		const fetched = files.map(stableName);
		const early = fetched.filter((f) => monaco.has(f));
		const appFcp = fcpOf(app);
		const baseFcp = fcpOf(base);
		return [
			{
				id: 'B1',
				metric: 'JS fetched until load, gzip -9 (Monaco must not be in it)',
				value: kb(initial),
				unit: 'KB',
				baseline: {
					label: 'static page',
					value: kb(sizeOf(base.flatMap((l) => l.js.map((p) => p.slice(1))))),
				},
				target: '≤ 50 KB, no Monaco',
				pass: initial <= 50 * 1024 && early.length === 0,
				note: `${fetched.join(' + ')}${early.length ? `; Monaco before load: ${early.join(', ')}` : ''}; manifest's static graph: ${kb(build.initialJs)} KB`,
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
				metric: `long frames (≥ 50 ms) from navigation to load and the first view, median of ${RUNS}`,
				value: count(app),
				unit: '',
				baseline: { label: 'static page', value: count(base) },
				target: 'no more than the static page',
				pass: count(app) <= count(base),
				note: longest(app),
			},
			{
				id: 'B1',
				metric: `long frames in the ${AFTER_LOAD_MS / 1000} s after that (idle-time chunks), median of ${RUNS}`,
				value: count(app, 'idle'),
				unit: '',
				baseline: { label: 'static page', value: count(base, 'idle') },
				pass: null,
				note: longest(app, 'idle'),
			},
		];
	},
};
export default bench;
