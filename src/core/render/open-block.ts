/**
 * The open last block of a streamed answer, grown without parsing it again from its start. Block
 * memoisation (markdown.ts) alone leaves one block re-rendered on every update, which is the whole
 * answer when it is one huge fenced code block, table or paragraph (web-ai-demos #168; measured by
 * benchmark B4, tests/bench/README.md). For those three, while the new text cannot change what is
 * already shown, an update only says what to add:
 * - code: the fence is not closed and the new text has no fence character: append the text;
 * - table: append the rows completed since, and replace the row being written (rows of plain text
 *   are split into their cells here, without the lexer);
 * - list (tight, its markers at the margin): append the items completed since, replace the last;
 * - paragraph (a single line): freeze a prefix ending at a space once its inline markdown has no
 *   delimiter left that later text could pair with, and re-render only the rest.
 * Anything else returns null and the caller renders the block in full (the result is always what
 * a full render of the same text gives; the unit tests check it at every cut).
 */
import type { Token, Tokens } from 'marked';

export type TailUpdate =
	| { kind: 'none' }
	/** Replace the open block with this HTML. */
	| { kind: 'html'; html: string }
	/** Append raw text (not HTML) to the open code block's code, then end it with `ending`. */
	| { kind: 'code'; append: string; ending: string }
	/** Drop the last body row if `dropLive`, then append these rows and the live row (HTML). */
	| { kind: 'rows'; dropLive: boolean; rows: string; live: string }
	/**
	 * The same for rows whose cells are plain text (no markdown in them): each row's cells, as text,
	 * with the table's alignment per column; the live row is the last one when `partial`.
	 */
	| { kind: 'cells'; dropLive: boolean; rows: string[][]; partial: boolean; align: Align[] }
	/** The same for the items of a list: drop the last `<li>`, then append these and the live one. */
	| { kind: 'items'; dropLive: boolean; items: string; live: string }
	/** Replace the paragraph's live part: append `frozen`, then `live` (inline HTML). */
	| { kind: 'inline'; frozen: string; live: string };

export type Align = 'left' | 'right' | 'center' | null;

export type Render = {
	lex(src: string): Token[];
	html(tokens: Token[]): string;
	inlineTokens(src: string): Token[];
	inlineHtml(tokens: Token[]): string;
};

export type OpenBlock = {
	extend(text: string, previous: string): TailUpdate | null;
	/**
	 * When the fast path gave up and the block, lexed again in full, is `token` (same start, still
	 * the last block): what turns the shown block into its full render in place, or null.
	 */
	finish?(token: Token): TailUpdate | null;
};

/** A fast path for the tail token starting at `start` of `text`, or null. */
export function openBlock(token: Token, start: number, text: string, r: Render): OpenBlock | null {
	if (start + token.raw.length !== text.length) return null;
	if (token.type === 'code') return openCode(token as Tokens.Code, start, text, r);
	if (token.type === 'table') return openTable(token as Tokens.Table, start, text, r);
	if (token.type === 'paragraph') return openParagraph(token as Tokens.Paragraph, start, r);
	if (token.type === 'list') return openList(token as Tokens.List, start, r);
	return null;
}

/** codeEnding's answers per renderer, for the few endings a code body has: it is asked per update. */
const endings = new WeakMap<Render, Map<string, string>>();
const KEPT_ENDING_NEWLINES = 8;

/**
 * How the renderer ends an open fenced code body that ends in `newlines` line breaks (marked keeps
 * or drops some of them depending on their number): worked out on a tiny body with the same ending,
 * once per renderer and ending. A code block streaming fast asked for it on every update: a call to
 * the lexer a frame, about a tenth of the block's whole markdown cost (B4).
 */
function codeEnding(newlines: number, empty: boolean, r: Render): string {
	const key = `${newlines}${empty ? ' empty' : ''}`;
	let known = endings.get(r);
	if (!known) endings.set(r, (known = new Map()));
	const seen = known.get(key);
	if (seen !== undefined) return seen;
	const token = r.lex(`\`\`\`\n${empty ? '' : 'x'}${'\n'.repeat(newlines)}`)[0] as Tokens.Code;
	const ending = `${token.text.replace(/\n$/, '')}\n`.slice(empty ? 0 : 1);
	if (newlines <= KEPT_ENDING_NEWLINES) known.set(key, ending);
	return ending;
}

