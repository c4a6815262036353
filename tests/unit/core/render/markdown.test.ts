import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	MarkdownStream,
	renderMarkdown,
	type TailUpdate,
} from '../../../../src/core/render/markdown';
import { openBlock, type Render } from '../../../../src/core/render/open-block';
import { escapeHtml } from '../../../../src/core/render/safe-url';
import { benchTokens } from '../../../emulator/bench-text';
import { marked, type Token } from 'marked';

const CORPUS = readFileSync(
	new URL('../../../fixtures/markdown/corpus.txt', import.meta.url),
	'utf8',
);

/** Where the last top-level `<li>` of a list's HTML (without its closing tag) starts. */
function lastTopItem(html: string): number {
	let depth = 0;
	let last = -1;
	for (const m of html.matchAll(/<(\/?)(?:li|ul|ol)\b[^>]*>/g)) {
		const open = !m[1];
		if (m[0].startsWith('<li') || m[0].startsWith('</li')) {
			if (open && depth === 1) last = m.index;
		} else depth += open ? 1 : -1;
	}
	return last;
}

/** The open block as a string, changed the way markdown-dom.ts changes the DOM. */
function tailModel() {
	let html = '';
	let liveFrom: number | null = null;
	return {
		get html() {
			return html;
		},
		apply(update: TailUpdate) {
			if (update.kind === 'html') [html, liveFrom] = [update.html, null];
			else if (update.kind === 'code') {
				const at = html.lastIndexOf('</code>');
				let end = at;
				while (html[end - 1] === '\n') end--;
				html = html.slice(0, end) + escapeHtml(update.append) + update.ending + html.slice(at);
			} else if (update.kind === 'rows') {
				if (update.dropLive)
					html = html.slice(0, html.lastIndexOf('<tr>')) + html.slice(html.lastIndexOf('</tbody>'));
				const at = html.lastIndexOf('</tbody>');
				html = html.slice(0, at) + update.rows + update.live + html.slice(at);
			} else if (update.kind === 'cells') {
				// marked's layout of a row, its cells' text escaped as marked escapes text.
				const rows = update.rows.map(
					(cells) =>
						`<tr>\n${cells.map((cell, i) => `<td${update.align[i] ? ` align="${update.align[i]}"` : ''}>${escapeHtml(cell)}</td>\n`).join('')}</tr>\n`,
				);
				if (update.dropLive)
					html = html.slice(0, html.lastIndexOf('<tr>')) + html.slice(html.lastIndexOf('</tbody>'));
				const at = html.lastIndexOf('</tbody>');
				html = html.slice(0, at) + rows.join('') + html.slice(at);
			} else if (update.kind === 'items') {
				const close = html.lastIndexOf('</');
				let body = html.slice(0, close);
				if (update.dropLive) body = body.slice(0, lastTopItem(body));
				html = body + update.items + update.live + html.slice(close);
			} else if (update.kind === 'inline') {
				const base = html.slice(0, liveFrom ?? 3) + update.frozen;
				[html, liveFrom] = [`${base}${update.live}</p>\n`, base.length];
			}
		},
	};
}

/** Feeds `text` in pieces and returns the HTML the DOM would hold after each piece. */
function feed(
	text: string,
	cuts: number[],
	kinds: string[] = [],
): { prefix: string; html: string }[] {
	return feedTexts(
		cuts.map((end) => text.slice(0, end)),
		kinds,
	);
}

/** Each text in turn, as a streamed view shows it after each. */
function feedTexts(texts: string[], kinds: string[] = []): { prefix: string; html: string }[] {
	const stream = new MarkdownStream();
	let settled = '';
	const tail = tailModel();
	const out: { prefix: string; html: string }[] = [];
	for (const prefix of texts) {
		const update = stream.update(prefix);
		if (update.reset) settled = '';
		if (update.adopt) settled += tail.html;
		settled += update.settled;
		tail.apply(update.tail);
		kinds.push(update.tail.kind);
		out.push({ prefix, html: settled + tail.html });
	}
	return out;
}

