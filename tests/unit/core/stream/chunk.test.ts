import { describe, expect, it } from 'vitest';
import { EMPTY_COMPLETION, foldEvent } from '../../../../src/core/stream/accumulate';
import { chunkFromResponse, errorFromBody } from '../../../../src/core/stream/chunk';
import type { Completion } from '../../../../src/core/stream/types';

/** A JSON body through the same path as io/openrouter: chunk + done, or the error. */
function foldBody(body: unknown): Completion {
	const mapped = chunkFromResponse(body);
	if ('error' in mapped) return foldEvent(EMPTY_COMPLETION, { type: 'error', error: mapped.error });
	return foldEvent(foldEvent(EMPTY_COMPLETION, { type: 'chunk', chunk: mapped.chunk }), {
		type: 'done',
	});
}

// An observed Mistral tool-calling body (a pydantic-ai test cassette), as sent.
const MISTRAL_TOOL_CALL = JSON.parse(
	'{"id":"gen-1762047030-dJUcJW4ildNGqK4UV6iJ","provider":"Mistral","model":"mistralai/mistral-small","object":"chat.completion","created":1762047030,"choices":[{"index":0,"logprobs":null,"finish_reason":"tool_calls","native_finish_reason":"tool_calls","message":{"role":"assistant","content":"","refusal":null,"reasoning":null,"tool_calls":[{"id":"3sniiMddS","index":0,"type":"function","function":{"name":"divide","arguments":"{\\"numerator\\": 123, \\"denominator\\": 456, \\"on_inf\\": \\"infinity\\"}"}}]}}],"usage":{"prompt_tokens":134,"completion_tokens":43,"total_tokens":177}}',
);

describe('chunkFromResponse: a JSON body goes through the stream fold', () => {
	it('maps the observed Mistral tool-call body', () => {
		expect(foldBody(MISTRAL_TOOL_CALL)).toMatchObject({
			id: 'gen-1762047030-dJUcJW4ildNGqK4UV6iJ',
			provider: 'Mistral',
			model: 'mistralai/mistral-small',
			text: '',
			toolCalls: [
				{
					index: 0,
					id: '3sniiMddS',
					type: 'function',
					name: 'divide',
					arguments: '{"numerator": 123, "denominator": 456, "on_inf": "infinity"}',
				},
			],
			finishReason: 'tool_calls',
			nativeFinishReason: 'tool_calls',
			usage: { prompt_tokens: 134, completion_tokens: 43, total_tokens: 177 },
			error: null,
			complete: true,
		});
	});

	it('shows the OpenAI summary once although it is in reasoning and reasoning_details', () => {
		const details = [
			{
				type: 'reasoning.summary',
				format: 'openai-responses-v1',
				index: 0,
				summary: '**Exploring**',
			},
			{
				type: 'reasoning.encrypted',
				format: 'openai-responses-v1',
				id: 'rs_0ab3',
				index: 0,
				data: 'gAAAAAB',
			},
		];
		const c = foldBody({
			choices: [
				{
					index: 0,
					finish_reason: 'stop',
					message: {
						role: 'assistant',
						content: 'Done.',
						reasoning: '**Exploring**',
						reasoning_details: details,
					},
				},
			],
		});
		expect(c.reasoning).toBe('**Exploring**');
		expect(c.reasoningDetails).toEqual(details);
		expect(c.text).toBe('Done.');
	});

	it('keys a whole tool-call list by position, even with missing or repeated indexes', () => {
		const call = (id: string, index?: number) => ({
			id,
			...(index === undefined ? {} : { index }),
			type: 'function',
			function: { name: 'f', arguments: `{"id":"${id}"}` },
		});
		const c = foldBody({
			choices: [
				{
					message: { content: null, tool_calls: [call('a', 0), call('b', 0), call('', undefined)] },
				},
			],
		});
		expect(c.toolCalls.map((t) => [t.index, t.id, t.arguments])).toEqual([
			[0, 'a', '{"id":"a"}'],
			[1, 'b', '{"id":"b"}'],
			[2, '', '{"id":""}'],
		]);
		// No finish reason given, calls were made (docs/openrouter-protocol.md#finish-reasons).
		expect(c.finishReason).toBe('tool_calls');
	});

	it('HTTP 200 with a top-level error and no choices is an http error', () => {
		const metadata = { headers: { 'X-RateLimit-Limit': '50' }, provider_name: null };
		expect(
			chunkFromResponse({
				error: { code: 429, message: 'Rate limit exceeded: free-models-per-day', metadata },
				user_id: 'user_2u7z',
			}),
		).toEqual({
			error: {
				kind: 'http',
				status: 429,
				code: 429,
				message: 'Rate limit exceeded: free-models-per-day',
				metadata,
			},
		});
	});

	it('a string error code keeps the 200 status', () => {
		expect(chunkFromResponse({ error: { code: 'server_error', message: 'Oops' } })).toEqual({
			error: { kind: 'http', status: 200, code: 'server_error', message: 'Oops' },
		});
	});

	it('choices[0].error keeps the partial content as a stream error', () => {
		const c = foldBody({
			id: 'gen-2',
			choices: [
				{
					index: 0,
					finish_reason: 'error',
					message: { role: 'assistant', content: 'Partial answer' },
					error: {
						code: 502,
						message: 'Upstream error',
						metadata: { error_type: 'provider_unavailable' },
					},
				},
			],
			usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
		});
		expect(c).toMatchObject({
			text: 'Partial answer',
			finishReason: 'error',
			error: {
				kind: 'stream',
				code: 502,
				message: 'Upstream error',
				metadata: { error_type: 'provider_unavailable' },
			},
			usage: { total_tokens: 7 },
		});
	});

	it('an empty success is a whole, empty answer', () => {
		const c = foldBody({
			choices: [{ index: 0, finish_reason: 'stop', message: { content: null } }],
		});
		expect(c).toMatchObject({ text: '', finishReason: 'stop', error: null, complete: true });
	});

	it('keeps images, annotations and fields it does not know', () => {
		const body = {
			openrouter_metadata: { pipeline: [] },
			choices: [
				{
					finish_reason: 'stop',
					message: {
						content: 'A cat.',
						images: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }],
						annotations: [{ type: 'file', file: { hash: 'h', name: 'a.pdf', content: [] } }],
						audio: { id: 'a1', data: 'UklG', transcript: 'A cat.' },
					},
				},
			],
		};
		expect(chunkFromResponse(body)).toMatchObject({
			chunk: {
				openrouter_metadata: { pipeline: [] },
				choices: [{ index: 0, delta: { audio: { transcript: 'A cat.' } } }],
			},
		});
		expect(foldBody(body)).toMatchObject({
			text: 'A cat.',
			images: ['data:image/png;base64,AAAA'],
			annotations: [{ type: 'file', file: { name: 'a.pdf' } }],
		});
	});

	it.each([null, 'text', 42, [1, 2]])('%j is not a body we understand', (body) => {
		expect(chunkFromResponse(body)).toEqual({
			error: { kind: 'protocol', message: 'the response body was not a JSON object' },
		});
	});
});

