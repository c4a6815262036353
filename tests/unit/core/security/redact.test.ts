import { describe, expect, it } from 'vitest';
import {
	containsKey,
	KEY_HIDDEN,
	redactKeys,
	redactValue,
	watchForKeys,
} from '../../../../src/core/security/redact';

const KEY = 'sk-or-v1-test-fake-redaction-key-used-only-in-tests-not-a-secret-00';
const OTHER = 'sk-or-v1-test-forgotten-long-ago-0001';

describe('redactKeys', () => {
	it.each([
		[`Authorization: Bearer ${KEY}`, `Authorization: Bearer ${KEY_HIDDEN}`],
		[`"Bearer ${OTHER}" was refused`, `"Bearer ${KEY_HIDDEN}" was refused`],
		[`a=${KEY}&b=${OTHER}`, `a=${KEY_HIDDEN}&b=${KEY_HIDDEN}`],
		[`{"error":"bad key ${KEY}"}`, `{"error":"bad key ${KEY_HIDDEN}"}`],
		['sk-or-…wxyz is a masked key, not a key', 'sk-or-…wxyz is a masked key, not a key'],
		['desk-or-chair-or-table', 'desk-or-chair-or-table'],
		['sk-or-', 'sk-or-'],
		['nothing here', 'nothing here'],
	])('%s', (input, output) => {
		expect(redactKeys(input)).toBe(output);
	});

	it('redacts a known key verbatim whatever its shape, and leaves too-short ones alone', () => {
		const custom = 'proxy-token-7f3a9c2e11';
		expect(redactKeys(`Bearer ${custom}.`, [custom])).toBe(`Bearer ${KEY_HIDDEN}.`);
		expect(redactKeys('a short abc key', ['abc'])).toBe('a short abc key');
		expect(redactKeys(`x ${KEY}`, [null, undefined, KEY], '[gone]')).toBe('x [gone]');
	});

	it('containsKey finds a key-shaped string or a known key, and nothing else', () => {
		expect(containsKey(`{"content": "${OTHER}"}`)).toBe(true);
		expect(containsKey('{"content": "proxy-token-7f3a9c2e11"}', ['proxy-token-7f3a9c2e11'])).toBe(
			true,
		);
		expect(containsKey('sk-or-…1234 is masked', [null])).toBe(false);
		expect(containsKey('')).toBe(false);
	});
});

describe('redactValue', () => {
	it('redacts strings and object keys at any depth', () => {
		const value = {
			error: { message: `Bearer ${KEY}`, metadata: { raw: [`x ${OTHER}`, 3, null] } },
			[OTHER]: true,
		};
		expect(redactValue(value)).toEqual({
			error: { message: `Bearer ${KEY_HIDDEN}`, metadata: { raw: [`x ${KEY_HIDDEN}`, 3, null] } },
			[KEY_HIDDEN]: true,
		});
		expect(JSON.stringify(value)).toContain(KEY);
	});

	it('returns the very same value when nothing is key-shaped (no copy per chunk)', () => {
		const chunk = { choices: [{ delta: { content: 'hello' } }], usage: null };
		expect(redactValue(chunk)).toBe(chunk);
		expect(redactValue('text')).toBe('text');
	});

	it('copes with cycles and a __proto__ key without touching prototypes', () => {
		const cyclic: Record<string, unknown> = { a: OTHER };
		cyclic.self = cyclic;
		expect((redactValue(cyclic) as Record<string, unknown>).a).toBe(KEY_HIDDEN);
		const hostile = JSON.parse(`{"__proto__": {"polluted": "${OTHER}"}}`) as object;
		const out = redactValue(hostile) as Record<string, unknown>;
		expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(JSON.stringify(out)).not.toContain(OTHER);
	});

	it('finds a key anywhere a chunk can hold one, as the full walk would', () => {
		const custom = 'proxy-token-7f3a9c2e11';
		const at = (content: unknown) => ({ type: 'chunk', chunk: { choices: [{ delta: content }] } });
		for (const [value, known] of [
			[at({ content: `x ${OTHER}` }), []],
			[at({ [`k ${OTHER}`]: 1 }), []],
			[at({ content: `Bearer ${custom}` }), [custom]],
			[at({ tool_calls: [[[`${KEY}`]]] }), []],
		] as const) {
			const out = JSON.stringify(redactValue(value, known));
			expect(out).not.toContain(OTHER);
			expect(out).not.toContain(KEY);
			expect(out).not.toContain(custom);
			expect(out).toContain(KEY_HIDDEN);
		}
	});

	it('returns the value itself when no string holds a key, and ignores keys too short to be one', () => {
		const chunk = JSON.parse(
			'{"id":"gen-1","choices":[{"delta":{"content":"desk-or-chair abc"},"logprobs":null}]}',
		) as object;
		expect(redactValue(chunk, ['abc', null, undefined, 'proxy-token-7f3a9c2e11'])).toBe(chunk);
	});

	it('still redacts behind references shared many times over (the quick scan gives up)', () => {
		// 2^40 paths lead to the key, through 40 objects: the scan must not follow every path.
		let node: Record<string, unknown> = { leaf: OTHER };
		for (let i = 0; i < 40; i++) node = { a: node, b: node };
		expect(JSON.stringify(redactValue({ a: 1 }))).toBe('{"a":1}');
		const out = redactValue(node);
		let leaf = out;
		for (let i = 0; i < 40; i++) leaf = leaf.a as Record<string, unknown>;
		expect(leaf.leaf).toBe(KEY_HIDDEN);
	});
});

describe('watchForKeys', () => {
	const KEY = 'sk-or-v1-test-fake-watch-0001';
	const seen = (pieces: string[], known: string[] = [KEY]) => {
		const watch = watchForKeys(known);
		for (const piece of pieces) watch.see(piece);
		return watch.clean;
	};

	it('stays clean over text that cannot spell a key, in any pieces', () => {
		const text = 'data: {"choices":[{"delta":{"content":"s k-or ok \\n \\" sk_or- é"}}]}\n\n';
		expect(seen([text])).toBe(true);
		expect(seen([...text])).toBe(true);
	});

	it.each([
		['a key-shaped word', ['x sk-or-v1-other-key-000000 y']],
		['the known key cut in three', ['… sk-or-v1-te', 'st-fake-wat', 'ch-0001 …']],
		['"sk-or-" cut in two', ['a sk-o', 'r-b']],
		['a \\u escape cut after its backslash', ['"\\', 'u0073k"']],
		['a \\/ escape', ['"a\\/b"']],
	])('turns unclean on %s, and stays so', (_name, pieces) => {
		expect(seen(pieces)).toBe(false);
		expect(seen([...pieces, 'plain text after'])).toBe(false);
	});

	it('is never clean for a known key JSON could escape', () => {
		expect(seen(['plain'], ['sk-or-v1-has/a-slash-0001'])).toBe(false);
		expect(seen(['plain'], ['sk-or-v1-plain-key-0001'])).toBe(true);
	});
});
