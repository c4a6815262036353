import { describe, expect, it } from 'vitest';
import { citationsOf, logprobTokens } from '../../../../src/core/stream/parts';

describe('citationsOf', () => {
	it('keeps http(s) url citations once each, with a title', () => {
		const citations = citationsOf([
			{
				type: 'url_citation',
				url_citation: { url: 'https://a.example/x', title: 'A', content: 'excerpt' },
			},
			{ type: 'url_citation', url_citation: { url: 'https://a.example/x', title: 'A again' } },
			{ type: 'url_citation', url_citation: { url: 'javascript:alert(1)', title: 'bad' } },
			{ type: 'url_citation', url_citation: { url: 'https://b.example/' } },
			{ type: 'file', file: {} },
		]);
		expect(citations).toEqual([
			{ url: 'https://a.example/x', title: 'A', excerpt: 'excerpt' },
			{ url: 'https://b.example/', title: 'https://b.example/', excerpt: '' },
		]);
	});
});

describe('logprobTokens', () => {
	it('turns log probabilities into probabilities with alternatives', () => {
		const [token] = logprobTokens([
			{
				token: ' the',
				logprob: Math.log(0.5),
				top_logprobs: [{ token: ' a', logprob: Math.log(0.25) }],
			},
		]);
		expect(token?.token).toBe(' the');
		expect(token?.p).toBeCloseTo(0.5);
		expect(token?.alternatives[0]?.p).toBeCloseTo(0.25);
	});
});
