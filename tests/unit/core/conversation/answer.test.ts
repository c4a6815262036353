import { describe, expect, it } from 'vitest';
import { appendTurn } from '../../../../src/core/conversation/answer';
import { EMPTY_COMPLETION } from '../../../../src/core/stream/accumulate';
import type { Completion } from '../../../../src/core/stream/types';

const request = JSON.stringify({
	model: 'x/y',
	messages: [{ role: 'user', content: 'Weather in Paris and Tokyo?' }],
	tools: [{ type: 'function', function: { name: 'get_weather' } }],
	temperature: 0.2,
});

const withCalls: Completion = {
	...EMPTY_COMPLETION,
	toolCalls: [
		{
			index: 1,
			id: 'call_a',
			type: 'function',
			name: 'get_weather',
			arguments: '{"city":"Paris"}',
		},
		{ index: 2, id: 'call_b', type: 'function', name: 'get_weather', arguments: '{"city":"東京"}' },
	],
	reasoningDetails: [
		{ type: 'reasoning.encrypted', data: 'gAAA', id: 'rs_1', format: 'openai-responses-v1' },
	],
};

describe('appendTurn', () => {
	it('adds the assistant message with tool calls and reasoning details, then one tool result per call', () => {
		const result = appendTurn(request, withCalls, ['18°C', '12°C']);
		if (!result.ok) throw new Error(result.message);
		const next = JSON.parse(result.text);
		expect(next.temperature).toBe(0.2);
		expect(next.messages.slice(1)).toEqual([
			{
				role: 'assistant',
				content: null,
				tool_calls: [
					{
						id: 'call_a',
						type: 'function',
						function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
					},
					{
						id: 'call_b',
						type: 'function',
						function: { name: 'get_weather', arguments: '{"city":"東京"}' },
					},
				],
				reasoning_details: withCalls.reasoningDetails,
			},
			{ role: 'tool', tool_call_id: 'call_a', content: '18°C' },
			{ role: 'tool', tool_call_id: 'call_b', content: '12°C' },
		]);
	});

	it('adds a plain answer as text', () => {
		const result = appendTurn(request, { ...EMPTY_COMPLETION, text: 'Sunny.' });
		if (!result.ok) throw new Error(result.message);
		expect(JSON.parse(result.text).messages[1]).toEqual({ role: 'assistant', content: 'Sunny.' });
	});

	it('refuses a request it cannot extend', () => {
		expect(appendTurn('{', withCalls).ok).toBe(false);
		expect(appendTurn('{"model":"x"}', withCalls).ok).toBe(false);
	});
});
