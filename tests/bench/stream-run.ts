/**
 * One streamed answer into the app or into the plain-text-append baseline page, measured the same
 * way for both (B3, B4). Send time: the emulator's tap stamps each marker word when the frame
 * carrying it is written to the socket (not a schedule). Paint time: the paint probe
 * (paint-probe.ts). Both clocks are the machine's wall clock (performance.timeOrigin + now(), in
 * Node and in Chromium alike).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { ElementHandle, Page } from '@playwright/test';
import { markersIn } from '../emulator/bench-text';
import { benchRequest, saveKeyInUi, setRequestText } from './app-driver';
import { installProbes, loafs, metrics, paceChat, scriptQuiet } from './page-probes';
import {
	installPaintProbe,
	readPaintProbe,
	resetPaintProbe,
	type PaintedFrame,
	type PaintProbe,
} from './paint-probe';
import { quantile, round } from './stats';
import type { BenchContext, Row } from './types';

export type Target = 'app' | 'baseline';
export type StreamSpec = {
	model: string;
	maxTokens: number;
	delayMs: number;
	/** Turns before the question (B9: the answer streams at the end of a long conversation). */
	history?: Record<string, unknown>[];
};

export type StreamRun = {
	/** send → paint per marker, ms. */
	latencies: number[];
	/** Markers the emulator sent that never showed. */
	missing: number;
	/** How late the emulator wrote markers against its own schedule (median, ms). */
	sendLag: number | null;
	/** Commits to the answer (MutationObserver batches) per painted frame while markers stream in. */
	commitsMax: number;
	multiCommitFrames: number;
	paintedFrames: number;
	longestFrame: number;
	/**
	 * Where the longest frame began: ms after the first frame that painted a marker, and the span
	 * from that frame to the last one that did. At the very end it is the Done transition, not the
	 * growing block.
	 */
	longestFrameAt: { at: number; of: number } | null;
	loafCount: number;
	loafMax: number;
	/** CDP ScriptDuration over the stream, ms. */
	script: number;
	/**
	 * CDP TaskDuration over the stream, ms: all the main thread's work (script, style, layout,
	 * paint). A plain-text page spends its time laying out one growing text node, which is not script.
	 */
	mainThread: number;
	/**
	 * Script ms per second of stream over its middle half, from the emulator writing token 25 % to
	 * writing token 75 %: the per-update cost alone, without the Send and the Done around it.
	 */
	steadyScript: number | null;
	/** First byte written → Done shown (app) or the last commit painted (baseline), ms. */
	toDone: number;
};

const wall = () => performance.timeOrigin + performance.now();

function longestAt(
	probe: PaintProbe,
	gaps: number[],
	streaming: PaintedFrame[],
): { at: number; of: number } | null {
	const start = streaming[0]?.t;
	const end = streaming.at(-1)?.t;
	const index = gaps.indexOf(Math.max(...gaps));
	const tick = probe.ticks[index];
	if (start === undefined || end === undefined || tick === undefined) return null;
	return { at: tick - start, of: end - start };
}

const ANSWER = { app: '[data-testid="answer"]', baseline: '#out' } as const;

/** Opens the target ready to stream; returns how to start it and how to wait for its end. */
async function prepare(ctx: BenchContext, page: Page, target: Target, spec: StreamSpec) {
	const body = benchRequest(spec.maxTokens, spec.model, spec.history);
	if (target === 'app') {
		await paceChat(page, spec.delayMs);
		await page.goto(ctx.appUrl);
		await saveKeyInUi(page, ctx.key);
		await setRequestText(page, body);
		// The request editor (Monaco) loads in idle time after the page opens, a ~300 ms block of
		// its own (B2): let it arrive, as it has for anyone who reads the page before sending (and
		// settle: streamOnce waits for the page's script to go quiet).
		await page
			.locator('.monaco-editor .view-lines')
			.first()
			.waitFor({ timeout: 15_000 })
			.catch(() => undefined);
		// Found now: Playwright's role query walks the whole page, and inside the measured window
		// it counted as the app's script time (as the baseline's start, a plain call, does not).
		const sendButton = await page
			.getByRole('button', { name: 'Send', exact: true })
			.elementHandle();
		const status = await page
			.locator('section[aria-label="Response"] [role="status"]')
			.elementHandle();
		return {
			start: () => sendButton.evaluate((button) => (button as HTMLButtonElement).click()),
			done: async () => {
				// The status text comes with the time: a Playwright query here, over the whole answer,
				// would count in the app's script time.
				const { at, text } = await whenShown(page, status, 'status');
				if (!text.includes('Done')) throw new Error(`the run ended with "${text}"`);
				return at;
			},
		};
	}
	const hash = new URLSearchParams({
		api: ctx.emulator.apiBaseUrl,
		key: ctx.key,
		delay: String(spec.delayMs),
		body: JSON.stringify(JSON.parse(body)),
	});
	await page.goto(`${ctx.baselineUrl}append.html#${hash}`);
	await page.waitForFunction(() => 'startStream' in window);
	const flagged = await page.locator('body').elementHandle();
	return {
		start: async () => {
			page
				.evaluate(() => (window as unknown as { startStream(): Promise<void> }).startStream())
				.catch(() => undefined);
		},
		done: async () => (await whenShown(page, flagged, 'flag')).at,
	};
}

