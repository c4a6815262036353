/**
 * B10 the prompt lab's grid: 100 cases × 3 columns (300 streamed answers of 100 tokens at
 * 500 tok/s) at six at once, the most HTTP/1.1 gives one host. Measured: click "Run grid" → every
 * cell done against the ideal (cells × stream time ÷ 6), the page's frames while the grid runs
 * (a rAF loop in the page), and the script time of keystrokes typed into a case meanwhile. Then a
 * grid of 1 000 finished cells scrolled against a static table (lab-scroll.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import { openLabGrid, saveKeyInUi } from './app-driver';
import { clearHistory } from './bench-b8-memory';
import { heapTotals, parseSnapshot, takeSnapshot } from './heap-graph';
import { scrollRows } from './lab-scroll';
import { metrics, paceChat } from './page-probes';
import { median, quantile, round } from './stats';
import type { Bench, BenchContext, Row } from './types';

const CASES = 100;
const COLUMNS = 3;
const TOKENS = 100;
const TOKEN_DELAY_MS = 2;
const AT_ONCE = 6;

const frame = (page: Page) =>
	page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0))));

async function keystrokes(page: Page, cdp: CDPSession, count: number): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		await frame(page);
		const before = (await metrics(cdp)).ScriptDuration ?? 0;
		await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
		await frame(page);
		const after = (await metrics(cdp)).ScriptDuration ?? 0;
		times.push((after - before) * 1000);
	}
	return times;
}

/** The heap snapshot's data, compiled code left out (V8 makes and drops it on its own; see B8). */
const heapData = async (cdp: CDPSession) => heapTotals(parseSnapshot(await takeSnapshot(cdp))).data;

/*
 * The baseline: a plain page appending the same text on the same schedule (six answers at once,
 * each a token every TOKEN_DELAY_MS, TOKENS tokens, then the next), into one div per answer, with
 * the same rAF loop measuring its frames. A string: tsx's `__name` helper does not exist there.
 */
const BASELINE = `new Promise((done) => {
	window.__frames = [];
	let stop = false;
	(function loop(last) {
		requestAnimationFrame((now) => { if (last) window.__frames.push(now - last); if (!stop) loop(now); });
	})(0);
	let next = 0;
	const streams = [];
	const start = () => {
		if (next >= ${CASES * COLUMNS}) return null;
		const div = document.createElement('div');
		document.body.append(div);
		next++;
		return { div, at: performance.now(), sent: 0 };
	};
	for (let i = 0; i < ${AT_ONCE}; i++) streams.push(start());
	(function tick() {
		const now = performance.now();
		for (let i = 0; i < streams.length; i++) {
			const s = streams[i];
			if (!s) continue;
			const due = Math.min(${TOKENS}, Math.floor((now - s.at) / ${TOKEN_DELAY_MS}));
			let text = '';
			for (; s.sent < due; s.sent++) text += 'word' + s.sent + ' ';
			if (text) s.div.append(text);
			if (s.sent >= ${TOKENS}) streams[i] = start();
		}
		if (streams.some(Boolean)) setTimeout(tick, 1);
		else { stop = true; done(window.__frames); }
	})();
})`;

async function baselineFrames(ctx: BenchContext): Promise<number[]> {
	const { context, page } = await ctx.newPage();
	await page.goto(`${ctx.baselineUrl}blank.html`);
	const frames = (await page.evaluate(BASELINE)) as number[];
	await context.close();
	return frames;
}

