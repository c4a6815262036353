/**
 * B9 a long conversation: 200 turns of about 5 KB each (1 MB), restored from the saved draft.
 * - open: navigation → the last turn and the Reply box are there and painted, against a static page
 *   of the same text (200 pre-wrap blocks in a scroll box of the same size), same run, median of 3;
 * - scroll: the transcript scrolled top to bottom, 240 px per frame, p95 frame interval, against the
 *   same static page;
 * - stream: a 4 000-token markdown answer at the end of that conversation at 500 tok/s, against the
 *   plain-text append page: B3's and B4's targets (latency, longest frame, script time); and the
 *   settled turns do no work: the app's script time per second over the stream's middle half after
 *   199 turns, against the same answer with none before it, same run.
 */
import type { Page } from '@playwright/test';
import { saveKeyInUi } from './app-driver';
import { median, quantile, round } from './stats';
import {
	latencyRows,
	longestFrameRow,
	scriptRow,
	streamOnce,
	type StreamRun,
	type StreamSpec,
} from './stream-run';
import type { Bench, BenchContext, Row } from './types';

const TURNS = 200;
const TURN_CHARS = 5000;
const RUNS = 3;
const FRAME_MS = 1000 / 60;
/** Settled turns may cost an update a little (a longer page around it), not work of their own. */
const SETTLED_RATIO = 1.2;

/** Deterministic prose with some markdown, so every run and both pages hold the same text. */
function conversation(): Record<string, unknown>[] {
	const words =
		'the model answers with routing tokens price context stream café résumé über provider latency'.split(
			' ',
		);
	let seed = 7;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
	return Array.from({ length: TURNS }, (_, i) => {
		const parts: string[] = [];
		let size = 0;
		while (size < TURN_CHARS) {
			const sentence = Array.from({ length: 12 }, () => words[next() % words.length]).join(' ');
			const line = next() % 7 === 0 ? `\n- **${sentence}**\n` : `${sentence}. `;
			parts.push(line);
			size += line.length;
		}
		return {
			role: i % 2 === 0 ? 'user' : 'assistant',
			content: `Turn ${i + 1}: ${parts.join('')}`,
		};
	});
}

const escapeHtml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The static page: the same text, one block per turn, in a scroll box of the Response pane's size. */
function staticPage(turns: Record<string, unknown>[]): string {
	const blocks = turns
		.map(
			(t) => `<div class="turn"><b>${String(t.role)}</b>\n${escapeHtml(String(t.content))}</div>`,
		)
		.join('\n');
	return `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>B9 baseline</title><style>
#box{width:440px;height:760px;overflow:auto;font:15px/1.5 system-ui,sans-serif}
.turn{white-space:pre-wrap;overflow-wrap:anywhere;margin:0 0 10px;padding-left:10px;border-left:3px solid #ccc}
</style></head><body><div id="box">${blocks}<textarea aria-label="Reply"></textarea></div></body></html>`;
}

/** Wall-clock ms from navigation start to the first frame where `ready` holds. */
async function readyAt(page: Page, ready: string[]): Promise<number> {
	const handle = await page.waitForFunction(
		(selectors) => (selectors.every((s) => document.querySelector(s)) ? performance.now() : false),
		ready,
		{ polling: 'raf', timeout: 60_000 },
	);
	return (await handle.jsonValue()) as number;
}

const APP_READY = [
	`section[aria-label="Conversation"] ol > li:nth-child(${TURNS})`,
	'section[aria-label="Conversation"] textarea[aria-label="Reply"]',
];

/** Writes the draft as the app keeps it (io/draft-store.ts), so a reload restores the conversation. */
async function seedDraft(page: Page, text: string): Promise<void> {
	await page.evaluate(async (draft) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('openrouter-playground-drafts');
			open.onupgradeneeded = () => open.result.createObjectStore('drafts');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction('drafts', 'readwrite');
			tx.objectStore('drafts').put(
				{ v: 2, text: draft, headers: {}, savedAt: Date.now() },
				'draft',
			);
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, text);
}

/** Frame intervals while `scroller` is scrolled from top to bottom, 240 px per frame. */
async function scrollFrames(page: Page, scroller: string): Promise<number[]> {
	return page.evaluate(async (selector) => {
		const box = document.querySelector(selector) as HTMLElement;
		box.scrollTop = 0;
		const gaps: number[] = [];
		let last = await new Promise<number>((r) => requestAnimationFrame(r));
		while (box.scrollTop + box.clientHeight < box.scrollHeight - 1) {
			box.scrollTop += 240;
			const now = await new Promise<number>((r) => requestAnimationFrame(r));
			gaps.push(now - last);
			last = now;
		}
		return gaps;
	}, scroller);
}