/**
 * Wall-clock time of the first frame in which `element` shows the end: Done, Error or Stopped in
 * the app's status, or the baseline's done flag on its body; checked every animation frame. Both
 * elements are found once, before the stream: a query each frame walks the page, which is larger
 * in the app than in the baseline, and it counted in the app's script time (about 16 ms of a 2 000-
 * item list's stream in a profile).
 */
async function whenShown(
	page: Page,
	element: ElementHandle<Element>,
	kind: 'status' | 'flag',
): Promise<{ at: number; text: string }> {
	const handle = await page.waitForFunction(
		([el, kind]) => {
			const text = kind === 'status' ? (el.textContent ?? '') : '';
			const over =
				kind === 'status'
					? /Done|Error|Stopped/.test(text)
					: (el as HTMLElement).dataset.done === '1';
			return over ? { at: performance.timeOrigin + performance.now(), text } : false;
		},
		[element, kind] as const,
		{ polling: 'raf', timeout: 180_000 },
	);
	return (await handle.jsonValue()) as { at: number; text: string };
}

/**
 * `BENCH_PROFILE=dir npm run bench -- B4`: a CPU profile of each stream, the app's and the plain
 * page's (named after the page), for DevTools: the two side by side show what the app adds.
 */
const PROFILE_DIR = process.env.BENCH_PROFILE ?? '';
/**
 * `BENCH_TRACE=dir`: a Chromium trace of each app stream (layout, paint, raster), for DevTools'
 * Performance panel: where the time a frame takes goes when it is not script.
 */
const TRACE_DIR = process.env.BENCH_TRACE ?? '';
/** Script ms per second between the two samples, or null without both. */
async function steady(quarters: Promise<{ at: number; script: number }>[]): Promise<number | null> {
	const [from, to] = await Promise.all(quarters);
	return from && to && to.at > from.at
		? ((to.script - from.script) * 1e6) / (to.at - from.at)
		: null;
}

const TRACE = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'viz'];

export async function streamOnce(
	ctx: BenchContext,
	target: Target,
	spec: StreamSpec,
	inspect?: (page: Page) => Promise<void>,
): Promise<StreamRun> {
	const { context, page, cdp } = await ctx.newPage();
	try {
		await installProbes(page);
		await installPaintProbe(page, ANSWER[target]);
		const run = await prepare(ctx, page, target, spec);
		// Both pages start from quiet: no work left from opening them counts as the stream's.
		await scriptQuiet(cdp);
		await resetPaintProbe(page);
		const sent = new Map<string, number>();
		let firstWrite: number | null = null;
		const quarters: Promise<{ at: number; script: number }>[] = [];
		const sample = async () => ({ at: wall(), script: (await metrics(cdp)).ScriptDuration ?? 0 });
		ctx.emulator.tap((text) => {
			const at = wall();
			firstWrite ??= at;
			for (const m of markersIn(text)) {
				sent.set(m, at);
				const index = Number(m.slice(2));
				if (quarters.length < 2 && index >= spec.maxTokens * (quarters.length ? 0.75 : 0.25))
					quarters.push(sample());
			}
		});
		const loafsBefore = (await loafs(page)).length;
		const before = await metrics(cdp);
		const profiling = !!PROFILE_DIR;
		if (profiling) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
		const tracing = TRACE_DIR && target === 'app';
		if (tracing) {
			mkdirSync(TRACE_DIR, { recursive: true });
			const name = `${spec.model.replace(/\W+/g, '-')}-${spec.maxTokens}-${Date.now()}.json`;
			await ctx.browser.startTracing(page, { path: `${TRACE_DIR}/${name}`, categories: TRACE });
		}
		await run.start();
		const ended = await run.done();
		if (tracing) await ctx.browser.stopTracing();
		const after = await metrics(cdp);
		const spent = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
		if (profiling) {
			const { profile } = await cdp.send('Profiler.stop');
			mkdirSync(PROFILE_DIR, { recursive: true });
			const name = `${target}-${spec.model.replace(/\W+/g, '-')}-${spec.maxTokens}-${Date.now()}.cpuprofile`;
			writeFileSync(`${PROFILE_DIR}/${name}`, JSON.stringify(profile));
		}
		ctx.emulator.tap(null);
		const probe = await readPaintProbe(page);
		const long = (await loafs(page)).slice(loafsBefore);
		if (inspect) await inspect(page);
		const latencies: number[] = [];
		const lags: number[] = [];
		for (const [id, at] of sent) {
			const painted = probe.painted[id];
			if (painted !== undefined) latencies.push(painted - at);
			lags.push(at - (firstWrite ?? at) - Number(id.slice(2)) * spec.delayMs);
		}
		const gaps = probe.ticks.slice(1).map((t, i) => t - (probe.ticks[i] as number));
		// While streaming: from the first frame that painted a marker to the last one (the frames
		// around them also mount the answer view, the status and the Done actions).
		const first = probe.frames.findIndex((f) => f.markers > 0);
		const last = probe.frames.findLastIndex((f) => f.markers > 0);
		const streaming = first < 0 ? [] : probe.frames.slice(first, last + 1);
		return {
			latencies,
			missing: sent.size - latencies.length,
			sendLag: quantile(lags, 0.5),
			commitsMax: Math.max(0, ...streaming.map((f) => f.commits)),
			multiCommitFrames: streaming.filter((f) => f.commits > 1).length,
			paintedFrames: streaming.length,
			longestFrame: Math.max(0, ...gaps),
			longestFrameAt: longestAt(probe, gaps, streaming),
			loafCount: long.length,
			loafMax: Math.max(0, ...long.map((l) => l.duration)),
			script: spent('ScriptDuration') * 1000,
			mainThread: spent('TaskDuration') * 1000,
			steadyScript: await steady(quarters),
			toDone: ended - (firstWrite ?? ended),
		};
	} finally {
		ctx.emulator.tap(null);
		await context.close();
	}
}