async function measure(ctx: BenchContext) {
	const { context, page, cdp } = await ctx.newPage();
	await paceChat(page, TOKEN_DELAY_MS);
	await page.goto(ctx.appUrl);
	await saveKeyInUi(page, ctx.key);
	const request = {
		model: 'emulator/bench',
		messages: [{ role: 'user', content: 'Benchmark case {{n}}.' }],
		max_tokens: TOKENS,
		stream: true,
	};
	const lab = await openLabGrid(page, request, { cases: CASES, columns: COLUMNS });
	await lab.getByLabel('At most at once').fill(String(AT_ONCE));
	await lab.getByLabel('Ask before runs over (USD)').fill('100');
	const cells = CASES * COLUMNS;
	const heapBefore = await heapData(cdp);
	await page.evaluate(`window.__frames = []; (function loop(last) {
		requestAnimationFrame((now) => { if (last) window.__frames.push(now - last); if (!window.__stop) loop(now); });
	})(0)`);
	const profile = process.env.BENCH_PROFILE;
	if (profile) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
	const start = Date.now();
	await lab.getByRole('button', { name: 'Run grid' }).click();
	const typing = lab.getByRole('textbox', { name: 'n, case 1', exact: true });
	await typing.focus();
	await typing.press('End');
	const keys = await keystrokes(page, cdp, 20);
	// A cheap poll: Playwright's locator engine, run every few frames, would be in the frames measured.
	await page.waitForFunction(
		(done) => document.querySelector('[aria-label="Grid totals"]')?.textContent?.includes(done),
		`${cells}/${cells} done`,
		{ polling: 250, timeout: 300_000 },
	);
	const wall = Date.now() - start;
	if (profile) {
		const { profile: data } = await cdp.send('Profiler.stop');
		mkdirSync(profile, { recursive: true });
		writeFileSync(`${profile}/b10-lab.cpuprofile`, JSON.stringify(data));
	}
	const frames = (await page.evaluate('window.__stop = true, window.__frames')) as number[];
	// A clear: the grid's results let go, the lab closed, its kept run deleted from History.
	await lab.getByRole('button', { name: 'Clear results' }).click();
	await lab.getByRole('button', { name: 'Close', exact: true }).click();
	await clearHistory(page);
	const heapAfter = await heapData(cdp);
	await context.close();
	return { wall, frames, keys, cells, heapBefore, heapAfter };
}

const bench: Bench = {
	id: 'B10',
	title: 'prompt lab grid: 100 cases × 3 columns',
	async run(ctx): Promise<Row[]> {
		const m = await measure(ctx);
		const base = await baselineFrames(ctx);
		const p95Base = quantile(base, 0.95);
		const growth = (m.heapAfter - m.heapBefore) / m.heapBefore;
		const ideal = (m.cells * TOKENS * TOKEN_DELAY_MS) / AT_ONCE;
		const p95Frame = quantile(m.frames, 0.95);
		const p95Key = quantile(m.keys, 0.95);
		return [
			{
				id: 'B10',
				metric: `Run grid → ${m.cells} cells done (${TOKENS} tokens each, ${AT_ONCE} at once)`,
				value: round(m.wall, 0),
				unit: 'ms',
				baseline: { label: 'ideal: cells × stream time ÷ 6', value: round(ideal, 0) },
				target: '≤ ideal × 1.5',
				pass: m.wall <= ideal * 1.5,
			},
			{
				id: 'B10',
				metric: `frames while the grid runs, p95 of ${m.frames.length}`,
				value: round(p95Frame, 1),
				unit: 'ms',
				baseline: { label: 'plain page appending the same text', value: round(p95Base, 1) },
				target: '≤ 2 frames (33 ms) and ≤ baseline + 2 frames',
				pass:
					p95Frame !== null &&
					p95Base !== null &&
					p95Frame <= 33.4 &&
					p95Frame <= p95Base + (2 * 1000) / 60,
				note: `median ${round(median(m.frames), 1)} ms, worst ${round(Math.max(...m.frames), 0)} ms`,
			},
			{
				id: 'B10',
				metric: 'heap after the grid, Clear results and its History run deleted (snapshot data)',
				value: round(m.heapAfter / 1024 / 1024, 2),
				unit: 'MB',
				baseline: { label: 'before the grid', value: round(m.heapBefore / 1024 / 1024, 2) },
				target: 'within 10 %',
				pass: growth <= 0.1,
				note: `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %`,
			},
			{
				id: 'B10',
				metric: 'keystroke in a case while the grid runs → frame, script time, p95 of 20',
				value: round(p95Key, 1),
				unit: 'ms',
				target: '≤ 16 ms',
				pass: p95Key !== null && p95Key <= 16,
				note: `median ${round(median(m.keys), 1)} ms`,
			},
			...(await scrollRows(ctx)),
		];
	},
};
export default bench;
