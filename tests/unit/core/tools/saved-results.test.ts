import { describe, expect, it } from 'vitest';
import {
	SAVED_PER_TOOL,
	readSavedResults,
	rememberResults,
	storedResults,
} from '../../../../src/core/tools/saved-results';

const NONE = new Map<string, string[]>();

describe('saved tool results', () => {
	it('keep the newest first per tool, move a reused one to the front, and cap the list', () => {
		let saved = rememberResults(NONE, [
			{ name: 'get_weather', result: '{"temp": 18}' },
			{ name: 'get_weather', result: '{"temp": 12}' },
			{ name: 'search', result: 'three hits' },
		]);
		expect(storedResults(saved).byTool).toEqual({
			get_weather: ['{"temp": 12}', '{"temp": 18}'],
			search: ['three hits'],
		});
		saved = rememberResults(saved, [{ name: 'get_weather', result: '{"temp": 18}' }]);
		expect(saved.get('get_weather')).toEqual(['{"temp": 18}', '{"temp": 12}']);
		for (let i = 0; i < 10; i++)
			saved = rememberResults(saved, [{ name: 'search', result: `hit ${i}` }]);
		expect(saved.get('search')).toHaveLength(SAVED_PER_TOOL);
		expect(saved.get('search')?.[0]).toBe('hit 9');
	});

	it('do not keep empty or huge results', () => {
		const saved = rememberResults(NONE, [
			{ name: 'a', result: '   ' },
			{ name: 'b', result: 'x'.repeat(20_001) },
		]);
		expect(saved.size).toBe(0);
	});

	it('read back only what is valid; another version or junk gives no results', () => {
		expect(readSavedResults({ v: 1, byTool: { a: ['one', 2, ''], b: 'no' } })).toEqual(
			new Map([['a', ['one']]]),
		);
		for (const junk of [null, 'x', { v: 2, byTool: {} }, { v: 1 }])
			expect(readSavedResults(junk).size).toBe(0);
	});

	it('treat tool names every object has as plain names, through a store round trip', () => {
		const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
		for (const name of names) expect(readSavedResults(null).get(name)).toBeUndefined();
		let saved = readSavedResults(null);
		for (const name of names) {
			expect(
				() => (saved = rememberResults(saved, [{ name, result: `${name} result` }])),
			).not.toThrow();
		}
		const back = readSavedResults(JSON.parse(JSON.stringify(storedResults(saved))));
		for (const name of names) expect(back.get(name)).toEqual([`${name} result`]);
		expect(Object.getPrototypeOf(storedResults(saved).byTool)).toBe(Object.prototype);
	});
});
