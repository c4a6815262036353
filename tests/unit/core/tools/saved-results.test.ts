import { describe, expect, it } from 'vitest';
import {
	EMPTY_SAVED_RESULTS,
	SAVED_PER_TOOL,
	readSavedResults,
	rememberResults,
} from '../../../../src/core/tools/saved-results';

describe('saved tool results', () => {
	it('keep the newest first per tool, move a reused one to the front, and cap the list', () => {
		let saved = rememberResults(EMPTY_SAVED_RESULTS, [
			{ name: 'get_weather', result: '{"temp": 18}' },
			{ name: 'get_weather', result: '{"temp": 12}' },
			{ name: 'search', result: 'three hits' },
		]);
		expect(saved.byTool).toEqual({
			get_weather: ['{"temp": 12}', '{"temp": 18}'],
			search: ['three hits'],
		});
		saved = rememberResults(saved, [{ name: 'get_weather', result: '{"temp": 18}' }]);
		expect(saved.byTool.get_weather).toEqual(['{"temp": 18}', '{"temp": 12}']);
		for (let i = 0; i < 10; i++)
			saved = rememberResults(saved, [{ name: 'search', result: `hit ${i}` }]);
		expect(saved.byTool.search).toHaveLength(SAVED_PER_TOOL);
		expect(saved.byTool.search?.[0]).toBe('hit 9');
	});

	it('do not keep empty or huge results', () => {
		const saved = rememberResults(EMPTY_SAVED_RESULTS, [
			{ name: 'a', result: '   ' },
			{ name: 'b', result: 'x'.repeat(20_001) },
		]);
		expect(saved.byTool).toEqual({});
	});

	it('read back only what is valid; another version or junk gives the empty record', () => {
		expect(readSavedResults({ v: 1, byTool: { a: ['one', 2, ''], b: 'no' } })).toEqual({
			v: 1,
			byTool: { a: ['one'] },
		});
		for (const junk of [null, 'x', { v: 2, byTool: {} }, { v: 1 }])
			expect(readSavedResults(junk)).toEqual(EMPTY_SAVED_RESULTS);
	});
});
