import { describe, expect, it } from 'vitest';
import { minimalEdit } from '../../../../src/ui/editor/text-diff';
import { createHistory } from '../../../../src/ui/editor/plain-history';

const apply = (before: string, after: string) => {
	const edit = minimalEdit(before, after);
	return edit ? before.slice(0, edit.start) + edit.text + before.slice(edit.end) : before;
};

describe('minimalEdit', () => {
	it.each([
		['abc', 'abc', null],
		['{"a":1}', '{"a":12}', { start: 6, end: 6, text: '2' }],
		['{"a":12}', '{"a":1}', { start: 6, end: 7, text: '' }],
		['aaa', 'aaaa', { start: 3, end: 3, text: 'a' }],
		['', 'x', { start: 0, end: 0, text: 'x' }],
	])('%j → %j', (before, after, expected) => {
		expect(minimalEdit(before, after)).toEqual(expected);
	});

	it('always rebuilds the target text', () => {
		const texts = ['', 'a', 'ab', 'ba', 'abcabc', '{\n  "x": 1\n}', '{\n  "x": 2,\n  "y": 1\n}'];
		for (const a of texts) for (const b of texts) expect(apply(a, b)).toBe(b);
	});
});

describe('plain field history', () => {
	it('keeps edits oldest first and ends with the current text', () => {
		const history = createHistory();
		history.push('a');
		history.push('a');
		history.push('ab');
		expect(history.texts('abc')).toEqual(['a', 'ab', 'abc']);
		expect(history.texts('ab')).toEqual(['a', 'ab']);
	});

	it('stays bounded for big requests', () => {
		const history = createHistory();
		const big = 'x'.repeat(1_000_000);
		for (let i = 0; i < 10; i++) history.push(big + i);
		const kept = history.texts('now');
		expect(kept.length).toBeLessThanOrEqual(5);
		expect(kept.at(-2)).toBe(`${big}9`);
	});
});
