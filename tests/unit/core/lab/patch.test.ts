import { describe, expect, it } from 'vitest';
import {
	applyColumn,
	columnLabel,
	MAX_PATCH_CHARS,
	mergePatch,
	parsePatch,
} from '../../../../src/core/lab/patch';

describe('mergePatch', () => {
	// RFC 7396, Appendix A: original, patch, result.
	it.each([
		[{ a: 'b' }, { a: 'c' }, { a: 'c' }],
		[{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
		[{ a: 'b' }, { a: null }, {}],
		[{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
		[{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
		[{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
		[{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
		[{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
		[
			['a', 'b'],
			['c', 'd'],
			['c', 'd'],
		],
		[{ a: 'b' }, ['c'], ['c']],
		[{ a: 'foo' }, null, null],
		[{ a: 'foo' }, 'bar', 'bar'],
		[{ e: null }, { a: 1 }, { e: null, a: 1 }],
		[[1, 2], { a: 'b', c: null }, { a: 'b' }],
		[{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
	])('%j patched with %j is %j', (target, patch, result) => {
		expect(mergePatch(target, patch)).toEqual(result);
	});

	it('changes neither argument', () => {
		const target = { a: { b: 1 }, list: [1] };
		const patch = { a: { c: 2 }, list: [2] };
		const result = mergePatch(target, patch) as typeof target;
		expect(target).toEqual({ a: { b: 1 }, list: [1] });
		expect(patch).toEqual({ a: { c: 2 }, list: [2] });
		expect(result).toEqual({ a: { b: 1, c: 2 }, list: [2] });
		expect(result.a).not.toBe(target.a);
	});

	it('treats "__proto__" and "constructor" in a patch as fields', () => {
		const patch = JSON.parse('{"__proto__":{"polluted":true},"constructor":"c"}') as object;
		const result = mergePatch({ model: 'a' }, patch) as Record<string, unknown>;
		expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
		expect(Object.hasOwn(result, '__proto__')).toBe(true);
		expect(result.polluted).toBeUndefined();
		expect(result.constructor).toBe('c');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(JSON.stringify(result)).toBe(
			'{"model":"a","__proto__":{"polluted":true},"constructor":"c"}',
		);
	});
});

describe('applyColumn', () => {
	const base = {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: 'hi' }],
		temperature: 1,
		reasoning: { effort: 'low', exclude: true },
	};

	it('swaps the model, sets, merges and removes fields', () => {
		expect(
			applyColumn(base, {
				model: 'anthropic/claude-sonnet-4',
				temperature: null,
				top_p: 0.9,
				reasoning: { effort: 'high' },
			}),
		).toEqual({
			model: 'anthropic/claude-sonnet-4',
			messages: [{ role: 'user', content: 'hi' }],
			top_p: 0.9,
			reasoning: { effort: 'high', exclude: true },
		});
		expect(base.temperature).toBe(1);
		expect(base.reasoning.effort).toBe('low');
	});

	it('with an empty patch is a copy of the base', () => {
		const copy = applyColumn(base, {});
		expect(copy).toEqual(base);
		expect(copy).not.toBe(base);
	});
});

describe('parsePatch', () => {
	it.each([
		['{"model":"x","temperature":0.2}', { ok: true, patch: { model: 'x', temperature: 0.2 } }],
		['  ', { ok: true, patch: {} }],
		['[1]', { ok: false, error: 'The patch must be a JSON object' }],
		['null', { ok: false, error: 'The patch must be a JSON object' }],
		[
			`{"a":${'['.repeat(101)}${']'.repeat(101)}}`,
			{ ok: false, error: 'The patch nests deeper than 100 levels' },
		],
	])('%j', (text, result) => {
		expect(parsePatch(text)).toEqual(result);
	});

	it('says why text is not JSON, and refuses long text', () => {
		const bad = parsePatch('{"model":');
		expect(bad.ok === false && bad.error.startsWith('The patch is not JSON: ')).toBe(true);
		expect(parsePatch(`{"a":"${'x'.repeat(MAX_PATCH_CHARS)}"}`)).toEqual({
			ok: false,
			error: 'The patch is longer than 20000 characters',
		});
	});
});

describe('columnLabel', () => {
	it.each([
		[{ model: 'openai/gpt-4o', temperature: 0.2 }, 'openai/gpt-4o · temperature 0.2'],
		[{ temperature: 0.2, model: 'openai/gpt-4o' }, 'openai/gpt-4o · temperature 0.2'],
		[{}, 'base request'],
		[{ top_p: null }, 'no top_p'],
		[
			{ reasoning: { effort: 'high', exclude: true } },
			'reasoning.effort high · reasoning.exclude true',
		],
		[{ stop: ['END', '###'] }, 'stop ["END","###"]'],
		[{ provider: {} }, 'provider {}'],
		[{ model: 7 }, 'model 7'],
		[{ seed: 'x'.repeat(40) }, `seed ${'x'.repeat(23)}…`],
	])('%j is %j', (patch, label) => {
		expect(columnLabel(patch)).toBe(label);
	});

	it('stays short', () => {
		const patch = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`param${i}`, i]));
		const label = columnLabel(patch);
		expect(label).toHaveLength(80);
		expect(label.endsWith('…')).toBe(true);
	});
});
