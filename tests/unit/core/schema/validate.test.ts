/**
 * The merged validator on the keywords the request schema and the draft-07 meta-schema use, beside
 * those of tool schemas (schema.test.ts): valid exactly when ajv says so, and readable issues.
 */
import Ajv from 'ajv';
import DRAFT_07 from 'ajv/dist/refs/json-schema-draft-07.json';
import { describe, expect, it } from 'vitest';
import { validate, validateSchema } from '../../../../src/core/schema/validate';

const CASES: [string, Record<string, unknown>, unknown[]][] = [
	[
		'uniqueItems',
		{ type: 'array', uniqueItems: true },
		[
			[1, 2],
			[1, 1],
			[{ a: 1 }, { a: 1 }],
		],
	],
	[
		'tuple items',
		{ type: 'array', items: [{ type: 'string' }, { type: 'integer' }] },
		[['a', 1], ['a', 'b'], ['a', 1, true], [2]],
	],
	[
		'propertyNames',
		{ type: 'object', propertyNames: { pattern: '^[a-z]+$' } },
		[{ ab: 1 }, { Ab: 1 }],
	],
	[
		'min/maxProperties',
		{ type: 'object', minProperties: 1, maxProperties: 2 },
		[{}, { a: 1 }, { a: 1, b: 2, c: 3 }],
	],
	[
		'numeric limits',
		{ type: 'number', exclusiveMaximum: 10, exclusiveMinimum: 0, multipleOf: 0.5 },
		[0, 0.5, 9.5, 10, 1.25],
	],
	[
		'oneOf',
		{ oneOf: [{ type: 'integer' }, { type: 'number', minimum: 5 }] },
		[1, 7, 5.5, 2.5, 'x'],
	],
	[
		'anyOf of shapes',
		{
			anyOf: [
				{ type: 'string', enum: ['a', 'b'] },
				{ type: 'object', required: ['id'] },
			],
		},
		['a', 'c', { id: 1 }, {}, 3],
	],
	[
		'$ref with escaped segments',
		{ $defs: { 'a/b': { type: 'string' } }, properties: { x: { $ref: '#/$defs/a~1b' } } },
		[{ x: 'y' }, { x: 1 }],
	],
	[
		'string length in code points',
		{ type: 'string', maxLength: 2, minLength: 2 },
		['🚀🚀', 'a', '🚀'],
	],
	['false schema', { properties: { no: false } }, [{}, { no: 1 }]],
	// Objects are equal by their members, whatever the order of their keys.
	[
		'uniqueItems with reordered keys',
		{ type: 'array', uniqueItems: true },
		[
			[
				{ a: 1, b: 2 },
				{ b: 2, a: 1 },
			],
			[{ a: [{ x: 1, y: 2 }] }, { a: [{ y: 2, x: 1 }] }],
			[
				{ a: 1, b: 2 },
				{ a: 1, b: 3 },
			],
		],
	],
	[
		'enum with reordered keys',
		{ enum: [{ a: 1, b: { c: 2, d: 3 } }, 'x'] },
		[{ b: { d: 3, c: 2 }, a: 1 }, { a: 1, b: { c: 2 } }, 'x'],
	],
	[
		'const with reordered keys',
		{ const: { a: 1, b: 2 } },
		[{ b: 2, a: 1 }, { a: 1 }, { a: 1, b: 2, c: 3 }],
	],
	[
		'pattern properties and dependencies',
		{
			patternProperties: { '^x-': { type: 'string' } },
			dependencies: { card: ['billing'], a: { required: ['b'] } },
		},
		[{ 'x-a': 'y' }, { 'x-a': 1 }, { card: 1 }, { card: 1, billing: 2 }, { a: 1 }, { a: 1, b: 1 }],
	],
	[
		'not and if/then',
		{ not: { type: 'null' }, if: { type: 'string' }, then: { minLength: 2 } },
		[null, 'a', 'ab', 3],
	],
];

