/**
 * Long open blocks (a fenced code block, a table, a single-line paragraph) are grown in place while
 * they stream (core/render/open-block.ts, ui/output/markdown/markdown-dom.ts). The DOM they end
 * up as must hold what a full render of the same text holds.
 */
import { renderMarkdown } from '../../src/core/render/markdown';
import { benchTokens } from '../emulator/bench-text';
import { KEYS, expect, response, saveKey, setRequest, test } from './fixtures';

const TOKENS = 1500;

const textOf = (html: string) =>
	html
		.replace(/<button[^>]*>[^<]*<\/button>/g, '')
		.replace(/<[^>]*>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');

// The table at twice the tokens: 200 rows, so it is held past its first hundred (markdown-dom.ts).
const CASES = [
	{ id: 'bench-code', selector: 'pre', tokens: TOKENS },
	{ id: 'bench-table', selector: 'tbody tr', tokens: 2 * TOKENS },
	{ id: 'bench-paragraph', selector: 'p strong', tokens: TOKENS },
] as const;

for (const { id, selector, tokens } of CASES) {
	test(`${id}: streamed in place, it ends as a full render would`, async ({ page }) => {
		// 1 ms a token instead of the suite's 15: the blocks must grow long.
		await page.route('**/api/v1/chat/completions', (route) =>
			route.continue({ headers: { ...route.request().headers(), 'x-emulator-token-delay': '1' } }),
		);
		await page.goto('./');
		await saveKey(page, KEYS.good);
		await setRequest(page, {
			model: `emulator/${id}`,
			messages: [{ role: 'user', content: 'bench' }],
			max_tokens: tokens,
			stream: true,
		});
		await page.getByRole('button', { name: 'Send' }).click();
		const { status, answer } = response(page);
		await expect(status).toContainText('Done', { timeout: 30_000 });
		// What the emulator sends for max_tokens (bench-code closes its fence within the count).
		const expected = renderMarkdown(benchTokens(id, tokens).slice(0, tokens).join(''));
		const count = (html: string) =>
			selector === 'pre'
				? (html.match(/<pre>/g) ?? []).length
				: selector === 'tbody tr'
					? (html.match(/<tr>/g) ?? []).length - 1
					: (html.match(/<strong>/g) ?? []).length;
		expect(count(expected)).toBeGreaterThan(0);
		await expect(answer.locator(selector)).toHaveCount(count(expected));
		const shown = await answer.evaluate((el) => el.textContent ?? '');
		const strip = (s: string) => s.replace(/Copy|\s+/g, '');
		expect(strip(shown)).toBe(strip(textOf(expected)));
		if (id === 'bench-table') {
			// Held: bodies of a hundred rows, and every cell in line with its column's header, also
			// once a wider window has changed the header's widths (at its narrowest already, the
			// table scrolls sideways in a narrower one).
			const held = () =>
				answer.locator('table').evaluate((table: HTMLTableElement) => {
					const heads = [...(table.tHead?.rows[0]?.cells ?? [])].map((c) =>
						c.getBoundingClientRect(),
					);
					const off = (cell: HTMLTableCellElement, i: number) => {
						const box = cell.getBoundingClientRect();
						const head = heads[i];
						return !head || Math.abs(box.left - head.left) + Math.abs(box.width - head.width) > 1;
					};
					const rows = [...table.tBodies].flatMap((body) => [...body.rows]);
					return {
						className: table.className,
						bodies: [...table.tBodies].map((body) => body.rows.length),
						misplaced: rows.filter((row) => [...row.cells].some(off)).length,
						widths: heads.map((h) => Math.round(h.width)).join(' '),
					};
				});
			const desktop = await held();
			expect(desktop).toMatchObject({ className: 'md-held', bodies: [100, 100], misplaced: 0 });
			// In the desktop's narrow response pane no number is split over two lines ("19" over
			// "0"): each row's first cell, its row number, is one line of text.
			const splitNumbers = await answer.locator('table').evaluate((table: HTMLTableElement) =>
				[...table.tBodies[0]!.rows]
					.filter((row) => {
						const range = document.createRange();
						range.selectNodeContents(row.cells[0]!);
						return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
					})
					.map((row) => row.cells[0]!.textContent),
			);
			expect(splitNumbers).toHaveLength(0);
			await page.setViewportSize({ width: 1920, height: 1080 });
			await expect.poll(async () => (await held()).widths).not.toBe(desktop.widths);
			await expect.poll(async () => (await held()).misplaced).toBe(0);
		}
		if (id === 'bench-code') {
			const code = await answer.locator('pre code').evaluate((el) => el.textContent);
			expect(code).toBe(textOf(/<code[^>]*>([\s\S]*)<\/code>/.exec(expected)?.[1] ?? ''));
		}
	});
}

test('a streamed code block is finished in place: its <pre> is never rendered again', async ({
	page,
}) => {
	await page.route('**/api/v1/chat/completions', (route) =>
		route.continue({ headers: { ...route.request().headers(), 'x-emulator-token-delay': '1' } }),
	);
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, {
		model: 'emulator/bench-code',
		messages: [{ role: 'user', content: 'bench' }],
		max_tokens: TOKENS,
		stream: true,
	});
	// Counts code block elements put into the page, and taken out of it (themselves or inside a
	// removed element), while the answer streams.
	await page.evaluate(() => {
		const seen = { added: 0, removed: 0 };
		Object.assign(window, { __pre: seen });
		const count = (nodes: NodeList, inside: boolean) =>
			[...nodes].filter(
				(n) =>
					n instanceof Element &&
					(n.matches('.md-code') || (inside && !!n.querySelector('.md-code'))),
			).length;
		new MutationObserver((records) => {
			for (const r of records) {
				seen.added += count(r.addedNodes, false);
				seen.removed += count(r.removedNodes, true);
			}
		}).observe(document.body, { childList: true, subtree: true });
	});
	await page.getByRole('button', { name: 'Send' }).click();
	const { status, answer } = response(page);
	await expect(status).toContainText('Done', { timeout: 30_000 });
	// The fence closed within the answer, and the code is all there.
	const tokens = benchTokens('bench-code', TOKENS).slice(0, TOKENS).join('');
	expect(tokens.trimEnd().endsWith('```')).toBe(true);
	await expect(answer.locator('pre')).toHaveCount(1);
	const code = await answer.locator('pre code').evaluate((el) => el.textContent);
	expect(code).toBe(`${tokens.slice(tokens.indexOf('\n') + 1, tokens.lastIndexOf('\n```'))}\n`);
	const seen = await page.evaluate(() => (window as unknown as { __pre: object }).__pre);
	expect(seen).toEqual({ added: 1, removed: 0 });
});
