/**
 * Hand-written SSE transcripts shaped like real captures (docs/openrouter-protocol.md#streaming),
 * fed whole, byte by byte and at seeded random cuts. Every cut must give the same answer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { INCOMPLETE_MESSAGE } from '../../../../src/core/stream/accumulate';
import type { Completion } from '../../../../src/core/stream/types';
import { SPLITS, encode, fixture, foldPieces, split, type Folded } from './pipeline';

type Case = {
	name: string;
	text: string;
	expected: Partial<Completion> & Record<string, unknown>;
	/** Event types the pipeline must end with (after [DONE] nothing more is read). */
	lastEvent?: 'done' | 'end';
};

const file = (name: string, expected: Case['expected'], lastEvent: Case['lastEvent'] = 'done') => ({
	name,
	text: fixture(name),
	expected,
	lastEvent,
});

const TEXT: Case['expected'] = {
	id: 'gen-1770044198-ZwI7uQKLVslWOkgYLHP1',
	model: 'openai/gpt-4o-mini',
	provider: 'OpenAI',
	text: 'I recommend the blue one.',
	reasoning: '',
	toolCalls: [],
	finishReason: 'stop',
	nativeFinishReason: 'stop',
	usage: expect.objectContaining({ prompt_tokens: 550, total_tokens: 565, cost: 0.001875 }),
	error: null,
	complete: true,
	chunks: 8,
	comments: 21,
};

const REASONING_TEXT = 'The user asks what 2 + 2 is. Simple arithmetic.';

const CASES: Case[] = [
	file('text-keepalive.txt', TEXT),
	// The same bytes with CRLF and with lone CR line endings
	// (docs/openrouter-protocol.md#sse-framing).
	{ ...file('text-keepalive.txt', TEXT), name: 'text-keepalive.txt (CRLF)' },
	{ ...file('text-keepalive.txt', TEXT), name: 'text-keepalive.txt (CR)' },
	file('usage-null-finish.txt', {
		text: 'Hello there',
		provider: 'Mistral',
		finishReason: 'stop',
		usage: { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14 },
		complete: true,
		chunks: 4,
	}),
	file('usage-repeated-finish.txt', {
		text: 'Counting: 1, 2, 3',
		finishReason: 'length',
		nativeFinishReason: 'length',
		usage: expect.objectContaining({ server_tool_use_details: expect.any(Object) }),
		comments: 2,
		complete: true,
	}),
	file('reasoning-anthropic.txt', {
		reasoning: REASONING_TEXT,
		text: '2 + 2 = 4',
		reasoningDetails: [
			{
				type: 'reasoning.text',
				text: REASONING_TEXT,
				signature: 'Et0BCkgIBxABGAIqQKnFmL9a0b1c2d3e4f5==',
				format: 'anthropic-claude-v1',
				index: 0,
			},
		],
		finishReason: 'stop',
		nativeFinishReason: 'end_turn',
		usage: expect.objectContaining({
			completion_tokens_details: { reasoning_tokens: 13, image_tokens: 0 },
		}),
		provider: 'Google',
		chunks: 11,
		comments: 2,
	}),
	file('reasoning-encrypted.txt', {
		reasoning: '',
		reasoningDetails: [
			{
				type: 'reasoning.encrypted',
				data: 'gAAAAABpB3x9QeXkZr5mT0yW1v2u3t4s5r6q7p8o9n0m==',
				id: 'rs_0ab3c4d5e6f7',
				format: 'openai-responses-v1',
				index: 0,
			},
		],
		text: 'Paris.',
		finishReason: 'stop',
		nativeFinishReason: 'completed',
	}),
	file('tool-call-split.txt', {
		text: '',
		toolCalls: [
			{
				index: 0,
				id: 'toolu_vrtx_01TGa1b2c3d4e5f6',
				type: 'function',
				name: 'bash',
				arguments: '{"command": "ls -la"}',
			},
		],
		finishReason: 'tool_calls',
		nativeFinishReason: 'tool_use',
	}),
	file('tool-calls-parallel.txt', {
		toolCalls: [
			{
				index: 1,
				id: 'call_Wq1a',
				type: 'function',
				name: 'get_weather',
				arguments: '{"city": "Paris"}',
			},
			{
				index: 2,
				id: 'call_Tz2b',
				type: 'function',
				name: 'get_time',
				arguments: '{"city": "東京"}',
			},
		],
		finishReason: 'tool_calls',
	}),
	file('tool-call-whole.txt', {
		toolCalls: [
			{
				index: 0,
				id: 'functions.get_weather:0',
				type: 'function',
				name: 'get_weather',
				arguments: '{"city":"Lyon"}',
			},
		],
		// The model said stop although it called a tool (docs/openrouter-protocol.md#finish-reasons);
		// the native value stays as sent.
		finishReason: 'tool_calls',
		nativeFinishReason: 'stop',
	}),
	file('annotations.txt', {
		text: 'Requests fall back to other providers [1].',
		annotations: [
			{
				type: 'url_citation',
				url_citation: expect.objectContaining({
					url: 'https://openrouter.ai/docs/features/provider-routing',
					title: 'Provider Routing',
				}),
			},
			{
				type: 'url_citation',
				url_citation: {
					url: 'https://openrouter.ai/docs/api-reference/limits',
					start_index: 0,
					end_index: 0,
				},
			},
		],
		usage: expect.objectContaining({ cost: 0.0077585 }),
	}),
	file('logprobs.txt', {
		text: 'Yes indeed',
		logprobs: [
			expect.objectContaining({ token: 'Yes', logprob: -0.0001 }),
			expect.objectContaining({ token: ' indeed', logprob: -1.25 }),
		],
	}),
	file(
		'error-documented.txt',
		{
			text: 'Once upon a time',
			error: {
				kind: 'stream',
				code: 502,
				message: 'Provider disconnected unexpectedly',
				metadata: { error_type: 'provider_unavailable', provider_code: 'ECONNRESET' },
			},
			finishReason: 'error',
			usage: null,
			complete: false,
		},
		'end',
	),
	file('error-minimax.txt', {
		text: 'The answer is long',
		error: { kind: 'stream', code: 400, message: 'Token limit reached' },
		finishReason: 'error',
		nativeFinishReason: 'length',
		usage: { prompt_tokens: 30, completion_tokens: 16, total_tokens: 46, cost: 0.0000201 },
		complete: true,
	}),
	file('error-empty-choices.txt', {
		text: '',
		error: {
			kind: 'stream',
			code: 'server_error',
			message: 'Upstream capacity exhausted',
			metadata: { error_type: 'provider_overloaded' },
		},
		finishReason: 'error',
		comments: 3,
		complete: true,
	}),
	file(
		'done-missing.txt',
		{
			text: 'Short answer.',
			finishReason: 'stop',
			usage: { prompt_tokens: 8, completion_tokens: 3, total_tokens: 11 },
			error: null,
			complete: true,
		},
		'end',
	),
	file(
		'drop-mid-text.txt',
		{
			text: 'The first part arrived',
			finishReason: null,
			error: { kind: 'incomplete', message: INCOMPLETE_MESSAGE },
			complete: false,
			chunks: 2,
		},
		'end',
	),
	file('data-no-space.txt', {
		text: 'no space and split',
		finishReason: 'stop',
		usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 },
		complete: true,
		chunks: 4,
		comments: 1,
	}),
	file('after-done.txt', {
		text: 'Finished',
		finishReason: 'stop',
		error: null,
		complete: true,
		chunks: 2,
		comments: 1,
	}),
	file('utf8.txt', {
		text: 'Café 日本語のテキスト 🚀 naïve é 👩‍💻',
		reasoning: 'Réfléchir en 日本語…',
		complete: true,
	}),
];
// The CRLF and CR variants are the LF file with every line ending rewritten.
CASES[1]!.text = CASES[0]!.text.replaceAll('\n', '\r\n');
CASES[2]!.text = CASES[0]!.text.replaceAll('\n', '\r');

