/**
 * A small JSON parser that knows where it is. `JSON.parse` error texts differ between engines and
 * do not always carry a position; editors need line and column, so we parse ourselves. Columns are
 * counted in UTF-16 code units, as editors (textarea, Monaco) count them.
 * It also records where each value starts, keyed by its path, so later checks can point at a field.
 */

import { MAX_JSON_DEPTH } from '../json-bounds';
import { setOwn } from '../own';

export type JsonPath = (string | number)[];
export type Located = { offset: number; length: number };
export type JsonError = { message: string; offset: number; length: number };
export type JsonResult =
	| { ok: true; value: unknown; locations: Map<string, Located>; duplicates: JsonError[] }
	| { ok: false; error: JsonError };

export const pathKey = (path: JsonPath): string => JSON.stringify(path);

class Failure extends Error {
	readonly offset: number;
	readonly length: number;
	constructor(message: string, offset: number, length = 1) {
		super(message);
		this.offset = offset;
		this.length = length;
	}
}

const ESCAPES: Record<string, string> = {
	'"': '"',
	'\\': '\\',
	'/': '/',
	b: '\b',
	f: '\f',
	n: '\n',
	r: '\r',
	t: '\t',
};

export function parseJson(text: string): JsonResult {
	let i = 0;
	const locations = new Map<string, Located>();
	const duplicates: JsonError[] = [];

	const describe = (at: number) =>
		at >= text.length ? 'end of input' : `'${text[at] === '\n' ? '\\n' : text[at]}'`;
	const skip = () => {
		while (i < text.length) {
			const c = text.charCodeAt(i);
			if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) i++;
			else break;
		}
	};
	const fail = (message: string, at = i, length = 1): never => {
		throw new Failure(message, at, length);
	};

	function string(): string {
		const start = i;
		i++; // opening quote
		let out = '';
		let chunkStart = i;
		for (;;) {
			if (i >= text.length) fail('Unterminated string', start, text.length - start);
			const c = text[i];
			if (c === '"') break;
			if (c === '\n' || c === '\r')
				fail(
					'Unterminated string: a line break inside a string must be written \\n',
					start,
					i - start,
				);
			if (c !== undefined && c.charCodeAt(0) < 0x20)
				fail('Control characters must be escaped in strings');
			if (c === '\\') {
				out += text.slice(chunkStart, i);
				const e = text[i + 1];
				if (e === 'u') {
					const hex = text.slice(i + 2, i + 6);
					if (!/^[0-9a-fA-F]{4}$/.test(hex))
						fail('Invalid \\u escape: expected 4 hex digits', i, 2);
					out += String.fromCharCode(parseInt(hex, 16));
					i += 6;
				} else if (e !== undefined && ESCAPES[e] !== undefined) {
					out += ESCAPES[e];
					i += 2;
				} else fail(`Invalid escape '\\${e ?? ''}'`, i, 2);
				chunkStart = i;
				continue;
			}
			i++;
		}
		out += text.slice(chunkStart, i);
		i++; // closing quote
		return out;
	}

	function number(): number {
		const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
		if (!match) fail(`Unexpected ${describe(i)}: expected a value`);
		const raw = match![0];
		const next = text[i + raw.length];
		if (next !== undefined && /[\d.eE]/.test(next)) fail('Invalid number', i, raw.length + 1);
		i += raw.length;
		return Number(raw);
	}

	function literal(word: string): boolean {
		if (!text.startsWith(word, i)) return false;
		i += word.length;
		return true;
	}

	function value(path: JsonPath): unknown {
		skip();
		const start = i;
		const c = text[i];
		let result: unknown;
		// The parser recurses per level: a text nested thousands deep is refused, not overflowed.
		if ((c === '{' || c === '[') && path.length >= MAX_JSON_DEPTH)
			fail(`Nested more than ${MAX_JSON_DEPTH} levels deep`);
		if (c === '{') result = object(path);
		else if (c === '[') result = array(path);
		else if (c === '"') result = string();
		else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) result = number();
		else if (literal('true')) result = true;
		else if (literal('false')) result = false;
		else if (literal('null')) result = null;
		else if (c === "'") fail('Strings must use double quotes');
		else if (c === undefined) fail('Unexpected end of input: expected a value');
		else fail(`Unexpected ${describe(i)}: expected a value`);
		locations.set(pathKey(path), { offset: start, length: i - start });
		return result;
	}

	function object(path: JsonPath): Record<string, unknown> {
		i++;
		const out: Record<string, unknown> = {};
		let comma = -1;
		skip();
		if (text[i] === '}') return (i++, out);
		for (;;) {
			skip();
			if (text[i] === '}') fail('Trailing comma is not allowed', comma);
			if (text[i] !== '"') {
				if (i >= text.length) fail("Unexpected end of input: expected '}'");
				fail(`Property names must be double-quoted strings, found ${describe(i)}`);
			}
			const keyStart = i;
			const key = string();
			if (Object.hasOwn(out, key))
				duplicates.push({
					message: `Duplicate key "${key}": the last one wins`,
					offset: keyStart,
					length: i - keyStart,
				});
			skip();
			if (text[i] !== ':') fail(`Expected ':' after property name, found ${describe(i)}`);
			i++;
			// Defined, not assigned: a `"__proto__"` key is a key like any other, as in JSON.parse.
			setOwn(out, key, value([...path, key]));
			locations.set(pathKey([...path, key, '#key']), { offset: keyStart, length: key.length + 2 });
			skip();
			if (text[i] === ',') {
				comma = i++;
				continue;
			}
			if (text[i] === '}') return (i++, out);
			fail(
				i >= text.length
					? "Unexpected end of input: expected ',' or '}'"
					: `Expected ',' or '}' after property value, found ${describe(i)}`,
			);
		}
	}

	function array(path: JsonPath): unknown[] {
		i++;
		const out: unknown[] = [];
		let comma = -1;
		skip();
		if (text[i] === ']') return (i++, out);
		for (;;) {
			skip();
			if (text[i] === ']') fail('Trailing comma is not allowed', comma);
			out.push(value([...path, out.length]));
			skip();
			if (text[i] === ',') {
				comma = i++;
				continue;
			}
			if (text[i] === ']') return (i++, out);
			fail(
				i >= text.length
					? "Unexpected end of input: expected ',' or ']'"
					: `Expected ',' or ']' after array item, found ${describe(i)}`,
			);
		}
	}

	try {
		const result = value([]);
		skip();
		if (i < text.length) fail(`Unexpected ${describe(i)} after the end of the JSON value`);
		return { ok: true, value: result, locations, duplicates };
	} catch (error) {
		if (error instanceof Failure)
			return {
				ok: false,
				error: { message: error.message, offset: error.offset, length: error.length },
			};
		throw error;
	}
}

/** 1-based line and column of an offset. `\r\n`, `\r` and `\n` each end a line. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < offset && i < text.length; i++) {
		const c = text[i];
		if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, column: offset - lineStart + 1 };
}