function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('incremental markdown', () => {
	it('equals a full render at every prefix, one character at a time', () => {
		const cuts = Array.from({ length: CORPUS.length }, (_, i) => i + 1);
		for (const { prefix, html } of feed(CORPUS, cuts))
			expect(html, prefix).toBe(renderMarkdown(prefix));
	});

	it.each([1, 7, 2025])('equals a full render at random cuts (seed %i)', (seed) => {
		const next = seeded(seed);
		const cuts: number[] = [];
		for (let at = 0; at < CORPUS.length;)
			cuts.push((at = Math.min(CORPUS.length, at + 1 + Math.floor(next() * 40))));
		for (const { prefix, html } of feed(CORPUS, cuts))
			expect(html, prefix).toBe(renderMarkdown(prefix));
	});

	it('equals a full render at every prefix of text with CR LF line ends (a CR LF cut in two too)', () => {
		const text = CORPUS.slice(0, 1500).replace(/\n/g, '\r\n');
		const cuts = Array.from({ length: text.length }, (_, i) => i + 1);
		for (const { prefix, html } of feed(text, cuts))
			expect(html, prefix).toBe(renderMarkdown(prefix));
	});

	it('equals a full render when CRs arrive late inside new text, and after a reset to text without one', () => {
		// A CR LF becomes one line break: the text is no longer its own normalised text, from that
		// point on. No piece ends in a CR here (that case is checked apart), so the CRs come inside
		// new text; the second run brings them all in one piece.
		const crs = '\rlate\r\nline one\r\nline two\r\nline three\r\n\r\nnext paragraph\r\n\r\n';
		const text = `${CORPUS.slice(0, 600)}${crs}${CORPUS.slice(600, 900)}`;
		const cuts = Array.from({ length: text.length }, (_, i) => i + 1).filter(
			(end) => text[end - 1] !== '\r',
		);
		for (const every of [cuts, [600, text.length]])
			for (const { prefix, html } of feed(text, every))
				expect(html, prefix).toBe(renderMarkdown(prefix));
		// A reset to text without CR: the stream may take the given text as its own again.
		const after = 'Plain *text* that grows, long enough for the open paragraph to go fast. '.repeat(
			3,
		);
		const texts = [
			'a\rb',
			...Array.from({ length: after.length }, (_, i) => after.slice(0, i + 1)),
		];
		for (const { prefix, html } of feedTexts(texts))
			expect(html, prefix).toBe(renderMarkdown(prefix));
	});

	it('starts again when the text changes inside, even with the same length and ends', () => {
		const stream = new MarkdownStream();
		stream.update('alpha beta gamma');
		const update = stream.update('alpha BETA gamma delta');
		expect(update.reset).toBe(true);
		expect(update.tail).toEqual({ kind: 'html', html: '<p>alpha BETA gamma delta</p>\n' });
	});

	it('settles blocks so later updates do not re-parse them', () => {
		const stream = new MarkdownStream();
		const first = stream.update('# Title\n\nFirst paragraph.\n\nSecond');
		expect(first.settled).toContain('<h1>Title</h1>');
		expect(first.settled).toContain('First paragraph.');
		expect(first.tail).toEqual({ kind: 'html', html: '<p>Second</p>\n' });
		const settledAt = stream.settledLength;
		const next = stream.update('# Title\n\nFirst paragraph.\n\nSecond grows');
		expect(next.settled).toBe('');
		expect(next.tail).toEqual({ kind: 'html', html: '<p>Second grows</p>\n' });
		expect(stream.settledLength).toBe(settledAt);
	});

	it('starts again when the text is replaced', () => {
		const stream = new MarkdownStream();
		stream.update('one\n\ntwo');
		const update = stream.update('other');
		expect(update.reset).toBe(true);
		expect(update.settled).toBe('');
		expect(update.tail).toEqual({ kind: 'html', html: '<p>other</p>\n' });
	});

	it('costs the open block, not the whole answer', () => {
		const stream = new MarkdownStream();
		let text = '';
		for (let i = 0; i < 2000; i++) {
			text += `Paragraph ${i} with some words.\n\n`;
			stream.update(text);
		}
		expect(text.length - stream.settledLength).toBeLessThan(40);
	});
});

