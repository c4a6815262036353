/**
 * B10's scroll case: a grid of 1 000 finished cells (100 cases × 10 columns, answered at once by
 * the emulator's echo), scrolled top → bottom → top three times at 240 px per frame, against a
 * static table of the same text in a box of the same size, in the same run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { openLabGrid, saveKeyInUi } from './app-driver';
import { paceChat } from './page-probes';
import { quantile, round } from './stats';
import type { BenchContext, Row } from './types';

const CASES = 100;
const COLUMNS = 10;
const ROUNDS = 3;
const FRAME_MS = 1000 / 60;
/** What the emulator's echo answers (the prompt itself), about 160 characters, as a cell shows. */
const prompt = (n: string) =>
	`Case ${n}: summarise the routing of this request across providers, with its price, latency and context window, in one short paragraph.`;

/** Frame intervals while the box is scrolled down and up again, 240 px per frame. */
async function scrollFrames(page: Page, selector: string): Promise<number[]> {
	return page.evaluate(
		async ({ selector, rounds }) => {
			const box = document.querySelector(selector) as HTMLElement;
			const gaps: number[] = [];
			box.scrollTop = 0;
			// No named helpers in here: tsx would wrap them in a __name() the page lacks.
			let last = await new Promise<number>((r) => requestAnimationFrame(r));
			for (let round = 0; round < rounds * 2; round++) {
				const down = round % 2 === 0;
				for (;;) {
					const end = down
						? box.scrollTop + box.clientHeight >= box.scrollHeight - 1
						: box.scrollTop <= 0;
					if (end) break;
					box.scrollTop += down ? 240 : -240;
					const now = await new Promise<number>((r) => requestAnimationFrame(r));
					gaps.push(now - last);
					last = now;
				}
			}
			return gaps;
		},
		{ selector, rounds: ROUNDS },
	);
}

const escapeHtml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Every cell of the same grid as plain HTML: no component, no virtual window. */
function staticTable(box: { width: number; height: number }): string {
	const head = Array.from({ length: COLUMNS }, (_, c) => `<th>${c + 1}. seed ${c + 1}</th>`);
	const rows = Array.from({ length: CASES }, (_, r) => {
		const text = escapeHtml(prompt(String(r + 1)));
		const cells = Array.from(
			{ length: COLUMNS },
			() => `<td><div class="cell"><b>done</b><span>✓ pass</span><span>${text}</span></div></td>`,
		);
		return `<tr><th>${r + 1}<span>${r + 1}</span></th>${cells.join('')}</tr>`;
	});
	return `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>B10 baseline</title><style>
body{font:16px system-ui,sans-serif}
#box{width:${box.width}px;height:${box.height}px;overflow:auto}
table{border-collapse:collapse;table-layout:fixed;width:max(100%,calc(8rem + ${COLUMNS} * 14rem))}
th,td{border:1px solid #ccc;padding:2px;vertical-align:top;text-align:left;font-size:.8rem}
thead th{position:sticky;top:0;background:#fff}
.cell{display:flex;flex-direction:column;height:6.5rem;overflow:hidden;padding:4px 6px;border-left:4px solid green}
</style></head><body><div id="box"><table><thead><tr><th>Case</th>${head.join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div></body></html>`;
}

const SCROLLER = '[role="table"][aria-label="Results"]';

/** Runs the 1 000-cell grid in the app; returns the page, its grid scrolled back to the top. */
async function finishedGrid(ctx: BenchContext) {
	const { context, page, cdp } = await ctx.newPage();
	await paceChat(page, 0);
	await page.goto(ctx.appUrl);
	await saveKeyInUi(page, ctx.key);
	const request = {
		model: 'emulator/by-content',
		messages: [{ role: 'user', content: prompt('{{n}}') }],
		stream: true,
	};
	const lab = await openLabGrid(page, request, { cases: CASES, columns: COLUMNS, seedFirst: true });
	await lab.getByLabel('Check').selectOption('contains');
	await lab.getByLabel('Text', { exact: true }).fill('Case');
	await lab.getByRole('button', { name: 'Add assertion' }).click();
	await lab.getByLabel('At most at once').fill('16');
	await lab.getByLabel('Ask before runs over (USD)').fill('100');
	await lab.getByRole('button', { name: 'Run grid' }).click();
	const cells = CASES * COLUMNS;
	await lab
		.getByLabel('Totals for column 10')
		.filter({ hasText: `pass ${CASES}/${CASES}` })
		.waitFor({ timeout: 300_000 });
	await lab
		.getByLabel('Grid totals')
		.filter({ hasText: `${cells}/${cells} done` })
		.waitFor({ timeout: 60_000 });
	return { context, page, cdp };
}

export async function scrollRows(ctx: BenchContext): Promise<Row[]> {
	const app = await finishedGrid(ctx);
	const scroller = `${SCROLLER} >> xpath=..`;
	const box = await app.page.locator(scroller).evaluate((el) => {
		const r = el.getBoundingClientRect();
		return { width: Math.round(r.width), height: Math.round(r.height) };
	});
	// The box's own selector, for the in-page loop.
	await app.page.locator(scroller).evaluate((el) => el.setAttribute('data-bench', 'grid'));
	const profile = process.env.BENCH_PROFILE;
	if (profile) await app.cdp.send('Profiler.enable').then(() => app.cdp.send('Profiler.start'));
	const appGaps = await scrollFrames(app.page, '[data-bench="grid"]');
	if (profile) {
		const { profile: data } = await app.cdp.send('Profiler.stop');
		mkdirSync(profile, { recursive: true });
		writeFileSync(`${profile}/b10-lab-scroll.cpuprofile`, JSON.stringify(data));
	}
	const rendered = await app.page.locator(`${SCROLLER} [role="row"][data-row]`).count();
	await app.context.close();

	const base = await ctx.newPage();
	const url = `${ctx.baselineUrl}b10-grid.html`;
	await base.page.route(url, (route) =>
		route.fulfill({ body: staticTable(box), contentType: 'text/html' }),
	);
	await base.page.goto(url);
	const baseGaps = await scrollFrames(base.page, '#box');
	await base.context.close();

	const [p95, baseP95] = [quantile(appGaps, 0.95), quantile(baseGaps, 0.95)];
	return [
		{
			id: 'B10',
			metric: `${CASES * COLUMNS} finished cells scrolled top ↔ bottom ×${ROUNDS}, frame interval p95`,
			value: round(p95, 1),
			unit: 'ms',
			baseline: { label: 'static table, same text, every cell', value: round(baseP95, 1) },
			target: '≤ baseline + 2 frames',
			pass: p95 !== null && baseP95 !== null && p95 - baseP95 <= 2 * FRAME_MS,
			note: `${appGaps.length} frames (baseline ${baseGaps.length}); max ${round(Math.max(...appGaps), 0)} ms; ${rendered} of ${CASES} rows rendered at the end; box ${box.width}×${box.height}`,
		},
	];
}
