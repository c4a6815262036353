/**
 * How deep a JSON text nests and how long it becomes when indented, found by one pass over the
 * characters, without parsing and without recursion: a link or file nested 10 000 levels deep must
 * be refused before anything recursive (JSON.stringify, the request parser, the forms) walks it.
 */

/** Deeper than this, a request is refused: real requests nest a dozen levels, schemas a few dozen. */
export const MAX_JSON_DEPTH = 100;

export type JsonBounds =
	| {
			ok: true;
			depth: number;
			/** An upper bound on the length of `JSON.stringify(JSON.parse(text), null, indent)`. */
			indentedLength: number;
	  }
	| { ok: false; depth: number };

/**
 * `JSON.stringify` writes a number in at most this many characters (`-1.2345678901234567e-300`).
 * Without an exponent it writes no more digits than the source had; with one, `1e20` becomes 21.
 */
const NUMBER_CHARS = 25;

const isNumberChar = (c: number) =>
	(c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;

/**
 * Scans `text` (assumed to be JSON; anything else gives a meaningless but finite answer) and stops
 * as soon as it nests deeper than `maxDepth`.
 */
export function measureJson(text: string, maxDepth = MAX_JSON_DEPTH, indent = 2): JsonBounds {
	let depth = 0;
	let deepest = 0;
	let length = 0;
	const newline = () => 1 + indent * depth;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 34) {
			// A string is written back no longer than its source (escapes only get shorter).
			const start = i;
			for (i++; i < text.length && text.charCodeAt(i) !== 34; i++)
				if (text.charCodeAt(i) === 92) i++;
			length += i - start + 1;
		} else if (c === 123 || c === 91) {
			depth++;
			if (depth > maxDepth) return { ok: false, depth };
			deepest = Math.max(deepest, depth);
			length += 1 + newline();
		} else if (c === 125 || c === 93) {
			depth--;
			length += newline() + 1;
		} else if (c === 44) length += 1 + newline();
		else if (c === 58) length += 2;
		else if (isNumberChar(c)) {
			const start = i;
			while (i + 1 < text.length && isNumberChar(text.charCodeAt(i + 1))) i++;
			const token = text.slice(start, i + 1);
			length += /e/i.test(token) ? Math.max(token.length, NUMBER_CHARS) : token.length;
		} else if (c !== 32 && c !== 9 && c !== 10 && c !== 13) length++;
	}
	return { ok: true, depth: deepest, indentedLength: length };
}

/**
 * Whether a parsed value nests deeper than `maxDepth` (objects and arrays), walked with a stack of
 * its own: for values that did not come from text, such as records read back from IndexedDB.
 */
export function nestsDeeperThan(value: unknown, maxDepth = MAX_JSON_DEPTH): boolean {
	const stack: [unknown, number][] = [[value, 0]];
	for (let item = stack.pop(); item; item = stack.pop()) {
		const [node, depth] = item;
		if (typeof node !== 'object' || node === null) continue;
		if (depth + 1 > maxDepth) return true;
		for (const child of Object.values(node)) stack.push([child, depth + 1]);
	}
	return false;
}
