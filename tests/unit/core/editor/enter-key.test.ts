import { describe, expect, it } from 'vitest';
import { enterTakesSuggestion } from '../../../../src/core/editor/enter-key';

describe('enterTakesSuggestion', () => {
	it.each([
		['  "temp', true],
		['  "', true],
		['  "role": "us', true],
		['  "stream": tru', true],
		['  "x": nu', true],
		['  "content": "say \\"hi', true],
	])('takes the suggestion inside an unfinished word: %j', (before, takes) => {
		expect(enterTakesSuggestion(before)).toBe(takes);
	});

	it.each([
		['  "seed"', false],
		['  "seed": ', false],
		['  "stream": true', false],
		['  "role": "user",', false],
		['{', false],
		['  "messages": [', false],
		['  "content": "say \\"hi\\""', false],
		['', false],
		['  "n": 12', false],
	])('is a new line after a finished token: %j', (before, takes) => {
		expect(enterTakesSuggestion(before)).toBe(takes);
	});
});
