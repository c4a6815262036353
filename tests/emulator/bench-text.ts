/**
 * Answers for the streaming benchmarks (B3, B4): markdown a model could really send, cut into word
 * tokens, with a unique marker word (`zq000123`, the token's index) after a plain word every
 * MARKER_EVERY tokens. A marker is one whole token and plain text in every block kind (prose, list,
 * heading, table cell, code line), so it survives rendering unchanged: the benchmark stamps when the
 * emulator writes it and when the page first paints it. Some answers carry hostile HTML the view
 * must show as text.
 */
export const BENCH_TEXT_IDS = [
	'bench-markdown',
	'bench-code',
	'bench-paragraph',
	'bench-table',
	'bench-unclosed',
	'bench-list',
] as const;
export type BenchTextId = (typeof BENCH_TEXT_IDS)[number];

export const MARKER_EVERY = 25;
export const MARKER_PATTERN = /zq\d{6}/g;
export const marker = (index: number) => `zq${String(index).padStart(6, '0')}`;
/**
 * Rows in bench-table, items in bench-list and bytes in bench-paragraph at their default size,
 * SIZED_TOKENS asked for; twice the tokens, twice the size (B4 measures cost against size).
 */
export const TABLE_ROWS = 2000;
export const LIST_ITEMS = 2000;
export const PARAGRAPH_BYTES = 100_000;
export const SIZED_TOKENS = 30_000;
const sized = (size: number, count: number) => Math.round((size * count) / SIZED_TOKENS);
export const UNCLOSED_TAIL =
	' **this emphasis never closes, and every word after it must stay visible';

const MIXED = [
	'Streaming answers arrive token by token, and the view must keep up with **bold**, _italic_ and `inline code` without falling behind.\n\n',
	'## A heading with café and 日本語\n\n',
	'- first item with [a link](https://example.org)\n- second item\n- third item with `code`\n\n',
	'```ts\nconst answer = await fetch(url, { method: "POST", body });\nfor (const line of lines) console.log(line);\n```\n\n',
	'| model | tokens | time |\n| --- | ---: | ---: |\n| alpha | 20000 | 4 s |\n| beta | 10000 | 2 s |\n\n',
	'> A quote that goes on for a while, so that it wraps over more than one line in the pane.\n\n',
].join('');

const CODE_LINE =
	'\tconst value = compute(index, "text <b>not html</b>"); // a comment </code></pre><script>x()</script>\n';
// Prose says my_var, a < b and 2 * 3 as well: characters markdown could pair, here inert.
const PROSE =
	'The paragraph keeps going without a blank line, with **strong**, _emphasis_ and `code`, a <img src=x onerror=alert(1)> tag that must stay text, and words. It sets my_var when a < b and 2 * 3 = 6! ';

const words = (text: string): string[] => text.match(/\s*\S+|\s+/g) ?? [];
const plainWord = (token: string | undefined) => /^\s*[A-Za-z]+[,.]?$/.test(token ?? '');

/** Cycles `body`'s words into `count` tokens, adding a marker after a plain word when one is due. */
function fill(out: string[], body: string[], until: (out: string[]) => boolean): void {
	let due = out.length + MARKER_EVERY;
	for (let i = 0; !until(out); i++) {
		const token = body[i % body.length] as string;
		out.push(token);
		if (out.length >= due && plainWord(token) && !until(out)) {
			out.push(` ${marker(out.length)}`);
			due = out.length + MARKER_EVERY;
		}
	}
}

const length = (out: string[]) => out.reduce((sum, t) => sum + t.length, 0);

function table(rows: number): string[] {
	const out = words('| row | name | value | note |\n| ---: | --- | ---: | --- |');
	for (let row = 1; row <= rows; row++) {
		const note = row % 100 === 0 ? '<b onmouseover=x()>bold?</b>' : 'plain';
		out.push('\n|', ` ${row}`, ' |', ' name');
		out.push(` ${marker(out.length)}`, ' |', ` ${(row * 1.5).toFixed(1)}`, ' |', ` ${note}`, ' |');
	}
	out.push('\n');
	return out;
}

/** One tight list: an item per line, some with a nested list, inline markup and hostile HTML. */
function list(items: number): string[] {
	const out = words('Steps:\n');
	for (let item = 1; item <= items; item++) {
		out.push('\n-', ` step ${item}`, ' uses');
		out.push(` ${marker(out.length)}`, ' with', ' **care**', ' and', ' `code`');
		if (item % 100 === 0) out.push(' <b onmouseover=x()>bold?</b>');
		if (item % 50 === 0) out.push('\n ', ' - nested', ' detail');
	}
	out.push('\n');
	return out;
}

/** The default token count of each kind (the sized kinds: their default size). */
const DEFAULT_COUNT = (id: BenchTextId) =>
	id === 'bench-table' || id === 'bench-paragraph' || id === 'bench-list' ? SIZED_TOKENS : 20_000;

/**
 * The tokens of one benchmark answer: `count` tokens, or for the sized kinds (table, list,
 * paragraph) a size in proportion to `count` (their default at SIZED_TOKENS).
 */
export function benchTokens(id: BenchTextId, count = DEFAULT_COUNT(id)): string[] {
	const out: string[] = [];
	switch (id) {
		case 'bench-markdown':
			fill(out, words(MIXED), (o) => o.length >= count);
			return out;
		case 'bench-code':
			out.push('```ts\n');
			fill(out, words(CODE_LINE), (o) => o.length >= count - 1);
			out.push('\n```\n');
			return out;
		case 'bench-paragraph': {
			const bytes = sized(PARAGRAPH_BYTES, count);
			fill(out, words(PROSE), (o) => length(o) >= bytes);
			return out;
		}
		case 'bench-table':
			return table(sized(TABLE_ROWS, count));
		case 'bench-list':
			return list(sized(LIST_ITEMS, count));
		case 'bench-unclosed': {
			const tail = words(UNCLOSED_TAIL);
			const body = words(MIXED.replace(/```[\s\S]*?```\n\n/, ''));
			fill(out, body, (o) => o.length >= count - tail.length - 1);
			// The last block is a paragraph that opens emphasis and never closes it.
			out.push('\n\nThe end:', ...tail);
			return out;
		}
	}
}

/** The markers in a piece of text (an SSE frame, a DOM string). */
export const markersIn = (text: string): string[] => text.match(MARKER_PATTERN) ?? [];
