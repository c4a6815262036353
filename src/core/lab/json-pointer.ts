/**
 * JSON Pointer (RFC 6901, https://www.rfc-editor.org/rfc/rfc6901) into a model's parsed answer, and
 * JSON equality for what is found there. Only own members are followed: a pointer `/constructor`
 * into `{}` finds nothing, as it should for a JSON document.
 */
import { getOwn } from '../own';

export type PointerLookup =
	{ state: 'found'; value: unknown } | { state: 'missing' } | { state: 'invalid'; message: string };

/** The reference tokens of a pointer, unescaped (`~1` is `/`, `~0` is `~`), or why it is invalid. */
export function parsePointer(pointer: string): string[] | { message: string } {
	if (pointer === '') return [];
	if (!pointer.startsWith('/')) return { message: 'a JSON pointer starts with "/"' };
	const tokens: string[] = [];
	for (const raw of pointer.slice(1).split('/')) {
		if (/~(?![01])/.test(raw)) return { message: '"~" must be followed by 0 or 1' };
		tokens.push(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
	}
	return tokens;
}

/** An array index as RFC 6901 section 4 writes it: `0` or digits without a leading zero. */
const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

export function resolvePointer(root: unknown, pointer: string): PointerLookup {
	const tokens = parsePointer(pointer);
	if (!Array.isArray(tokens)) return { state: 'invalid', message: tokens.message };
	let current = root;
	for (const token of tokens) {
		if (Array.isArray(current)) {
			// "-" names the element after the last: never present.
			if (!ARRAY_INDEX.test(token)) return { state: 'missing' };
			const index = Number(token);
			if (index >= current.length) return { state: 'missing' };
			current = current[index];
		} else if (typeof current === 'object' && current !== null) {
			if (!Object.hasOwn(current, token)) return { state: 'missing' };
			current = getOwn(current, token);
		} else return { state: 'missing' };
	}
	return { state: 'found', value: current };
}

/**
 * Whether two JSON values are equal: objects by their members whatever the key order, arrays item
 * by item. Recursion follows both values at once, so it goes no deeper than the shallower one.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
		return a.every((item, i) => jsonEqual(item, b[i]));
	}
	const keys = Object.keys(a);
	if (keys.length !== Object.keys(b).length) return false;
	return keys.every((key) => Object.hasOwn(b, key) && jsonEqual(getOwn(a, key), getOwn(b, key)));
}