/** Where `text` (from `from` on) ends once its ending line breaks are left out, less `from`. */
function withoutEndingNewlines(text: string, from = 0): number {
	let end = text.length;
	while (end > from && text.charCodeAt(end - 1) === 10) end--;
	return end - from;
}

function openCode(token: Tokens.Code, start: number, text: string, r: Render): OpenBlock | null {
	const opener = /^(`{3,}|~{3,})[^\n]*\n/.exec(token.raw);
	if (!opener) return null;
	const fence = (opener[1] as string)[0] as string;
	const body = token.raw.slice(opener[0].length);
	if (body.split('\n').some((line) => /^ {0,3}(`{3,}|~{3,})/.test(line))) return null;
	const bodyStart = start + opener[0].length;
	/** Where the code shown (without its ending line breaks) ends in the text. */
	let shownEnd = bodyStart + withoutEndingNewlines(body);
	// Only the new text is read on each update, never the whole block (B4: 20 000-token code);
	// `source` is the text the shown code was last taken from.
	let source = text;
	return {
		extend(text, previous) {
			if (text.slice(previous.length).includes(fence)) return null;
			source = text;
			const stableEnd = bodyStart + withoutEndingNewlines(text, bodyStart);
			const append = text.slice(shownEnd, stableEnd);
			const empty = stableEnd === bodyStart;
			shownEnd = Math.max(shownEnd, stableEnd);
			return {
				kind: 'code',
				append,
				ending: codeEnding(text.length - stableEnd, empty, r),
			};
		},
		// The closing fence arrived: the code renders as its text plus one line break (markdown.ts),
		// which usually only adds to what is shown; the huge <pre> is then not rendered again.
		finish(token) {
			if (token.type !== 'code' || !token.raw.startsWith(opener[0])) return null;
			const content = `${(token as Tokens.Code).text.replace(/\n$/, '')}\n`;
			const stable = content.slice(0, withoutEndingNewlines(content));
			const shown = source.slice(bodyStart, shownEnd);
			if (!stable.startsWith(shown)) return null;
			const append = stable.slice(shown.length);
			shownEnd = bodyStart + stable.length;
			return { kind: 'code', append, ending: content.slice(stable.length) };
		},
	};
}

/**
 * A table row whose cells are plain text whatever follows: it starts with a pipe, so no other block
 * can start on its line, and it has no character that inline markdown or an autolink starts with
 * (nor NUL, which the HTML parser drops from a full render's cells).
 */
