import { describe, expect, it } from 'vitest';
import { formatJson, requestJson } from '../../../../src/core/request/format';
import { DEFAULT_REQUEST } from '../../../../src/core/request/normalize';

const formatted = (text: string) => {
	const result = formatJson(text);
	if (!result.ok) throw new Error(result.error.message);
	return result.text;
};

describe('formatJson', () => {
	it('gives the same layout as JSON.stringify(value, null, 2) for ordinary requests', () => {
		const one = JSON.stringify(DEFAULT_REQUEST);
		expect(formatted(one)).toBe(JSON.stringify(DEFAULT_REQUEST, null, 2));
		expect(formatted(`\n\t ${one}\n\n`)).toBe(requestJson(DEFAULT_REQUEST));
	});

	it('changes only whitespace: numbers and strings stay as written', () => {
		const text =
			'{"seed":12345678901234567890,"temperature":1.0,"top_p":1e-1,"stop":["a\\"b, c]","\\u00e9:{"],"x":-0}';
		const out = formatted(text);
		expect(out.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
		expect(out).toContain('12345678901234567890');
		expect(out).toContain('1.0');
		expect(out).toContain('"a\\"b, c]"');
		expect(JSON.parse(out)).toEqual(JSON.parse(text));
	});

	it('keeps empty objects and arrays on one line and nests with two spaces', () => {
		expect(formatted('{ "a" : [ ] , "b" : { } , "c" : [ 1 , { "d" : null } ] }')).toBe(
			'{\n  "a": [],\n  "b": {},\n  "c": [\n    1,\n    {\n      "d": null\n    }\n  ]\n}',
		);
		expect(formatted('  true ')).toBe('true');
	});

	it('is idempotent and parses back to an equal value for many shapes', () => {
		const values: unknown[] = [
			{},
			[],
			'a string with spaces  and\ttabs',
			{ nested: { deep: [[[]], [{}], 'x y'] }, 'key with: colon, comma': ' {"in": "string"} ' },
			[1, -2.5e10, 0.000001, true, false, null],
		];
		for (const value of values) {
			const once = formatted(JSON.stringify(value));
			expect(formatted(once)).toBe(once);
			expect(JSON.parse(once)).toEqual(value);
		}
	});

	it('refuses text that is not JSON, with where the problem is', () => {
		const result = formatJson('{"model": "x",}');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error.offset).toBeGreaterThan(10);
	});
});

describe('requestJson', () => {
	it('has no trailing newline, so the editor shows no empty last line', () => {
		expect(requestJson({ a: 1 })).toBe('{\n  "a": 1\n}');
	});
});
