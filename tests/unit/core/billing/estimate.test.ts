import { describe, expect, it } from 'vitest';
import { estimateBeforeSend } from '../../../../src/core/billing/estimate';

const pricing = { prompt: '0.000003', completion: '0.000015', request: '0' };

describe('estimateBeforeSend', () => {
	it('prices the prompt text at ~4 characters a token and the output cap at most', () => {
		const body = {
			model: 'anthropic/claude-sonnet-4.5',
			messages: [{ role: 'user', content: 'x'.repeat(370) }],
			max_tokens: 100,
		};
		const promptTokens = Math.ceil(JSON.stringify(body.messages).length / 4);
		expect(estimateBeforeSend(body, pricing)).toEqual({
			promptTokens,
			maxOutputTokens: 100,
			min: promptTokens * 0.000003,
			max: promptTokens * 0.000003 + 100 * 0.000015,
		});
	});

	it('max_completion_tokens wins; without any cap there is no upper bound', () => {
		const messages = [{ role: 'user', content: 'hi' }];
		expect(
			estimateBeforeSend({ messages, max_tokens: 10, max_completion_tokens: 20 }, pricing)
				?.maxOutputTokens,
		).toBe(20);
		expect(estimateBeforeSend({ messages }, pricing)?.max).toBeNull();
	});

	it('counts tools and the response schema as prompt', () => {
		const messages = [{ role: 'user', content: 'hi' }];
		const tools = [{ type: 'function', function: { name: 'lookup', parameters: {} } }];
		const plain = estimateBeforeSend({ messages }, pricing)?.promptTokens ?? 0;
		expect(estimateBeforeSend({ messages, tools }, pricing)?.promptTokens).toBeGreaterThan(plain);
	});

	it('no estimate without prices (router sentinel)', () => {
		expect(estimateBeforeSend({ messages: [] }, { prompt: '-1', completion: '-1' })).toBeNull();
	});
});