const FRAME_MS = 1000 / 60;
/** The long-animation-frame threshold. */
const LONG_FRAME_MS = 50;
const ms = (v: number | null) => round(v, 0);

/** The longest frame while streaming: ≤ 50 ms, or no worse than the baseline's on a loaded machine. */
export function longestFrameRow(id: string, label: string, app: StreamRun, base: StreamRun): Row {
	const at = app.longestFrameAt;
	return {
		id,
		metric: `${label}: longest frame while streaming`,
		value: ms(app.longestFrame),
		unit: 'ms',
		baseline: { label: 'plain-text append', value: ms(base.longestFrame) },
		target: `≤ ${LONG_FRAME_MS} ms (or ≤ baseline + 1 frame)`,
		pass: app.longestFrame <= Math.max(LONG_FRAME_MS, base.longestFrame + FRAME_MS),
		note: `${at ? `at ${ms(at.at)} ms of ${ms(at.of)} ms; ` : ''}long animation frames ${app.loafCount}, longest ${ms(app.loafMax)} ms (baseline ${base.loafCount}, ${ms(base.loafMax)} ms)`,
	};
}

/** The app's script time against the plain-text page's: ≤ 2×. */
export function scriptRow(id: string, label: string, app: StreamRun, base: StreamRun): Row {
	return {
		id,
		metric: `${label}: script time over the stream`,
		value: ms(app.script),
		unit: 'ms',
		baseline: { label: 'plain-text append', value: ms(base.script) },
		target: '≤ 2 × baseline',
		pass: app.script <= 2 * base.script,
		note: `${round(app.script / Math.max(1, base.script), 1)} × (CDP ScriptDuration, from Send to Done shown); all main-thread work ${ms(app.mainThread)} ms (baseline ${ms(base.mainThread)})`,
	};
}

/** p50, p95 and commits rows for one rate. */
export function latencyRows(id: string, label: string, app: StreamRun, base: StreamRun): Row[] {
	const [p50, p95, b50, b95] = [
		quantile(app.latencies, 0.5),
		quantile(app.latencies, 0.95),
		quantile(base.latencies, 0.5),
		quantile(base.latencies, 0.95),
	];
	const max = (r: StreamRun) => ms(Math.max(...r.latencies));
	const baseline = (value: number | null) => ({ label: 'plain-text append', value: ms(value) });
	return [
		{
			id,
			metric: `${label}: send → paint p50`,
			value: ms(p50),
			unit: 'ms',
			baseline: baseline(b50),
			target: '≤ baseline + 1 frame',
			pass: p50 !== null && b50 !== null && p50 - b50 <= FRAME_MS && app.missing === 0,
			note: `${app.latencies.length} markers${app.missing ? `, **${app.missing} never painted**` : ''}; emulator send lag ${ms(app.sendLag)} ms`,
		},
		{
			id,
			metric: `${label}: send → paint p95`,
			value: ms(p95),
			unit: 'ms',
			baseline: baseline(b95),
			target: '≤ baseline + 2 frames',
			pass: p95 !== null && b95 !== null && p95 - b95 <= 2 * FRAME_MS,
			note: `max ${max(app)} ms (baseline ${max(base)} ms)`,
		},
		{
			id,
			metric: `${label}: answer DOM commits per painted frame while streaming, max`,
			value: app.commitsMax,
			unit: '',
			baseline: { label: 'plain-text append', value: base.commitsMax },
			target: '≤ 1',
			pass: app.commitsMax <= 1,
			note: `${app.multiCommitFrames} of ${app.paintedFrames} frames had more; longest frame ${ms(app.longestFrame)} ms (baseline ${ms(base.longestFrame)}), long animation frames ${app.loafCount} (baseline ${base.loafCount})`,
		},
	];
}
