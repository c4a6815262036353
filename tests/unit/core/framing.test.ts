import { describe, expect, it } from 'vitest';
import { carriesRequest, ownTabUrl } from '../../../src/core/framing';

describe('framing', () => {
	it('opens the app in its own tab without the fragment the framing page chose', () => {
		expect(ownTabUrl('https://u.github.io/play/#r=eyJ9')).toBe('https://u.github.io/play/');
		expect(ownTabUrl('https://u.github.io/play/?x=1')).toBe('https://u.github.io/play/?x=1');
	});

	it.each([
		['#r=eyJtb2RlbCI6MX0', true],
		['#z=abc', true],
		['#model=openai/gpt-4o', true],
		['#a=1&r=x', true],
		['', false],
		['#section', false],
	])('%j carries a request: %s', (hash, expected) => {
		expect(carriesRequest(hash)).toBe(expected);
	});
});
