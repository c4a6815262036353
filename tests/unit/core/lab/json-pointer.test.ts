import { describe, expect, it } from 'vitest';
import { jsonEqual, parsePointer, resolvePointer } from '../../../../src/core/lab/json-pointer';

// RFC 6901, section 5.
const rfcDocument = JSON.parse(`{
	"foo": ["bar", "baz"],
	"": 0,
	"a/b": 1,
	"c%d": 2,
	"e^f": 3,
	"g|h": 4,
	"i\\\\j": 5,
	"k\\"l": 6,
	" ": 7,
	"m~n": 8
}`) as unknown;

describe('resolvePointer', () => {
	it.each([
		['', rfcDocument],
		['/foo', ['bar', 'baz']],
		['/foo/0', 'bar'],
		['/', 0],
		['/a~1b', 1],
		['/c%d', 2],
		['/e^f', 3],
		['/g|h', 4],
		['/i\\j', 5],
		['/k"l', 6],
		['/ ', 7],
		['/m~0n', 8],
	])('the RFC example %j', (pointer, value) => {
		expect(resolvePointer(rfcDocument, pointer)).toEqual({ state: 'found', value });
	});

	it.each([
		['/foo/2'],
		['/foo/-'],
		['/foo/01'],
		['/foo/1e0'],
		['/nope'],
		['/foo/0/x'],
		['/constructor'],
		['/__proto__'],
		['/foo/length'],
	])('%j finds nothing', (pointer) => {
		expect(resolvePointer(rfcDocument, pointer)).toEqual({ state: 'missing' });
	});

	it('finds an own "__proto__" member made by JSON.parse', () => {
		const doc = JSON.parse('{"__proto__":{"x":1}}') as unknown;
		expect(resolvePointer(doc, '/__proto__/x')).toEqual({ state: 'found', value: 1 });
	});

	it.each([
		['foo', 'a JSON pointer starts with "/"'],
		['/a~2b', '"~" must be followed by 0 or 1'],
		['/a~', '"~" must be followed by 0 or 1'],
	])('%j is invalid', (pointer, message) => {
		expect(resolvePointer(rfcDocument, pointer)).toEqual({ state: 'invalid', message });
	});

	it('unescapes ~01 as ~1, not as /', () => {
		expect(parsePointer('/~01')).toEqual(['~1']);
	});
});

describe('jsonEqual', () => {
	it.each([
		[{ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 }, true],
		[[1, 2], [2, 1], false],
		[{ a: 1 }, { a: 1, b: undefined }, false],
		[{ a: 1 }, { b: 1 }, false],
		[[], {}, false],
		[null, {}, false],
		['1', 1, false],
		[1, 1.0, true],
		[{ a: [] }, { a: [] }, true],
	])('%j and %j: %s', (a, b, equal) => {
		expect(jsonEqual(a, b)).toBe(equal);
		expect(jsonEqual(b, a)).toBe(equal);
	});
});