describe.each(CASES)('$name', ({ text, expected, lastEvent }) => {
	const bytes = encode(text);
	let whole: Folded;
	beforeAll(async () => {
		whole = await foldPieces([bytes]);
	});

	it('folds to the expected answer', () => {
		expect(whole.completion).toMatchObject(expected);
		expect(whole.events.at(-1)?.type).toBe(lastEvent);
		// A cut-off tail is a dropped connection, not a protocol error; no fixture has a bad line.
		expect(whole.events.filter((e) => e.type === 'error')).toEqual([]);
	});

	it.each(SPLITS.filter((how) => how !== 'whole'))(
		'gives the same answer cut at %s',
		async (how) => {
			const { completion, events } = await foldPieces(split(bytes, how));
			expect(completion).toEqual(whole.completion);
			expect(events).toEqual(whole.events);
		},
	);
});

// Byte by byte this is two million reads; give a loaded CI machine room.
describe('a ~2 MB image in one SSE event', { timeout: 30_000 }, () => {
	const url = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAA'.repeat(87_382)}`;
	const head =
		'"id":"gen-1","object":"chat.completion.chunk","model":"google/gemini-2.5-flash-image"';
	const text = [
		': OPENROUTER PROCESSING\n\n'.repeat(5),
		`data: {${head},"choices":[{"index":0,"delta":{"role":"assistant","content":"","images":[{"type":"image_url","image_url":{"url":"${url}"}}]},"finish_reason":null}]}\n\n`,
		`data: {${head},"choices":[{"index":0,"delta":{"role":"assistant","content":"Here it is."},"finish_reason":null}]}\n\n`,
		`data: {${head},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":1290,"total_tokens":1295}}\n\n`,
		'data: [DONE]\n\n',
	].join('');
	const bytes = encode(text);

	it.each(SPLITS)('arrives whole at split %s', async (how) => {
		expect(bytes.length).toBeGreaterThan(2_000_000);
		const { completion } = await foldPieces(split(bytes, how));
		expect(completion.images).toHaveLength(1);
		expect(completion.images[0]).toBe(url);
		expect(completion).toMatchObject({ text: 'Here it is.', finishReason: 'stop', complete: true });
	});
});
