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
] as const;
export type BenchTextId = (typeof BENCH_TEXT_IDS)[number];

export const MARKER_EVERY = 25;
export const MARKER_PATTERN = /zq\d{6}/g;
export const marker = (index: number) => `zq${String(index).padStart(6, '0')}`;
/** Rows in bench-table; bytes in bench-paragraph. */
export const TABLE_ROWS = 2000;
export const PARAGRAPH_BYTES = 100_000;
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
const PROSE =
	'The paragraph keeps going without a blank line, with **strong**, _emphasis_ and `code`, a <img src=x onerror=alert(1)> tag that must stay text, and words. ';

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

function table(): string[] {
	const out = words('| row | name | value | note |\n| ---: | --- | ---: | --- |');
	for (let row = 1; row <= TABLE_ROWS; row++) {
		const note = row % 100 === 0 ? '<b onmouseover=x()>bold?</b>' : 'plain';
		out.push('\n|', ` ${row}`, ' |', ' name');
		out.push(` ${marker(out.length)}`, ' |', ` ${(row * 1.5).toFixed(1)}`, ' |', ` ${note}`, ' |');
	}
	out.push('\n');
	return out;
}

/** The tokens of one benchmark answer; `count` is the token count where the kind has no size. */
export function benchTokens(id: BenchTextId, count = 20_000): string[] {
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
		case 'bench-paragraph':
			fill(out, words(PROSE), (o) => length(o) >= PARAGRAPH_BYTES);
			return out;
		case 'bench-table':
			return table();
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
