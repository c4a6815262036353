/**
 * Hostile schemas (tests/fixtures/hostile/schemas.json) are refused with a message instead of
 * hanging or throwing, and recursive schemas that go down into the value still work.
 */
import { describe, expect, it } from 'vitest';
import HOSTILE from '../../../fixtures/hostile/schemas.json';
import { findRefProblem, resolveLocalRef } from '../../../../src/core/schema/refs';
import { checkStructured } from '../../../../src/core/schema/structured';
import { validate } from '../../../../src/core/schema/validate';

const nested = (depth: number): unknown => {
	let schema: unknown = { type: 'string' };
	for (let i = 0; i < depth; i++) schema = { items: schema };
	return schema;
};

describe('findRefProblem', () => {
	it.each(Object.entries(HOSTILE.loops))('finds the cycle: %s', (_, schema) => {
		expect(findRefProblem(schema)?.message).toMatch(/never end/);
	});

	it.each(Object.entries(HOSTILE.throws))('names the bad reference: %s', (_, schema) => {
		expect(findRefProblem(schema)?.message).toMatch(/bad (%|~) escape/);
	});

	it('accepts recursion that goes into the value', () => {
		const tree = {
			type: 'object',
			properties: { children: { type: 'array', items: { $ref: '#' } } },
		};
		expect(findRefProblem(tree)).toBeNull();
		expect(validate({ children: [{ children: [] }] }, tree)).toEqual([]);
		expect(validate({ children: [{ children: 1 }] }, tree)).toHaveLength(1);
	});

	it('refuses schemas nested deeper than a person writes', () => {
		expect(findRefProblem(nested(99))).toBeNull();
		expect(findRefProblem(nested(10_000))?.message).toMatch(/nested more than/);
	});

	it('resolves escaped pointers and reports what leads nowhere', () => {
		const root = { $defs: { 'a/b': { type: 'string' }, 'c~d': 1 }, list: [true] };
		expect(resolveLocalRef(root, '#/$defs/a~1b')).toEqual({ type: 'string' });
		expect(resolveLocalRef(root, '#/$defs/c~0d')).toBe(1);
		expect(resolveLocalRef(root, '#/list/0')).toBe(true);
		expect(resolveLocalRef(root, '#/nothing')).toBeUndefined();
		expect(resolveLocalRef(root, '#/%24defs/a~1b')).toEqual({ type: 'string' });
		expect(resolveLocalRef(root, '#/constructor')).toBeUndefined();
	});
});

describe('validate with a hostile schema', () => {
	const all = { ...HOSTILE.loops, ...HOSTILE.throws };
	it.each(Object.entries(all))('returns one "schema" issue: %s', (_, schema) => {
		const issues = validate({ x: 1 }, schema);
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ keyword: 'schema', path: [] });
		expect(issues[0]?.message).toMatch(/^the schema cannot be used: /);
	});

	it('does not throw on a value nested 10 000 levels deep', () => {
		const deep = JSON.parse('['.repeat(10_000) + ']'.repeat(10_000)) as unknown;
		const recursive = { anyOf: [{ type: 'array', items: { $ref: '#' } }, { type: 'string' }] };
		expect(() => validate(deep, recursive)).not.toThrow();
	});

	it('structured output says the schema is unusable, streaming or done', () => {
		for (const done of [false, true])
			expect(checkStructured('{"x": 1}', HOSTILE.loops.self, done)).toMatchObject({
				state: 'bad-schema',
				message: expect.stringMatching(/never end/),
			});
	});
});