describe('validate against ajv', () => {
	const ajv = new Ajv({ allErrors: true, strict: false });
	for (const [name, schema, values] of CASES) {
		const reference = ajv.compile(schema);
		it.each(values.map((v) => [JSON.stringify(v), v]))(`${name}: agrees on %s`, (_, value) => {
			expect(validate(value, schema).length === 0).toBe(reference(value));
		});
	}

	it('agrees with ajv on schemas checked against the draft-07 meta-schema', () => {
		// Ajv carries the draft-07 meta-schema itself, under its id.
		const meta = new Ajv({ strict: false }).getSchema(DRAFT_07.$id);
		if (!meta) throw new Error('ajv has no draft-07 meta-schema');
		for (const schema of [
			{ type: 'object', properties: { a: { type: 'string' } } },
			{ type: 'strng' },
			{ type: 'object', required: 'city' },
			{ type: 'object', properties: { a: 3 } },
			{ enum: [] },
			{ items: [{ type: 'string' }], minItems: -1 },
		])
			expect(validate(schema, DRAFT_07).length === 0, JSON.stringify(schema)).toBe(meta(schema));
	});
});

describe('issues', () => {
	it('names the path, the keyword and what is wrong', () => {
		const schema = {
			type: 'object',
			properties: { stop: { type: 'array', maxItems: 1 }, seed: { type: ['integer', 'null'] } },
			required: ['model'],
		};
		expect(validate({ stop: ['a', 'b'], seed: 1.5 }, schema)).toEqual([
			{ path: ['model'], keyword: 'required', message: 'is required' },
			{ path: ['stop'], keyword: 'maxItems', message: 'takes at most 1 items' },
			{ path: ['seed'], keyword: 'type', message: 'must be integer or null, not number' },
		]);
	});

	it('reports the closest anyOf branch of the right type, or a summary', () => {
		const schema = {
			anyOf: [
				{ type: 'string', enum: ['price', 'latency'] },
				{ type: 'object', required: ['by'] },
			],
		};
		expect(validate('fastest', schema)).toEqual([
			{ path: [], keyword: 'enum', message: 'must be one of "price", "latency"' },
		]);
		expect(validate(3, schema)).toEqual([
			{ path: [], keyword: 'anyOf', message: 'matches none of the allowed shapes (anyOf)' },
		]);
	});

	it('in partial mode leaves out what more text could still fix', () => {
		const schema = {
			type: 'object',
			properties: { city: { type: 'string', minLength: 3, pattern: '^[A-Z]' } },
			required: ['city', 'unit'],
		};
		expect(validate({ city: 'p' }, schema, { partial: true })).toEqual([]);
		expect(validate({ city: 'p' }, schema).map((i) => i.keyword)).toEqual([
			'required',
			'minLength',
			'pattern',
		]);
	});

	it('gives JSON Pointer paths through validateSchema, escaping ~ and /', () => {
		const schema = { properties: { 'a/b': { properties: { '~c': { type: 'string' } } } } };
		expect(validateSchema(schema, { 'a/b': { '~c': 1 } })).toEqual([
			{ path: '/a~1b/~0c', message: 'must be string, not integer' },
		]);
	});

	it('names the duplicate and the reordered object that matches', () => {
		expect(
			validate(
				[
					{ a: 1, b: 2 },
					{ b: 2, a: 1 },
				],
				{ uniqueItems: true },
			),
		).toEqual([{ path: [], keyword: 'uniqueItems', message: 'must not repeat items' }]);
		expect(validate({ b: 2, a: 1 }, { const: { a: 1, b: 2 } })).toEqual([]);
		expect(validate({ b: 2, a: 1 }, { enum: [{ a: 1, b: 2 }] })).toEqual([]);
	});

	it('leaves the schema it was given as it was', () => {
		const schema = {
			definitions: { s: { type: 'string' } },
			properties: { a: { $ref: '#/definitions/s' } },
		};
		const before = JSON.stringify(schema);
		validate({ a: 1 }, schema);
		validate({ a: 1 }, schema, { partial: true });
		expect(JSON.stringify(schema)).toBe(before);
		expect(Object.getOwnPropertyNames(schema.properties.a)).toEqual(['$ref']);
	});

	it('says a reference to another document is not followed, without throwing', () => {
		expect(validate(1, { $ref: 'https://example.com/s.json' })).toEqual([
			{
				path: [],
				keyword: 'schema',
				message: 'the schema cannot be used: Unresolved $ref "https://example.com/s.json".',
			},
		]);
	});

	it('does not throw on a pattern it cannot read', () => {
		expect(validate('x', { type: 'string', pattern: '(' })).toEqual([]);
	});
});