describe('long open blocks grow in place', () => {
	const code = `Intro.\n\n\`\`\`ts\n${Array.from({ length: 120 }, (_, i) => `\tconst v${i} = f("<b>", 'x'); // ~~ no fence\n\n`).join('')}\`\`\`\n\nAfter the code.`;
	const table = `| n | name | value |\n| ---: | :-- | --- |\n${Array.from({ length: 60 }, (_, i) => `| ${i} | **n${i}** <b onclick=x()> | \`v\` |\n`).join('')}\nAfter the table.`;
	const words =
		'Words keep coming with **strong**, _em_, `code`, [a link](https://example.org), <img src=x> and www.example.org here. ';
	const paragraph = `${words.repeat(90)}and a *late star that never closes ${words.repeat(20)}`;
	const list = `Steps:\n\n${Array.from({ length: 80 }, (_, i) => `${i % 9 === 4 ? `- item ${i} with **bold** and \`a | pipe\`\n  - nested ${i}\n  - nested <b>x</b>\n` : `- item ${i} [link](https://example.org/${i}) _em_\n`}`).join('')}\nAfter the list.`;
	// Rows of words and numbers, split without the lexer (open-block.ts), every 100th with markup.
	const plainTable = `| n | name | value |\n| ---: | :-- | --- |\n${Array.from({ length: 300 }, (_, i) => (i % 100 === 99 ? `| ${i} | **n${i}** | \`v\` |\n` : `| ${i} | name "${i}" it's | ${(i * 1.5).toFixed(1)} |\n`)).join('')}\nAfter the table.`;
	// Prose with delimiter characters nothing can pair with (snake_case, a < b, 2 * 3, x ~ y, Hi!),
	// and near misses that later text can still pair with (<b, _word, *word, ![).
	const inert =
		'Set my_var and MAX_SIZE when a < b, 2 * 3 = 6 and x ~ y hold. Hi! Wow!! Done. '.repeat(40);
	const nearMiss =
		' Then <b and _lead or *star and ![alt so later text <b>closes</b> _them_ *both* ](x).';
	// Constructs that open, run on past a freeze and close later: their openers must not freeze.
	const filler = 'and the words go on for a while with 2 * 3 and a < b '.repeat(16);
	const spanning = ['*', '_', '~', '`', '[', '**', '<span title="'].map(
		(open) =>
			`${inert.slice(0, 300)}x ${open}opens ${filler}closes${({ '[': '](https://example.org)', '<span title="': '">' } as Record<string, string>)[open] ?? [...open].reverse().join('')} then more. `,
	);
	const prose = `${inert}${spanning.join('')}${nearMiss}${inert}`;
	const cases = { code, table, plainTable, paragraph, prose, list } as const;

	it.each(Object.keys(cases) as (keyof typeof cases)[])(
		'%s: equals a full render at random cuts',
		(name) => {
			const text = cases[name];
			for (const seed of [3, 11]) {
				const next = seeded(seed);
				const cuts: number[] = [];
				for (let at = 0; at < text.length;)
					cuts.push((at = Math.min(text.length, at + 1 + Math.floor(next() * 60))));
				for (const { prefix, html } of feed(text, cuts))
					expect(html, prefix.slice(-80)).toBe(renderMarkdown(prefix));
			}
		},
		// A correctness check that re-renders ~10^3 prefixes of a long text: takes 1-2 s idle and
		// more on a loaded CI machine, so it gets a wider limit than vitest's 5 s default.
		30_000,
	);

	it.each([
		['code', 'code'],
		['table', 'rows'],
		['plainTable', 'cells'],
		['paragraph', 'inline'],
		['prose', 'inline'],
		['list', 'items'],
	] as const)('%s: most updates only add to what is shown (%s)', (name, kind) => {
		const text = cases[name];
		const kinds: string[] = [];
		const cuts = Array.from({ length: Math.ceil(text.length / 20) }, (_, i) => (i + 1) * 20);
		feed(text, cuts, kinds);
		expect(kinds.filter((k) => k === kind).length).toBeGreaterThan(cuts.length * 0.6);
	});

	it('a growing code block does not lex anything per update once its few endings are known', () => {
		let lexed = 0;
		const counting: Render = {
			lex: (src) => (lexed++, marked.lexer(src)),
			html: (tokens) => marked.parser(tokens as Token[]),
			inlineTokens: (src) => marked.Lexer.lexInline(src),
			inlineHtml: (tokens) => marked.Parser.parseInline(tokens),
		};
		let text = '```ts\nconst a = 1;\n';
		const block = openBlock(marked.lexer(text)[0] as Token, 0, text, counting);
		expect(block).not.toBeNull();
		const endings = new Set<string>();
		for (let i = 0; i < 300; i++) {
			const previous = text;
			// Lines end in one, two or no line breaks, as a model's code does between tokens.
			text += i % 3 === 0 ? `x${i}` : i % 3 === 1 ? '\n' : '\n\n';
			const update = block?.extend(text, previous);
			expect(update?.kind).toBe('code');
			if (update?.kind === 'code') endings.add(update.ending);
		}
		expect(endings.size).toBeGreaterThan(1);
		expect(lexed).toBeLessThanOrEqual(3);
	});

	it('a code block is finished in place when its fence closes, then kept as it is', () => {
		const stream = new MarkdownStream();
		const body = Array.from({ length: 50 }, (_, i) => `line ${i} with \`ticks\` <b>x</b>\n`);
		let text = '```js\n';
		stream.update(text);
		const kinds: string[] = [];
		for (const line of body) kinds.push(stream.update((text += line)).tail.kind);
		// A backtick inside the code needs a look at the whole block, not a new render of it.
		expect(kinds.every((k) => k === 'code')).toBe(true);
		const closed = stream.update((text += '```'));
		expect(closed.tail).toEqual({ kind: 'code', append: '', ending: '\n' });
		const after = stream.update((text += '\n\nAfter the code.'));
		expect(after.adopt).toBe(true);
		expect(after.settled).toBe('');
		expect(after.tail).toEqual({ kind: 'html', html: '<p>After the code.</p>\n' });
		expect(stream.settledLength).toBe(text.indexOf('After'));
	});

	it.each([
		['a closing fence cut in two', '```\nab\n``', '`\n\nnext'],
		['a closing fence after blank lines', '```\nab\n\n\n', '```\nnext'],
		['a longer closing fence', '````\nab\n```\n', '````\n\nnext'],
		['a fence line of the other kind', '```\nab\n~~~\n', 'c\n```\n\nnext'],
		['an info string on a fence-like line', '```\nab\n```js\n', 'c\n```\n\nnext'],
	])('a code block finishes like a full render: %s', (_, head, more) => {
		const text = head + more;
		const cuts = Array.from({ length: text.length - head.length + 1 }, (_, i) => head.length + i);
		for (const { prefix, html } of feed(text, cuts))
			expect(html, prefix).toBe(renderMarkdown(prefix));
	});

	it.each([
		[
			'an ordered list from 7',
			'7. seven\n8. eight\n9. nine\n10. ten with `code`\n11) other delimiter\n',
		],
		['a blank line that makes the list loose', '- a\n- b\n- c\n\n- d\n- e\n'],
		['a blank line of spaces', '- a\n- b\n  \n- c\n \t\n- d\n'],
		['a change of bullet', '- a\n- b\n* c\n* d\n+ e\n'],
		['lazy lines and a heading after', '- a\n- b\nlazy line\n- c\n# Title\n- d\n'],
		['nested and indented code', '- a\n- b\n  - c\n    - d\n- e\n      code?\n- f\n---\n'],
		[
			'hostile HTML in items',
			'- <img src=x onerror=alert(1)>\n- <script>x()</script>\n- [x](javascript:alert(1))\n- ok\n',
		],
		['task items and a table after', '- [ ] a\n- [x] b\n| h |\n| - |\n| c |\n'],
	])('a list equals a full render at every cut: %s', (_, text) => {
		const cuts = Array.from({ length: text.length }, (_, i) => i + 1);
		for (const { prefix, html } of feed(text, cuts))
			expect(html, prefix).toBe(renderMarkdown(prefix));
		// Reached through the fast path: every cut from a two-item list on, one after another.
		for (let from = 1; from < text.length; from++) {
			const pieces = feed(text, [from, ...cuts.filter((c) => c > from)]);
			for (const { prefix, html } of pieces)
				expect(html, `${from}: ${prefix}`).toBe(renderMarkdown(prefix));
		}
	});

	it.each([
		[
			'odd rows of plain text',
			'| a | b |\n| -: | :-: |\n| 1 | "q" it\'s |\n|||\n| 1 | 2 | 3 |\n| only |\n|  |\n| x |  y  |',
		],
		[
			'plain rows, then markup, then plain again',
			'| a | b |\n| - | - |\n| 1 | 2 |\n| *3* | 4 |\n| 5 | 6 |\n| 7 | www.example.org |\n| 8 | a@b.co |\n| 9 | x: y |\n| 10 | see https://example.org/a |\n',
		],
		[
			'plain rows, then a line that ends the table',
			'| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n# Title\n| 5 | 6 |\n\nNext.',
		],
		['a plain row cut before its first pipe is closed', '| a |\n| - |\n| 1\n| 2 |\n|'],
	])('a table equals a full render at every cut, from every start: %s', (_, text) => {
		const cuts = Array.from({ length: text.length }, (_, i) => i + 1);
		for (let from = 1; from < text.length; from++) {
			const pieces = feed(text, [from, ...cuts.filter((c) => c > from)]);
			for (const { prefix, html } of pieces)
				expect(html, `${from}: ${prefix}`).toBe(renderMarkdown(prefix));
		}
	});

	it.each([
		['table', table],
		['plain table', plainTable],
		['list', list],
		['paragraph', `${paragraph}\n\nAfter the paragraph.`],
	])('a %s grown in place settles as shown, not rendered again', (_, text) => {
		const stream = new MarkdownStream();
		const end = text.lastIndexOf('After');
		for (let at = 20; at < end; at += 20) stream.update(text.slice(0, at));
		stream.update(text.slice(0, end - 1));
		const after = stream.update(text);
		expect(after.adopt).toBe(true);
		expect(after.settled).toBe('');
		expect(stream.settledLength).toBe(end);
	});

	const line = 'A long line of words that is surely a paragraph, and then some more words. '.repeat(
		2,
	);
	const rows = '| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |';
	it.each([
		['a paragraph that turns into a heading', `${line}\n===\n\nNext.`],
		['a paragraph that runs on to a table', `${line}\n| x | y |\n| - | - |\n| 1 | 2 |\n\nNext.`],
		['a paragraph with trailing spaces', `${line}   \n\nNext.`],
		['a table whose last row has trailing spaces', `${rows}   \n\nNext.`],
		['a table that runs on to a paragraph', `${rows}\nno pipes here\n\nNext.`],
		['a list that turns loose', '- a\n- b\n- c\n\n- d\n\nNext.'],
		['a list with a lazy line', '- a\n- b\n- c\nlazy\n\nNext.'],
	])('a block settles like a full render at every cut: %s', (_, text) => {
		const cuts = Array.from({ length: text.length }, (_, i) => i + 1);
		for (let from = 1; from < text.length; from += 3) {
			const pieces = feed(text, [from, ...cuts.filter((c) => c > from)]);
			for (const { prefix, html } of pieces)
				expect(html, `${from}: ${prefix}`).toBe(renderMarkdown(prefix));
		}
	});

	it.each([
		// Cut 128 characters back from the end, this text's cuts keep landing inside the tag, whose
		// `<` later text could still close: the cut must move back before the tag, not give up.
		[
			'a cut inside an HTML tag',
			'The paragraph keeps going with **strong**, _emphasis_ and `code`, a <img src=x onerror=alert(1)> tag that stays text, and words. '.repeat(
				120,
			),
		],
		// B4's paragraph: marked ends a text token before the `*` of "2 * 3", and a freeze can end
		// right before it, so whether it is inert is read from the text around it, not its token.
		['B4’s paragraph', benchTokens('bench-paragraph').join('').slice(0, 20_000)],
	])('a paragraph freezes on every update: %s', (_, text) => {
		const stream = new MarkdownStream();
		const frozenPerUpdate: number[] = [];
		for (let end = 500; end <= text.length; end += 500) {
			const { tail } = stream.update(text.slice(0, end));
			if (tail.kind === 'inline') frozenPerUpdate.push(tail.frozen.length);
		}
		expect(frozenPerUpdate.length).toBeGreaterThan(25);
		// The first update's text is all live; every later one freezes what settled.
		expect(frozenPerUpdate.slice(1).filter((length) => length === 0)).toEqual([]);
		// And what is shown is still a full render, at these cuts and at cuts off their rhythm.
		const cuts = Array.from({ length: 40 }, (_, i) => (i + 1) * 500 - (i % 3) * 37);
		for (const { prefix, html } of feed(text, cuts))
			expect(html, prefix.slice(-80)).toBe(renderMarkdown(prefix));
	});

	it('a paragraph of snake_case, a < b and 2 * 3 keeps freezing as it grows', () => {
		const sentence = 'Set my_var and MAX_SIZE when a < b, 2 * 3 = 6 and x ~ y hold. Hi! Wow!! ';
		const text = sentence.repeat(200);
		const stream = new MarkdownStream();
		let frozen = 0;
		let longestLive = 0;
		for (let end = 300; end <= text.length; end += 300) {
			const { tail } = stream.update(text.slice(0, end));
			if (tail.kind !== 'inline') continue;
			frozen += tail.frozen.length;
			longestLive = Math.max(longestLive, tail.live.length);
		}
		// Only the last stretch is lexed again on each update, not everything since the first `_`.
		expect(frozen).toBeGreaterThan(text.length * 0.9);
		expect(longestLive).toBeLessThan(1200);
	});

	it.each(['*', '_', '~', '`', '**', '[', '<span title="', '!['])(
		'an opener %s that closes long after is never frozen, while inert ones around it are',
		(open) => {
			const closers: Record<string, string> = {
				'[': '](https://example.org)',
				'![': '](https://example.org/i.png)',
				'<span title="': '">',
			};
			const close = closers[open] ?? [...open].reverse().join('');
			const inert = 'Set my_var when a < b, 2 * 3 = 6 and x ~ y hold. Hi! Wow!! ';
			const run = 'and the words go on for a while with snake_case, 5 * 5 and c < d '.repeat(14);
			const text = `${inert.repeat(6)}x ${open}opens ${run}closes${close} then ${inert.repeat(12)}`;
			for (const step of [7, 30, 50, 128, 500]) {
				const cuts = Array.from({ length: Math.ceil(text.length / step) }, (_, i) =>
					Math.min(text.length, (i + 1) * step),
				);
				for (const { prefix, html } of feed(text, cuts))
					expect(html, `${step}: ${prefix.slice(-60)}`).toBe(renderMarkdown(prefix));
			}
		},
	);

	it('a paragraph freezes settled text and re-renders only the rest', () => {
		const stream = new MarkdownStream();
		const text = 'Plain words and **bold** here. '.repeat(200);
		let frozen = '';
		let longestLive = 0;
		for (let end = 100; end <= text.length; end += 50) {
			const update = stream.update(text.slice(0, end));
			if (update.tail.kind === 'inline') {
				frozen += update.tail.frozen;
				longestLive = Math.max(longestLive, update.tail.live.length);
			}
		}
		expect(frozen.length).toBeGreaterThan(text.length / 2);
		expect(longestLive).toBeLessThan(4000);
	});
});

