import { describe, expect, it } from 'vitest';
import type { Model } from '../../../../src/core/models/catalog';
import { estimateCost, estimateTokens, promptText } from '../../../../src/core/models/cost';

const model = (over: Partial<Model> = {}): Model => ({
	id: 'a/b',
	name: 'A: B',
	description: '',
	contextLength: 1000,
	maxCompletionTokens: 500,
	pricing: {
		prompt: 0.000001,
		completion: 0.000004,
		request: 0,
		image: 0,
		webSearch: null,
		internalReasoning: null,
	},
	input: ['text'],
	output: ['text'],
	supportedParameters: [],
	reasoning: null,
	created: null,
	...over,
});
// 16 spaces of framing per message plus the text: 'x'.repeat(64) + 16 = 80 chars = 20 tokens.
const request = (extra: object = {}) => ({
	messages: [{ role: 'user', content: 'x'.repeat(64) }],
	...extra,
});

describe('cost estimate', () => {
	it('prices prompt tokens at 4 characters each, completion up to max_tokens', () => {
		const e = estimateCost(request({ max_tokens: 100 }), model())!;
		expect(e.promptTokens).toBe(20);
		expect(e.maxCompletionTokens).toBe(100);
		expect(e.low).toBeCloseTo(20 * 0.000001, 12);
		expect(e.high).toBeCloseTo(20 * 0.000001 + 100 * 0.000004, 12);
	});

	it.each([
		['max_completion_tokens when max_tokens is missing', { max_completion_tokens: 50 }, {}, 50],
		[
			'max_completion_tokens over the deprecated max_tokens',
			{ max_tokens: 10, max_completion_tokens: 20 },
			{},
			20,
		],
		['the model output limit when no cap is sent', {}, {}, 500],
		['what is left of the context without any limit', {}, { maxCompletionTokens: null }, 980],
		[
			'the reasoning budget when larger than the cap',
			{ max_tokens: 100, reasoning: { max_tokens: 300 } },
			{},
			300,
		],
		[
			'the cap when the reasoning budget is smaller',
			{ max_tokens: 100, reasoning: { max_tokens: 30 } },
			{},
			100,
		],
	])('the ceiling is %s', (_, extra, over, ceiling) => {
		expect(estimateCost(request(extra), model(over))!.maxCompletionTokens).toBe(ceiling);
	});

	it('adds the per-request fee to both ends', () => {
		const e = estimateCost(
			request({ max_tokens: 10 }),
			model({ pricing: { ...model().pricing, request: 0.005 } }),
		)!;
		expect(e.low).toBeCloseTo(0.005 + 20 * 0.000001, 12);
		expect(e.high).toBeCloseTo(0.005 + 20 * 0.000001 + 10 * 0.000004, 12);
	});

	it('has no estimate when prices vary (routers)', () => {
		expect(
			estimateCost(request(), model({ pricing: { ...model().pricing, prompt: null } })),
		).toBeNull();
	});

	it('counts tools and schemas as prompt, and names parts it cannot count', () => {
		const tools = [{ type: 'function', function: { name: 'f' } }];
		const { text, uncounted } = promptText({
			messages: [
				{
					role: 'user',
					content: [
						{ type: 'text', text: 'hi' },
						{ type: 'image_url', image_url: { url: 'x' } },
					],
				},
			],
			tools,
		});
		expect(text).toContain(JSON.stringify(tools));
		expect(uncounted).toBe(1);
		expect(estimateTokens('abcde')).toBe(2);
	});
});
