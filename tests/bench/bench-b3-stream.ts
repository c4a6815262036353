/**
 * B3 one long stream: 20 000 tokens at 500, 2 000 and 5 000 tok/s into the app, and into a
 * plain-text-append page (tests/bench/baseline/append.html) in the same run. Latency per token =
 * first frame whose answer text includes the token − the emulator's send time for it (its schedule
 * from the moment the response headers arrived: token k at +k × delay). Also DOM commits per frame,
 * long animation frames, and time to Done for 10k vs 20k tokens sent unpaced (linearity).
 */
import type { Page } from '@playwright/test';
import { renderScenario } from '../emulator/scenarios';
import { benchRequest, saveKeyInUi, sendAndWait, setRequestText } from './app-driver';
import { installProbes, loafs, metrics, paceChat } from './page-probes';
import { installPaintProbe, readPaintProbe, type PaintProbe } from './paint-probe';
import { quantile, round } from './stats';
import type { Bench, BenchContext, Row } from './types';

const FRAME_MS = 1000 / 60;

/** For each paced frame of the emulator's answer: how much content text exists once it is sent. */
function contentSchedule(tokens: number): number[] {
	const request = JSON.parse(benchRequest(tokens)) as Parameters<typeof renderScenario>[1];
	const rendered = renderScenario('bench', request);
	if (rendered.kind !== 'sse') throw new Error('the bench scenario did not stream');
	const lengths: number[] = [];
	let length = 0;
	for (const frame of rendered.frames) {
		for (const line of frame.text.split('\n')) {
			if (!line.startsWith('data: {')) continue;
			const chunk = JSON.parse(line.slice(6)) as { choices?: { delta?: { content?: string } }[] };
			length += chunk.choices?.[0]?.delta?.content?.length ?? 0;
		}
		if (frame.paced) lengths.push(length);
	}
	return lengths;
}

function latencies(probe: PaintProbe, schedule: number[], delayMs: number): number[] {
	const start = probe.headersAt;
	if (start === null) throw new Error('the chat response was never seen');
	const out: number[] = [];
	let f = 0;
	schedule.forEach((length, k) => {
		if (length === 0 || (k > 0 && schedule[k - 1] === length)) return;
		while (f < probe.frames.length && (probe.frames[f]?.len ?? 0) < length) f++;
		const frame = probe.frames[f];
		if (frame) out.push(frame.t - (start + (k + 1) * delayMs));
	});
	return out;
}

type Run = {
	lat: number[];
	commitsMax: number;
	multiCommitFrames: number;
	frames: number;
	loafCount: number;
	loafBlocking: number;
	script: number;
	wall: number;
};

async function runOnce(
	ctx: BenchContext,
	target: 'app' | 'baseline',
	tokens: number,
	delayMs: number,
): Promise<Run> {
	const { context, page, cdp } = await ctx.newPage();
	await installProbes(page);
	await installPaintProbe(page, target === 'app' ? '[data-testid="answer"]' : '#out');
	const go =
		target === 'app'
			? () => appRun(ctx, page, tokens, delayMs)
			: () => baselineRun(ctx, page, tokens, delayMs);
	const ready = await go();
	const before = (await metrics(cdp)).ScriptDuration ?? 0;
	const loafStart = (await loafs(page)).length;
	const started = Date.now();
	await ready();
	const wall = Date.now() - started;
	const script = ((await metrics(cdp)).ScriptDuration ?? 0) - before;
	const probe = await readPaintProbe(page);
	const long = (await loafs(page)).slice(loafStart);
	await context.close();
	const streaming = probe.frames.filter((f) => f.t >= (probe.headersAt ?? 0));
	return {
		lat: latencies(probe, contentSchedule(tokens), delayMs),
		commitsMax: Math.max(0, ...streaming.map((f) => f.commits)),
		multiCommitFrames: streaming.filter((f) => f.commits > 1).length,
		frames: streaming.length,
		loafCount: long.length,
		loafBlocking: long.reduce((sum, l) => sum + l.blocking, 0),
		script,
		wall,
	};
}

