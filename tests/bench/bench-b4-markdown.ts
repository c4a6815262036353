/**
 * B4 pathological markdown: answers that defeat block-by-block rendering, streamed at 5 000 tok/s
 * into the app and into the plain-text-append page in the same run (emulator scenarios in
 * tests/emulator/bench-text.ts): one fenced code block of 20 000 tokens, one 100 KB paragraph, one
 * table of 2 000 rows, one list of 2 000 items, and 20 000 tokens ending in emphasis that never
 * closes; each also at twice its size, for the cost against size. Each carries marker
 * words, measured as in B3 (stream-run.ts), and hostile HTML the view must show as text.
 *
 * Per case: time from the first byte to Done; the longest frame during the stream (gap between
 * animation frames; target ≤ 50 ms, the long-animation-frame threshold, or no worse than the
 * baseline's on a loaded machine) and the long animation frames; send → paint p50/p95 against the
 * baseline (B3's targets); and whether the final rendering is right: the code block is one <pre>,
 * the table has 2 000 body rows, the unclosed emphasis hides nothing, every marker is shown, and
 * nothing outside the sanitiser's allow-list (no event handlers, scripts, images) reached the DOM.
 */
import type { Page } from '@playwright/test';
import { LIST_ITEMS, TABLE_ROWS, UNCLOSED_TAIL } from '../emulator/bench-text';
import { round } from './stats';
import { latencyRows, longestFrameRow, scriptRow, streamOnce } from './stream-run';
import type { Bench, BenchContext, Row } from './types';

const RATE = 5000;

type Shape = {
	pre: number;
	p: number;
	rows: number;
	items: number;
	text: string;
	strongInLast: boolean;
};
type Case = { name: string; model: string; tokens: number; check(s: Shape): string | null };

const CASES: Case[] = [
	{
		name: 'one 20k-token code block',
		model: 'emulator/bench-code',
		tokens: 20_000,
		check: (s) =>
			s.pre !== 1
				? `${s.pre} <pre> elements, expected 1`
				: s.text.includes('</code></pre><script>x()</script>')
					? null
					: 'the HTML inside the code is not shown as text',
	},
	{
		name: 'one 100 KB paragraph',
		model: 'emulator/bench-paragraph',
		tokens: 30_000,
		check: (s) =>
			s.p !== 1
				? `${s.p} paragraphs, expected 1`
				: s.text.includes('<img src=x onerror=alert(1)>')
					? null
					: 'the <img> tag is not shown as text',
	},
	{
		name: 'a 2 000-row table',
		model: 'emulator/bench-table',
		tokens: 30_000,
		check: (s) =>
			s.rows !== TABLE_ROWS
				? `${s.rows} body rows, expected ${TABLE_ROWS}`
				: s.text.includes('<b onmouseover=x()>bold?</b>')
					? null
					: 'the <b> tag in a cell is not shown as text',
	},
	{
		name: 'a 2 000-item list',
		model: 'emulator/bench-list',
		tokens: 30_000,
		check: (s) =>
			s.items !== LIST_ITEMS + LIST_ITEMS / 50
				? `${s.items} list items, expected ${LIST_ITEMS + LIST_ITEMS / 50}`
				: s.text.includes('<b onmouseover=x()>bold?</b>')
					? null
					: 'the <b> tag in an item is not shown as text',
	},
	{
		name: 'unclosed emphasis at the tail',
		model: 'emulator/bench-unclosed',
		tokens: 20_000,
		check: (s) =>
			!s.text.includes(UNCLOSED_TAIL.trim())
				? 'the tail after the unclosed ** is not all shown literally'
				: s.strongInLast
					? 'the unclosed ** turned the last paragraph bold'
					: null,
	},
];