describe('untrusted markdown stays inert', () => {
	const html = renderMarkdown(CORPUS);

	it('shows raw HTML as text', () => {
		expect(html).not.toMatch(/<script|<img|<div>|<b /i);
		expect(html).toContain('&lt;b onclick=&quot;x()&quot;&gt;');
	});

	it('keeps only http(s) and mailto links, opening in a new tab without opener or referrer', () => {
		const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
		expect(hrefs.length).toBeGreaterThan(2);
		for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:)/);
		for (const a of html.match(/<a [^>]*>/g) ?? [])
			expect(a).toContain('rel="noopener noreferrer nofollow"');
		expect(html).not.toMatch(/javascript:alert\(\d\)"/);
	});

	it.each([
		'[x](javascript:alert(1))',
		'[x](JaVaScRiPt:alert(1))',
		'[x](jav&#x09;ascript:alert(1))',
		'[x](jav&#97;script:alert(1))',
		'[x](&#106;avascript:alert(1))',
		'[x](java\tscript:alert(1))',
		'[x](vbscript:msgbox(1))',
		'[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
		'<javascript:alert(1)>',
		'<vbscript:alert(1)>',
		'[x](  javascript:alert(1))',
		'[x](<javascript:alert(1)>)',
		'[x](/relative)',
		'[x](//attacker.example/)',
	])('%s is not a link', (text) => {
		expect(renderMarkdown(text)).not.toContain('href');
	});

	it('turns images into a click-to-load placeholder, never an <img>', () => {
		const out = renderMarkdown('![beacon](https://attacker.example/p.gif?k=1)');
		expect(out).not.toContain('<img');
		expect(out).toContain('data-src="https://attacker.example/p.gif?k=1"');
		expect(out).toContain('attacker.example');
		expect(renderMarkdown('![x](javascript:alert(1))')).not.toContain('data-src');
	});

	it('renders task boxes as text and code blocks with a copy button', () => {
		expect(renderMarkdown('- [x] done')).not.toContain('<input');
		const code = renderMarkdown('```js\n<b>&</b>\n```');
		expect(code).toContain('class="md-copy"');
		expect(code).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
	});
});