async function appRun(ctx: BenchContext, page: Page, tokens: number, delayMs: number) {
	await paceChat(page, delayMs);
	await page.goto(ctx.appUrl);
	await saveKeyInUi(page, ctx.key);
	await setRequestText(page, benchRequest(tokens));
	return () => sendAndWait(page);
}

async function baselineRun(ctx: BenchContext, page: Page, tokens: number, delayMs: number) {
	const hash = new URLSearchParams({
		api: ctx.emulator.apiBaseUrl,
		key: ctx.key,
		delay: String(delayMs),
		body: JSON.stringify(JSON.parse(benchRequest(tokens))),
	});
	await page.goto(`${ctx.baselineUrl}append.html#${hash}`);
	await page.waitForFunction(() => 'startStream' in window);
	return async () => {
		await page.evaluate(() =>
			(window as unknown as { startStream(): Promise<void> }).startStream(),
		);
		await page.waitForFunction(() => document.body.dataset.done === '1');
	};
}

const ms = (v: number | null) => round(v, 0);

const bench: Bench = {
	id: 'B3',
	title: 'one long stream',
	async run(ctx) {
		const rows: Row[] = [];
		for (const rate of [500, 2000, 5000]) {
			const delay = 1000 / rate;
			const app = await runOnce(ctx, 'app', 20_000, delay);
			const base = await runOnce(ctx, 'baseline', 20_000, delay);
			const p50 = quantile(app.lat, 0.5);
			const p95 = quantile(app.lat, 0.95);
			const b50 = quantile(base.lat, 0.5);
			const b95 = quantile(base.lat, 0.95);
			rows.push(
				{
					id: 'B3',
					metric: `20k tokens @ ${rate} tok/s: send → paint p50`,
					value: ms(p50),
					unit: 'ms',
					baseline: { label: 'plain-text append', value: ms(b50) },
					target: '≤ baseline + 1 frame',
					pass: p50 !== null && b50 !== null && p50 - b50 <= FRAME_MS,
				},
				{
					id: 'B3',
					metric: `20k tokens @ ${rate} tok/s: send → paint p95 / max`,
					value: ms(p95),
					unit: 'ms',
					baseline: { label: 'plain-text append', value: ms(b95) },
					target: '≤ baseline + 2 frames',
					pass: p95 !== null && b95 !== null && p95 - b95 <= 2 * FRAME_MS,
					note: `max ${ms(Math.max(...app.lat))} ms (baseline ${ms(Math.max(...base.lat))} ms)`,
				},
				{
					id: 'B3',
					metric: `20k tokens @ ${rate} tok/s: DOM commits per frame, max`,
					value: app.commitsMax,
					unit: '',
					baseline: { label: 'plain-text append', value: base.commitsMax },
					target: '≤ 1',
					pass: app.commitsMax <= 1,
					note: `${app.multiCommitFrames} of ${app.frames} frames had more than one; long frames ${app.loafCount} (blocking ${ms(app.loafBlocking)} ms), baseline ${base.loafCount}`,
				},
			);
		}
		// Linearity: the same answer sent as fast as the emulator can write it (no pacing), so the
		// time to Done is the app's own work; 20k should cost about twice 10k, not four times.
		const t10 = await runOnce(ctx, 'app', 10_000, 0);
		const t20 = await runOnce(ctx, 'app', 20_000, 0);
		const ratio = t10.wall > 0 ? t20.wall / t10.wall : null;
		rows.push({
			id: 'B3',
			metric: 'time to Done, 20k ÷ 10k tokens sent unpaced',
			value: round(ratio, 2),
			unit: '×',
			target: '≤ 2.2',
			pass: ratio !== null && ratio <= 2.2,
			note: `${ms(t10.wall)} ms → ${ms(t20.wall)} ms (CDP script time ${ms(t10.script * 1000)} → ${ms(t20.script * 1000)} ms)`,
		});
		return rows;
	},
};
export default bench;