/** Reads the answer's shape and lists anything the sanitiser should have removed (page side). */
const SHAPE = `(() => {
	const answer = document.querySelector('[data-testid="answer"]');
	const allowed = new Set(['P','BR','HR','H1','H2','H3','H4','H5','H6','UL','OL','LI','BLOCKQUOTE','PRE','CODE','EM','STRONG','DEL','A','TABLE','THEAD','TBODY','TR','TH','TD','DIV','SPAN','BUTTON']);
	const bad = [];
	for (const el of answer.querySelectorAll('*')) {
		if (!allowed.has(el.tagName)) bad.push(el.tagName);
		for (const a of el.attributes) if (/^on/i.test(a.name) || /^\\s*(javascript|data):/i.test(a.value)) bad.push(el.tagName + '@' + a.name);
	}
	const paragraphs = answer.querySelectorAll('p');
	const last = paragraphs[paragraphs.length - 1];
	return {
		pre: answer.querySelectorAll('pre').length,
		p: paragraphs.length,
		rows: answer.querySelectorAll('tbody tr').length,
		items: answer.querySelectorAll('li').length,
		text: answer.textContent,
		strongInLast: Boolean(last && last.querySelector('strong, em')),
		bad,
	};
})()`;

async function shapeOf(page: Page): Promise<Shape & { bad: string[] }> {
	return (await page.evaluate(SHAPE)) as Shape & { bad: string[] };
}

const ms = (v: number) => round(v, 0);

/**
 * Cost against size: the app's script time for the same kind of answer at twice the size, best of
 * two runs each (the first 1× run is the one measured above), in the same run. A block twice as
 * long must cost about twice as much, not four times (≤ 2.2×).
 */
async function linearity(ctx: BenchContext, c: Case, first: number): Promise<Row> {
	const at = async (tokens: number) =>
		(await streamOnce(ctx, 'app', { model: c.model, maxTokens: tokens, delayMs: 1000 / RATE }))
			.script;
	const once = Math.min(first, await at(c.tokens));
	const twice = Math.min(await at(c.tokens * 2), await at(c.tokens * 2));
	const ratio = once > 0 ? twice / once : null;
	return {
		id: 'B4',
		metric: `${c.name}: script time, 2× ÷ 1× the size @ ${RATE} tok/s`,
		value: ratio === null ? null : round(ratio, 2),
		unit: '×',
		target: '≤ 2.2',
		pass: ratio !== null && ratio <= 2.2,
		note: `CDP script ${ms(once)} ms → ${ms(twice)} ms (best of two each)`,
	};
}

const bench: Bench = {
	id: 'B4',
	title: 'pathological markdown',
	async run(ctx) {
		const rows: Row[] = [];
		// BENCH_B4_CASE=table runs only the cases whose name holds that word (while tuning one).
		const only = process.env.BENCH_B4_CASE;
		for (const c of CASES.filter((c) => !only || c.name.includes(only))) {
			const spec = { model: c.model, maxTokens: c.tokens, delayMs: 1000 / RATE };
			let problem: string | null = 'not checked';
			const app = await streamOnce(ctx, 'app', spec, async (page) => {
				const shape = await shapeOf(page);
				problem = shape.bad.length
					? `not sanitised: ${shape.bad.slice(0, 5).join(', ')}`
					: c.check(shape);
			});
			const base = await streamOnce(ctx, 'baseline', spec);
			const label = `${c.name} @ ${RATE} tok/s`;
			ctx.log(`${label}: Done ${ms(app.toDone)} ms, longest frame ${ms(app.longestFrame)} ms`);
			rows.push(
				{
					id: 'B4',
					metric: `${label}: first byte → Done`,
					value: ms(app.toDone),
					unit: 'ms',
					baseline: { label: 'plain-text append', value: ms(base.toDone) },
					target: '≤ baseline + 250 ms',
					pass: app.toDone - base.toDone <= 250,
				},
				longestFrameRow('B4', label, app, base),
				...latencyRows('B4', label, app, base).slice(0, 2),
				scriptRow('B4', label, app, base),
				await linearity(ctx, c, app.script),
				{
					id: 'B4',
					metric: `${label}: final rendering right and sanitised`,
					value: null,
					unit: '',
					target: 'yes',
					pass: problem === null && app.missing === 0,
					note: problem ?? (app.missing ? `${app.missing} markers never shown` : 'right'),
				},
			);
		}
		return rows;
	},
};
export default bench;