async function openApp(ctx: BenchContext, text: string) {
	const { context, page } = await ctx.newPage();
	await page.goto(ctx.appUrl);
	await saveKeyInUi(page, ctx.key);
	await seedDraft(page, text);
	await page.reload();
	const at = await readyAt(page, APP_READY);
	const count = await page.locator('section[aria-label="Conversation"] ol > li').count();
	if (count < TURNS) throw new Error(`the app showed ${count} turns, not ${TURNS}`);
	return { context, page, at };
}

async function openStatic(ctx: BenchContext, html: string) {
	const { context, page } = await ctx.newPage();
	const url = `${ctx.baselineUrl}b9-conversation.html`;
	await page.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html' }));
	await page.goto(url);
	const at = await readyAt(page, ['textarea[aria-label="Reply"]']);
	return { context, page, at };
}

/**
 * The settled turns do no work while an answer streams: the app's script time per second of the
 * stream's middle half (no Send, no Done: those carry the 1 MB request either way) after 199 turns,
 * against the same answer with none before it; best of two each, the first after the turns being
 * the one measured above.
 */
async function settledTurnsRow(
	ctx: BenchContext,
	spec: StreamSpec,
	first: StreamRun,
): Promise<Row> {
	const steadyOf = async (s: StreamSpec) => (await streamOnce(ctx, 'app', s)).steadyScript;
	const best = (values: (number | null)[]) =>
		values.some((v) => v === null) ? null : Math.min(...(values as number[]));
	const after = best([first.steadyScript, await steadyOf(spec)]);
	const alone = { ...spec, history: undefined };
	const fresh = best([await steadyOf(alone), await steadyOf(alone)]);
	const ratio = after !== null && fresh ? after / fresh : null;
	return {
		id: 'B9',
		metric: 'script time per second of the answer after 199 turns ÷ with none before it',
		value: ratio === null ? null : round(ratio, 2),
		unit: '×',
		target: `≤ ${SETTLED_RATIO}`,
		pass: ratio !== null && ratio <= SETTLED_RATIO,
		note: `middle half of the stream: ${round(fresh, 0)} ms/s alone → ${round(after, 0)} ms/s after 199 turns (best of two each)`,
	};
}

const bench: Bench = {
	id: 'B9',
	title: 'a 200-turn conversation (1 MB): open, scroll, stream at its end',
	async run(ctx) {
		const turns = conversation();
		const text = JSON.stringify({ model: 'emulator/bench-markdown', messages: turns }, null, 2);
		const html = staticPage(turns);
		ctx.log(`conversation: ${TURNS} turns, ${round(text.length / 1024 / 1024, 2)} MB of JSON`);
		const opens: number[] = [];
		const bases: number[] = [];
		const appGaps: number[] = [];
		const baseGaps: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const app = await openApp(ctx, text);
			opens.push(app.at);
			appGaps.push(...(await scrollFrames(app.page, 'section[aria-label="Response"] .pane-body')));
			await app.context.close();
			const base = await openStatic(ctx, html);
			bases.push(base.at);
			baseGaps.push(...(await scrollFrames(base.page, '#box')));
			await base.context.close();
		}
		const [open, baseOpen] = [median(opens), median(bases)];
		const [p95, baseP95] = [quantile(appGaps, 0.95), quantile(baseGaps, 0.95)];
		const rows: Row[] = [
			{
				id: 'B9',
				metric: 'open: navigation → last turn and Reply painted (median of 3)',
				value: round(open, 0),
				unit: 'ms',
				baseline: { label: 'static page, same text', value: round(baseOpen, 0) },
				target: '≤ baseline + 300 ms',
				pass: open !== null && baseOpen !== null && open - baseOpen <= 300,
				note: `runs ${opens.map((v) => round(v, 0)).join(', ')} ms`,
			},
			{
				id: 'B9',
				metric: 'scroll top → bottom, frame interval p95',
				value: round(p95, 1),
				unit: 'ms',
				baseline: { label: 'static page, same text', value: round(baseP95, 1) },
				target: '≤ baseline + 2 frames',
				pass: p95 !== null && baseP95 !== null && p95 - baseP95 <= 2 * FRAME_MS,
				note: `${appGaps.length} frames (baseline ${baseGaps.length}); max ${round(Math.max(...appGaps), 0)} ms`,
			},
		];
		// The answer streams at the end of the same conversation; the baseline appends plain text.
		const history = turns.slice(0, TURNS - 1);
		const spec = { model: 'emulator/bench-markdown', maxTokens: 4000, delayMs: 2, history };
		const app = await streamOnce(ctx, 'app', spec);
		const base = await streamOnce(ctx, 'baseline', spec);
		const label = '4 000 tokens @ 500 tok/s after 199 turns';
		rows.push(
			...latencyRows('B9', label, app, base),
			longestFrameRow('B9', label, app, base),
			scriptRow('B9', label, app, base),
			await settledTurnsRow(ctx, spec, app),
		);
		return rows;
	},
};
export default bench;