const PLAIN_ROW = /^\|[^\\`*_~[\]<>!&@:\0]*$/;
const plainRow = (line: string) => PLAIN_ROW.test(line) && !/www\./i.test(line);

/**
 * The cells of a plain row, as marked splits a row (its `splitCells` with no escaped pipe): empty
 * first and last cells without a pipe past them dropped, then as many cells as the header has.
 */
function plainCells(line: string, count: number): string[] {
	const cells = line.replace(/\|/g, ' |').split(' |');
	if (!cells[0]?.trim()) cells.shift();
	if (cells.length > 0 && !cells.at(-1)?.trim()) cells.pop();
	cells.length = Math.min(cells.length, count);
	while (cells.length < count) cells.push('');
	return cells.map((cell) => cell.trim());
}

function openTable(token: Tokens.Table, start: number, text: string, r: Render): OpenBlock | null {
	const lines = token.raw.split('\n');
	const head = `${lines[0]}\n${lines[1]}\n`;
	if (token.rows.length === 0 || !text.startsWith(head, start)) return null;
	const body = text.slice(start + head.length);
	let frozenEnd = start + head.length + body.lastIndexOf('\n') + 1;
	let domLive = frozenEnd < text.length;
	if (token.rows.length !== body.split('\n').filter(Boolean).length) return null;
	const width = token.header.length;
	/** The update for the rows in `live`, its last line a row still being written when `partial`. */
	const rowsOf = (live: string, parts: string[], partial: boolean): TailUpdate | null => {
		const complete = parts.length - 1;
		const written = partial ? parts : parts.slice(0, -1);
		// Most rows a model writes are words and numbers: those are split here, with no lexer, no
		// HTML and nothing for the page to parse and check (B4's table).
		if (written.every(plainRow)) {
			const rows = written.map((line) => plainCells(line, width));
			return { kind: 'cells', dropLive: domLive, rows, partial, align: token.align };
		}
		const tokens = r.lex(head + live).filter((t) => t.type !== 'space');
		const table = tokens[0] as Tokens.Table | undefined;
		if (tokens.length !== 1 || table?.type !== 'table') return null;
		if (table.header.length !== width) return null;
		if (table.rows.length !== complete + (partial ? 1 : 0)) return null;
		const html = r.html([table]);
		const inner = html.slice(html.indexOf('<tbody>') + 7, html.lastIndexOf('</tbody>'));
		const rows = inner.split(/(?=<tr>)/).filter(Boolean);
		return {
			kind: 'rows',
			dropLive: domLive,
			rows: rows.slice(0, complete).join(''),
			live: partial ? (rows[complete] ?? '') : '',
		};
	};
	return {
		extend(text) {
			const live = text.slice(frozenEnd);
			if (live.startsWith('\n') || live.includes('\n\n')) return null;
			const parts = live.split('\n');
			const partial = (parts.at(-1) ?? '') !== '';
			const update = rowsOf(live, parts, partial);
			if (!update) return null;
			frozenEnd += live.lastIndexOf('\n') + 1;
			domLive = partial;
			return update;
		},
	};
}

const SEGMENT = 512;
const MARGIN = 128;
/**
 * Characters that could still open or close inline markdown later in the paragraph. Not `!`: an
 * image opens with `![`, and the `[` is here.
 */
const DELIMITERS = /[*_~`[\]<>\\]/g;
const WORD = /[\p{L}\p{N}]/u;

/**
 * True when the delimiter at `i` of `src` can pair with nothing, whatever follows: `_` inside a
 * word (snake_case), `*` `_` `~` with a space on both sides (2 * 3), `<` before a space (a < b: no
 * tag or autolink starts so). Its neighbours are read from the text, not from its token: marked
 * ends a text token before a `*`. Without this a long paragraph that once said `a < b` or `my_var`
 * froze nothing after it, and every update lexed all the rest of it again.
 */
function inertAt(src: string, i: number): boolean {
	const [before, char, after] = [src[i - 1] ?? '', src[i], src[i + 1] ?? ''];
	if (char === '<') return after === ' ';
	if (char === '_' && WORD.test(before) && WORD.test(after)) return true;
	return (char === '*' || char === '_' || char === '~') && before === ' ' && after === ' ';
}

/** True when `src` from `from` to `to` has a delimiter later text could pair with. */
function liveDelimiter(src: string, from: number, to: number): boolean {
	DELIMITERS.lastIndex = from;
	for (let m = DELIMITERS.exec(src); m && m.index < to; m = DELIMITERS.exec(src))
		if (!inertAt(src, m.index)) return true;
	return false;
}

/**
 * Where the first of `tokens` (the inline tokens of `src` from `from` on, their raws end to end)
 * that leaves a delimiter later text could pair with starts, counted from `from`; -1 when none does.
 */
function unsettledAt(tokens: Token[], src: string, from: number): number {
	let at = from;
	for (const token of tokens) {
		const end = at + token.raw.length;
		// An escape is a backslash and what it escapes: kept unsettled, as it always was.
		if (token.type === 'escape' || (token.type === 'text' && liveDelimiter(src, at, end)))
			return at - from;
		at = end;
	}
	return -1;
}

function openParagraph(token: Tokens.Paragraph, start: number, r: Render): OpenBlock | null {
	// A long single line starting with a letter or digit stays a paragraph whatever is appended.
	if (token.raw.includes('\n') || token.raw.length < 64 || !/^[\p{L}\p{N}]/u.test(token.raw))
		return null;
	let liveStart = start;
	return {
		extend(text) {
			let live = text.slice(liveStart);
			if (live.includes('\n')) return null;
			let frozen = '';
			if (live.length > SEGMENT) {
				/** The text up to the space at `cut`, lexed, and where its first unsettled token starts. */
				const upTo = (cut: number) => {
					const segment = cut > 0 ? r.inlineTokens(live.slice(0, cut + 1)) : [];
					return { cut, segment, open: cut > 0 ? unsettledAt(segment, text, liveStart) : -1 };
				};
				let tried = upTo(live.lastIndexOf(' ', live.length - MARGIN));
				// A cut inside a construct (an HTML tag's attributes, a link's text) leaves its opening
				// delimiter unpaired: cut again at the last space before that delimiter's token, or the
				// next update lexes the whole segment again, and again while cuts keep landing there.
				if (tried.open >= 0) tried = upTo(live.lastIndexOf(' ', tried.open - 1));
				if (tried.cut > 0 && tried.open < 0) {
					frozen = r.inlineHtml(tried.segment);
					liveStart += tried.cut + 1;
					live = live.slice(tried.cut + 1);
				}
			}
			return { kind: 'inline', frozen, live: r.inlineHtml(r.inlineTokens(live)) };
		},
	};
}

/** A blank line (spaces and tabs are blank too): it may make a list loose, or end it. */
const BLANK_LINE = /\n[ \t]*\n/;

/** A list item's marker at the margin: the bullet, or the ordered list's delimiter. */
const MARKER = /^([-*+]|\d{1,9}([.)]))(?=[ \t]|$)/;
const markerOf = (raw: string) => {
	const m = MARKER.exec(raw);
	return m ? (m[2] ?? m[1]) : null;
};

/** The top-level `<li>…</li>` elements of a rendered list (nested lists stay inside theirs). */
function topItems(html: string): string[] {
	const items: string[] = [];
	const tag = /<(\/?)li>/g;
	let depth = 0;
	let from = -1;
	for (let m = tag.exec(html); m; m = tag.exec(html)) {
		if (!m[1]) {
			if (depth++ === 0) from = m.index;
		} else if (--depth === 0) {
			const end = html.indexOf('\n', tag.lastIndex);
			items.push(html.slice(from, end < 0 ? html.length : end + 1));
		}
	}
	return items;
}

/** Where the list's last item starts in its raw text (its items' raws end to end), or null. */
function lastItemAt(list: Tokens.List): number | null {
	const at = list.items.slice(0, -1).reduce((sum, item) => sum + item.raw.length, 0);
	const last = list.items.at(-1);
	return last && list.raw.startsWith(last.raw, at) ? at : null;
}

/**
 * A tight list grows item by item: an item is complete once the next one starts at the margin with
 * the same marker, and a blank line (which could make the list loose, so every item would change)
 * hands the list back to a full render. Only the last item's text is lexed on each update.
 */
function openList(token: Tokens.List, start: number, r: Render): OpenBlock | null {
	const first = token.items[0];
	const marker = first ? markerOf(first.raw) : null;
	if (token.loose || token.items.length < 2 || !marker || BLANK_LINE.test(token.raw)) return null;
	const before = lastItemAt(token);
	if (before === null) return null;
	let liveStart = start + before;
	return {
		extend(text) {
			const live = text.slice(liveStart);
			if (BLANK_LINE.test(live) || markerOf(live) !== marker) return null;
			const tokens = r.lex(live).filter((t) => t.type !== 'space');
			const list = tokens[0] as Tokens.List | undefined;
			if (tokens.length !== 1 || list?.type !== 'list' || list.loose) return null;
			if (list.ordered !== token.ordered) return null;
			if (list.items.some((item) => markerOf(item.raw) !== marker)) return null;
			const items = topItems(r.html([list]));
			if (items.length !== list.items.length) return null;
			const done = lastItemAt(list);
			if (done === null) return null;
			liveStart += done;
			return {
				kind: 'items',
				dropLive: true,
				items: items.slice(0, -1).join(''),
				live: items.at(-1) ?? '',
			};
		},
	};
}
