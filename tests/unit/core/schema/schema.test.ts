import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parsePartialJson } from '../../../../src/core/schema/partial-json';
import { checkStructured } from '../../../../src/core/schema/structured';
import { validateSchema } from '../../../../src/core/schema/validate';

const WEATHER = {
	type: 'object',
	properties: {
		city: { type: 'string', minLength: 2 },
		unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
		days: { type: 'integer', minimum: 1, maximum: 14 },
		tags: { type: 'array', items: { type: 'string' }, maxItems: 3 },
		where: { $ref: '#/$defs/point' },
		note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
	},
	required: ['city', 'unit'],
	additionalProperties: false,
	$defs: {
		point: {
			type: 'object',
			properties: { lat: { type: 'number' }, lon: { type: 'number' } },
			required: ['lat', 'lon'],
		},
	},
};

const INSTANCES: unknown[] = [
	{ city: 'Paris', unit: 'celsius' },
	{ city: 'P', unit: 'celsius' },
	{ city: 'Paris', unit: 'kelvin' },
	{ city: 'Paris' },
	{ city: 'Paris', unit: 'celsius', days: 0 },
	{ city: 'Paris', unit: 'celsius', days: 2.5 },
	{ city: 'Paris', unit: 'celsius', days: 15 },
	{ city: 'Paris', unit: 'celsius', extra: true },
	{ city: 'Paris', unit: 'celsius', tags: ['a', 'b', 'c', 'd'] },
	{ city: 'Paris', unit: 'celsius', tags: ['a', 2] },
	{ city: 'Paris', unit: 'celsius', where: { lat: 1 } },
	{ city: 'Paris', unit: 'celsius', where: { lat: 1, lon: 2 } },
	{ city: 'Paris', unit: 'celsius', note: null },
	{ city: 'Paris', unit: 'celsius', note: 3 },
	[],
	'Paris',
	null,
];

describe('validateSchema', () => {
	const ajv = new Ajv({ allErrors: true, strict: false });
	const reference = ajv.compile(WEATHER);
	it.each(INSTANCES.map((v) => [JSON.stringify(v), v]))('agrees with ajv on %s', (_, value) => {
		const ours = validateSchema(WEATHER, value);
		expect(ours.length === 0).toBe(reference(value));
	});

	it('names the violating paths', () => {
		expect(validateSchema(WEATHER, { city: 'Paris', unit: 'kelvin', tags: ['a', 2] })).toEqual([
			{ path: '/unit', message: 'must be one of "celsius", "fahrenheit"' },
			{ path: '/tags/1', message: 'must be string, not integer' },
		]);
		expect(validateSchema(WEATHER, {})).toEqual([
			{ path: '/city', message: 'is required' },
			{ path: '/unit', message: 'is required' },
		]);
	});
});

describe('parsePartialJson', () => {
	it('keeps finished members and leaves out unfinished scalars', () => {
		expect(parsePartialJson('{"a": 1, "b": "tex')).toEqual({
			ok: true,
			value: { a: 1 },
			complete: false,
		});
		expect(parsePartialJson('{"a": [1, 2, {"c": tr')).toEqual({
			ok: true,
			value: { a: [1, 2, {}] },
			complete: false,
		});
		expect(parsePartialJson('{"a": 12')).toEqual({ ok: true, value: {}, complete: false });
		expect(parsePartialJson('{"a": 1.')).toEqual({ ok: true, value: {}, complete: false });
		expect(parsePartialJson('{"a": "x\\"')).toEqual({ ok: true, value: {}, complete: false });
		expect(parsePartialJson(' {"a": {"b": null}} ')).toEqual({
			ok: true,
			value: { a: { b: null } },
			complete: true,
		});
	});

	it('reports text that can never become JSON', () => {
		const bad = parsePartialJson('{"a" 1}');
		expect(bad.ok).toBe(false);
		expect(parsePartialJson('{"a": 1} x').ok).toBe(false);
	});

	it.each([
		['a string cut inside an escape', '{"a": "x\\', {}],
		['a string cut inside a unicode escape', '{"a": "\\u00', {}],
		['a string cut after a unicode escape', '{"a": "\\u00e9', {}],
		['a number cut after its point', '[1.', []],
		['a number that is only a sign', '{"a": -', {}],
		['a number cut in its exponent', '[1, 2e-', [1]],
		['a literal cut short', '[true, fa', [true]],
		['a key cut short', '{"a": 1, "b', { a: 1 }],
		['a key without its value', '{"a": 1, "b": ', { a: 1 }],
		['nested arrays cut deep', '[[1, [2, [3', [[1, [2, []]]]],
		['nested arrays, inner ones finished', '[[1], [2, 3], [', [[1], [2, 3], []]],
		['a top-level number that may grow', '12', undefined],
		['a top-level string cut short', '"abc', undefined],
	])('%s: %j', (_, text, value) => {
		expect(parsePartialJson(text)).toEqual({ ok: true, value, complete: false });
	});

	it.each([
		['a missing colon', '{"a" 1'],
		['a missing comma', '[1 2'],
		['a trailing comma', '[1,]'],
		['single quotes', "{'a': 1}"],
		['a word that is no literal', '[tx'],
		['a comment', '[1, // two\n'],
		['text after the value', '{"a": 1} x'],
	])('%s can never become JSON: %j', (_, text) => {
		expect(parsePartialJson(text).ok).toBe(false);
	});

	it('a finished top-level number followed by space is complete', () => {
		expect(parsePartialJson('12 ')).toEqual({ ok: true, value: 12, complete: true });
	});

	it('parses every prefix of a document without error, and the whole as JSON.parse', () => {
		const doc = JSON.stringify({
			s: 'a "q" \\ ü 🚀',
			n: -1.5e3,
			t: true,
			f: false,
			z: null,
			l: [1, [2, {}], 'x'],
		});
		for (let i = 1; i < doc.length; i++)
			expect(parsePartialJson(doc.slice(0, i)).ok, doc.slice(0, i)).toBe(true);
		expect(parsePartialJson(doc)).toEqual({ ok: true, value: JSON.parse(doc), complete: true });
	});
});

describe('checkStructured', () => {
	const answer = JSON.stringify({ city: 'Paris', unit: 'celsius', tags: ['sunny'] });

	it('is fine at every prefix of a valid answer, and valid at the end', () => {
		for (let i = 0; i < answer.length; i++)
			expect(checkStructured(answer.slice(0, i), WEATHER, false).state).toMatch(
				/waiting|ok-so-far/,
			);
		expect(checkStructured(answer, WEATHER, true)).toEqual({ state: 'valid' });
	});

	it('flags a violation as soon as the offending value is complete', () => {
		expect(checkStructured('{"city": "Paris", "unit": "kel', WEATHER, false).state).toBe(
			'ok-so-far',
		);
		expect(checkStructured('{"city": "Paris", "unit": "kelvin"', WEATHER, false)).toEqual({
			state: 'violations',
			violations: [{ path: '/unit', message: 'must be one of "celsius", "fahrenheit"' }],
			final: false,
		});
	});

	it('lists missing properties and bad JSON at the end', () => {
		expect(checkStructured('{"city": "Paris"}', WEATHER, true)).toMatchObject({
			state: 'violations',
			violations: [{ path: '/unit', message: 'is required' }],
		});
		expect(checkStructured('{"city": ', WEATHER, true).state).toBe('not-json');
		expect(checkStructured('```json\n' + answer + '\n```', WEATHER, true).state).toBe('valid');
	});
});