describe('errorFromBody: what a non-2xx answer said', () => {
	const cases: [string, number, unknown, object][] = [
		[
			'402 with metadata',
			402,
			{
				error: {
					code: 402,
					message: 'This request requires more credits, or fewer max_tokens.',
					metadata: { provider_name: null },
				},
				user_id: 'user_1',
			},
			{
				code: 402,
				message: 'This request requires more credits, or fewer max_tokens.',
				metadata: { provider_name: null },
			},
		],
		[
			'401 without metadata',
			401,
			{ error: { message: 'User not found.', code: 401 } },
			{ code: 401, message: 'User not found.' },
		],
		[
			'429 free-tier cap with headers in metadata',
			429,
			{
				error: {
					message: 'Rate limit exceeded: free-models-per-day.',
					code: 429,
					metadata: {
						headers: {
							'X-RateLimit-Limit': '50',
							'X-RateLimit-Remaining': '0',
							'X-RateLimit-Reset': '1788220800000',
						},
						limit_source: 'openrouter_free_tier_daily',
					},
				},
			},
			{
				code: 429,
				message: 'Rate limit exceeded: free-models-per-day.',
				metadata: {
					headers: {
						'X-RateLimit-Limit': '50',
						'X-RateLimit-Remaining': '0',
						'X-RateLimit-Reset': '1788220800000',
					},
					limit_source: 'openrouter_free_tier_daily',
				},
			},
		],
		[
			'502 provider error with raw',
			502,
			{
				error: {
					code: 502,
					message: 'Provider returned error',
					metadata: { provider_name: 'Google', raw: '{"error":{"code":503}}' },
				},
			},
			{
				code: 502,
				message: 'Provider returned error',
				metadata: { provider_name: 'Google', raw: '{"error":{"code":503}}' },
			},
		],
		[
			'403 moderation',
			403,
			{
				error: {
					code: 403,
					message:
						'openai/gpt-4o requires moderation on OpenAI. Your input was flagged for "violence".',
					metadata: {
						reasons: ['violence'],
						flagged_input: 'a…b',
						provider_name: 'OpenAI',
						model_slug: 'openai/gpt-4o',
					},
				},
			},
			{
				code: 403,
				message:
					'openai/gpt-4o requires moderation on OpenAI. Your input was flagged for "violence".',
				metadata: {
					reasons: ['violence'],
					flagged_input: 'a…b',
					provider_name: 'OpenAI',
					model_slug: 'openai/gpt-4o',
				},
			},
		],
		[
			'availability shape without code',
			404,
			{
				message: 'No endpoints found for google/gemini-2.5-flash:free.',
				error_type: 'not_found',
				http_status: 404,
				availability: {
					code: 'no_endpoints',
					retryable: false,
					requested_models: ['google/gemini-2.5-flash:free'],
				},
				metadata: { previous_errors: [] },
			},
			{
				code: 404,
				message: 'No endpoints found for google/gemini-2.5-flash:free.',
				metadata: {
					previous_errors: [],
					error_type: 'not_found',
					availability: {
						code: 'no_endpoints',
						retryable: false,
						requested_models: ['google/gemini-2.5-flash:free'],
					},
				},
			},
		],
		[
			'availability inside the envelope',
			429,
			{
				error: {
					code: 429,
					message: 'Capacity exhausted',
					availability: { code: 'capacity_exhausted', retryable: true, retry_after: 5 },
				},
			},
			{
				code: 429,
				message: 'Capacity exhausted',
				metadata: { availability: { code: 'capacity_exhausted', retryable: true, retry_after: 5 } },
			},
		],
		[
			'a string code',
			500,
			{ error: { code: 'server_error', message: 'Internal' } },
			{ code: 'server_error', message: 'Internal' },
		],
		['a bare string error', 400, { error: 'bad request' }, { code: 400, message: 'bad request' }],
		[
			'no message at all',
			500,
			{ error: { code: 500 } },
			{ code: 500, message: 'The API answered 500 without a message' },
		],
	];

	it.each(cases)('%s', (_name, status, body, expected) => {
		expect(errorFromBody(status, body, JSON.stringify(body))).toEqual({
			kind: 'http',
			status,
			...expected,
		});
	});

	it('a non-JSON body shows the status and the text', () => {
		expect(errorFromBody(502, undefined, '  <html>Bad gateway</html>\n')).toEqual({
			kind: 'http',
			status: 502,
			code: 502,
			message: '<html>Bad gateway</html>',
		});
	});

	it('JSON we do not recognise falls back to the text', () => {
		expect(errorFromBody(404, { detail: 'Not Found' }, '{"detail":"Not Found"}')).toMatchObject({
			code: 404,
			message: '{"detail":"Not Found"}',
		});
	});

	it('an empty body still says what happened, a long one is shortened', () => {
		expect(errorFromBody(503, undefined, '')).toMatchObject({
			message: 'The server answered 503 with an empty body',
		});
		const long = errorFromBody(500, undefined, 'x'.repeat(5000));
		expect(long.message.length).toBeLessThan(600);
		expect(long.message.endsWith('…')).toBe(true);
	});

	it('never carries a key: a body quoting the Authorization header, in any shape', () => {
		const key = 'sk-or-v1-test-echoed-back-0123456789';
		const other = 'sk-or-v1-test-fake-other-key-not-a-secret';
		const proxyKey = 'my-proxy-token-0123456789';
		const bodies: unknown[] = [
			{ error: { code: 401, message: `Authorization: Bearer ${key}`, metadata: { other } } },
			{ message: `bad header Bearer ${proxyKey}`, error_type: other, http_status: 401 },
			{ error: `Bearer ${key}` },
			undefined,
		];
		for (const body of bodies) {
			const text = body === undefined ? `<p>Bearer ${key} ${other}</p>` : JSON.stringify(body);
			const error = errorFromBody(401, body, text, [proxyKey]);
			const shown = JSON.stringify(error);
			expect(shown).not.toContain('sk-or-v1-');
			expect(shown).not.toContain(proxyKey);
			expect(shown).toContain('[key hidden]');
		}
	});
});
