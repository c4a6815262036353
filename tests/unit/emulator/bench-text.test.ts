/** The benchmark answers: sizes, markers that survive rendering, and the scenarios that send them. */
import { describe, expect, it } from 'vitest';
import {
	BENCH_TEXT_IDS,
	LIST_ITEMS,
	PARAGRAPH_BYTES,
	TABLE_ROWS,
	UNCLOSED_TAIL,
	benchTokens,
	markersIn,
} from '../../emulator/bench-text';
import { renderScenario, type ScenarioId } from '../../emulator/scenarios';
import { renderMarkdown } from '../../../src/core/render/markdown';

const textOf = (html: string) =>
	html
		.replace(/<[^>]*>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');

describe('benchTokens', () => {
	it.each(BENCH_TEXT_IDS)(
		'%s: unique markers, each a whole token, all visible once rendered',
		(id) => {
			const tokens = benchTokens(id);
			const markers = tokens.flatMap(markersIn);
			expect(markers.length).toBeGreaterThan(300);
			expect(new Set(markers).size).toBe(markers.length);
			for (const token of tokens.filter((t) => markersIn(t).length > 0))
				expect(token).toMatch(/^ zq\d{6}$/);
			const shown = markersIn(textOf(renderMarkdown(tokens.join(''))));
			expect(shown).toEqual(markers);
		},
	);

	it('bench-markdown, bench-code and bench-unclosed have the token count asked for', () => {
		expect(benchTokens('bench-markdown', 5000)).toHaveLength(5000);
		expect(benchTokens('bench-code', 20_000)).toHaveLength(20_000);
		expect(benchTokens('bench-unclosed', 20_000)).toHaveLength(20_000);
	});

	it('bench-code is one fenced code block holding hostile HTML as text', () => {
		const html = renderMarkdown(benchTokens('bench-code').join(''));
		expect(html.match(/<pre>/g)).toHaveLength(1);
		expect(html).not.toMatch(/<script/);
		expect(textOf(html)).toContain('</code></pre><script>x()</script>');
	});

	it('bench-paragraph is one paragraph of at least 100 KB', () => {
		const text = benchTokens('bench-paragraph').join('');
		expect(text.length).toBeGreaterThanOrEqual(PARAGRAPH_BYTES);
		expect(text).not.toContain('\n');
		const html = renderMarkdown(text);
		expect(html.match(/<p>/g)).toHaveLength(1);
		expect(html).not.toMatch(/<img/);
	});

	it('bench-table is one table with a header and 2 000 body rows', () => {
		const html = renderMarkdown(benchTokens('bench-table').join(''));
		expect(html.match(/<table>/g)).toHaveLength(1);
		expect(html.match(/<tr>/g)).toHaveLength(TABLE_ROWS + 1);
		expect(html).not.toMatch(/<b /);
	});

	it('bench-list is one tight list of 2 000 items holding hostile HTML as text', () => {
		const html = renderMarkdown(benchTokens('bench-list').join(''));
		expect(html.match(/<ul>/g)?.length).toBe(1 + LIST_ITEMS / 50);
		expect(html.match(/<li>/g)?.length).toBe(LIST_ITEMS + LIST_ITEMS / 50);
		expect(html).not.toMatch(/<li><p>|<b /);
	});

	it.each(['bench-table', 'bench-list', 'bench-paragraph'] as const)(
		'%s is twice as big at twice the tokens',
		(id) => {
			const size = (count: number) => benchTokens(id, count).join('').length;
			expect(size(60_000) / size(30_000)).toBeCloseTo(2, 1);
		},
	);

	it('bench-unclosed ends with emphasis that never closes, shown literally', () => {
		const text = benchTokens('bench-unclosed', 2000).join('');
		expect(text.endsWith(UNCLOSED_TAIL)).toBe(true);
		const html = renderMarkdown(text);
		expect(textOf(html)).toContain(UNCLOSED_TAIL.trim());
	});
});

describe('bench scenarios', () => {
	const content = (id: ScenarioId, maxTokens: number) => {
		const rendered = renderScenario(id, {
			model: `emulator/${id}`,
			messages: [{ role: 'user', content: 'bench' }],
			stream: true,
			max_tokens: maxTokens,
		});
		if (rendered.kind !== 'sse') throw new Error('bench scenarios stream');
		const pieces = rendered.frames
			.filter((f) => f.paced)
			.map((f) => JSON.parse(f.text.slice(6)) as { choices: { delta: { content: string } }[] })
			.map((c) => c.choices[0]?.delta.content ?? '');
		return { pieces, expected: rendered.expected };
	};

	it('streams the answer one paced token per event, cut by max_tokens', () => {
		const { pieces, expected } = content('bench-markdown', 1000);
		expect(pieces).toEqual(benchTokens('bench-markdown', 1000));
		expect(expected.text).toBe(pieces.join(''));
		expect(expected.finishReason).toBe('length');
		expect(content('bench-code', 100).pieces).toHaveLength(100);
		// A sized kind is built at the size max_tokens asks for, then cut by it.
		expect(content('bench-table', 100).pieces.length).toBeLessThanOrEqual(100);
	});

	it('keeps the unclosed tail within max_tokens', () => {
		expect(content('bench-unclosed', 20_000).expected.text.endsWith(UNCLOSED_TAIL)).toBe(true);
	});

	it('sends the whole table when max_tokens allows it', () => {
		const { pieces, expected } = content('bench-table', 30_000);
		expect(pieces).toEqual(benchTokens('bench-table'));
		expect(expected.finishReason).toBe('stop');
	});
});
