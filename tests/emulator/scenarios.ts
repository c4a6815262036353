/**
 * Pure scenario renderer: request → the exact bytes (SSE) or JSON the real API would send, plus what a
 * correct client must end up with. Each scenario reproduces an observed behaviour described in
 * docs/openrouter-protocol.md (#streaming, #errors-in-a-200-body and #errors).
 */
import { BENCH_TEXT_IDS, benchTokens, type BenchTextId } from './bench-text';
import { findModel } from './catalog';
import { HTTP_ERRORS, HTTP_ERROR_BY_ID, type HttpErrorId } from './errors';
import {
	REAL_JSON_SHAPES,
	REAL_STREAM_SHAPES,
	renderChoiceErrorRawObject,
	renderRealStream,
	type ShapeKit,
} from './real-shapes';
import { generateTokens, gradientPng, promptTokens } from './text';
import { routeRequest, upstreamBody, type ProviderInfo, type Route } from './routing';

export const STREAM_SCENARIOS = [
	{
		id: 'text',
		description: 'plain text: keep-alive comments, role on every chunk, usage chunk (a)',
	},
	{ id: 'text-usage-empty-choices', description: 'usage chunk with choices: []' },
	{
		id: 'text-usage-null-finish',
		description: 'usage chunk with finish_reason null after the real one',
	},
	{
		id: 'text-usage-repeated-finish',
		description: 'usage chunk repeating the finish reason',
	},
	{ id: 'long', description: '2000 tokens, for Stop and speed' },
	{
		id: 'echo',
		description: 'the last user message back verbatim in 1-4 character tokens (rendering tests)',
	},
	{
		id: 'bench',
		description: '20 000 tokens (fewer with max_tokens), for the benchmarks (npm run bench)',
	},
	// B3/B4: markdown answers with marker words (bench-text.ts), capped by max_tokens.
	{ id: 'bench-markdown', description: 'mixed markdown, 20 000 tokens, marker words (B3)' },
	{ id: 'bench-code', description: 'one fenced code block of 20 000 tokens (B4)' },
	{ id: 'bench-paragraph', description: 'one 100 KB paragraph at max_tokens 30 000 (B4)' },
	{ id: 'bench-table', description: 'one table of 2 000 rows at max_tokens 30 000 (B4)' },
	{ id: 'bench-unclosed', description: 'markdown ending in emphasis that never closes (B4)' },
	{ id: 'bench-list', description: 'one tight list of 2 000 items, some nested (B4)' },
	{
		id: 'reasoning',
		description: 'Anthropic pattern: reasoning and reasoning_details, signature-only piece',
	},
	{ id: 'reasoning-encrypted', description: 'encrypted-only reasoning then text' },
	{
		id: 'tool-calls',
		description: 'one tool call split across chunks with empty fragments',
	},
	{ id: 'parallel-tool-calls', description: 'two calls interleaved, indices starting at 1' },
	{
		id: 'tool-calls-whole',
		description: 'a whole call in one chunk, finish_reason stop despite the call',
	},
	{
		id: 'tool-calls-bad-json',
		description: 'a whole call whose arguments are cut-off JSON (a model bug the client must flag)',
	},
	{ id: 'refusal', description: 'delta.refusal pieces instead of content (safety refusal)' },
	{ id: 'annotations', description: 'url_citation annotations before the text' },
	{ id: 'image', description: 'one ~100 KB image in a single SSE event' },
	{ id: 'logprobs', description: 'logprobs on every content chunk' },
	{
		id: 'mid-stream-error',
		description: 'error chunk after partial text, finish_reason error, no [DONE]',
	},
	{
		id: 'mid-stream-error-minimax',
		description: 'error chunk with finish_reason null and usage, then [DONE]',
	},
	{ id: 'error-empty-choices', description: 'error chunk with empty choices and a string code' },
	{ id: 'drop', description: 'partial text, then the socket is destroyed' },
	{ id: 'drop-before-data', description: 'keep-alive comments, then the socket is destroyed' },
	{
		id: 'done-missing-after-finish',
		description: 'finish and usage, then the body ends without [DONE]',
	},
	{ id: 'crlf', description: 'CRLF line endings' },
	{
		id: 'debug-echo',
		description: 'first chunk echoes the upstream body (debug.echo_upstream_body)',
	},
	{ id: 'slow-headers', description: 'headers arrive after 1.5 s' },
	{
		id: 'by-content',
		description:
			'echo, or the scenario a marker in the last user message names: `[<id>]`, `[<id>@<field>=<json>]` (only when the body has it), `[429-once]` (http-429-retry the first time that exact body comes); for grid tests',
	},
	...REAL_STREAM_SHAPES,
] as const;

export const JSON_SCENARIOS = [
	{ id: 'non-stream-200-error', description: 'HTTP 200 whose body is an error envelope' },
	{ id: 'choice-error', description: 'choices[0].error with partial content' },
	...REAL_JSON_SHAPES,
] as const;

export const SCENARIOS = [
	...STREAM_SCENARIOS,
	...JSON_SCENARIOS,
	...(Object.keys(HTTP_ERRORS) as HttpErrorId[]).map((id) => ({
		id,
		description: HTTP_ERRORS[id].description,
	})),
] as const;

export type ScenarioId =
	(typeof STREAM_SCENARIOS)[number]['id'] | (typeof JSON_SCENARIOS)[number]['id'] | HttpErrorId;
export const SCENARIO_IDS: readonly string[] = SCENARIOS.map((s) => s.id);

export type ChatRequestLike = {
	model?: string;
	messages?: { role?: string; content?: unknown }[];
	stream?: boolean;
	max_tokens?: number;
	max_completion_tokens?: number;
	seed?: number;
	logprobs?: boolean;
	tools?: { function?: { name?: string } }[];
	debug?: { echo_upstream_body?: boolean };
	[key: string]: unknown;
};

export type Expected = {
	text: string;
	reasoning: string;
	toolCalls: { id: string; name: string; arguments: string }[];
	finishReason: string | null;
	usage: Record<string, unknown> | null;
	error: { code: number | string; message: string } | null;
	complete: boolean;
	images?: number;
	annotations?: number;
};

export type Frame = { text: string; paced?: boolean };
export type ScenarioResponse =
	| {
			kind: 'sse';
			status: 200;
			headers: Record<string, string>;
			frames: Frame[];
			drop?: boolean;
			headerDelayMs?: number;
			expected: Expected;
	  }
	| {
			kind: 'json';
			status: number;
			headers: Record<string, string>;
			body: unknown;
			expected: Expected;
	  };

type Ctx = {
	id: string;
	created: number;
	model: string;
	provider: string;
	/** Whether the serving provider honours `seed`; one that does not samples afresh each request. */
	honoursSeed: boolean;
	/** Every provider tried, in order (the last one serves); one debug chunk each. */
	tried: ProviderInfo[];
	route: Route;
	request: ChatRequestLike;
	eol: string;
	prompt: number;
	/** Prompt tokens read from the provider's prompt cache (a prefix this key sent before). */
	cached: number;
	pricing: { prompt: number; completion: number; cacheRead: number };
};

export function createContext(
	request: ChatRequestLike,
	generationId: string,
	created: number,
	eol = '\n',
	cachedTokens = 0,
): Ctx {
	const found = findModel(request.model ?? '');
	const price = (value: unknown) => Math.max(0, Number(value ?? 0)) || 0;
	const route = routeRequest(request);
	return {
		id: generationId,
		created,
		model: found?.model.canonical_slug ?? request.model ?? 'openrouter/auto',
		provider: route.ok ? route.provider.name : (found?.provider ?? 'Emulator'),
		honoursSeed: route.ok ? route.provider.honoursSeed : true,
		tried: route.ok ? route.tried : [],
		route,
		request,
		eol,
		prompt: promptTokens(request.messages),
		cached: Math.max(0, Math.floor(cachedTokens)),
		pricing: {
			prompt: price(found?.model.pricing.prompt ?? 0.000001),
			completion: price(found?.model.pricing.completion ?? 0.000002),
			cacheRead: price(
				found?.model.pricing.input_cache_read ?? found?.model.pricing.prompt ?? 0.000001,
			),
		},
	};
}

/** Key order must not change the answer: SDKs re-serialise objects in their own order. */
function stableStringify(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
	if (typeof value !== 'object' || value === null) return JSON.stringify(value);
	const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

function contentTokens(ctx: Ctx, fallback: number): string[] {
	const cap = ctx.request.max_completion_tokens ?? ctx.request.max_tokens;
	const count = typeof cap === 'number' && cap > 0 ? Math.min(cap, fallback) : fallback;
	const last = [...(ctx.request.messages ?? [])].reverse().find((m) => m.role === 'user');
	// Same seed and provider, same answer; a provider that ignores seed differs on every request.
	const seed = ctx.honoursSeed ? (ctx.request.seed ?? '') : ctx.id;
	return generateTokens(`${stableStringify(last?.content ?? '')}|${seed}|${ctx.provider}`, count);
}

/** A benchmark answer (bench-text.ts); max_tokens cuts it like any answer. */
function benchContent(ctx: Ctx, id: BenchTextId): string[] {
	const cap = ctx.request.max_completion_tokens ?? ctx.request.max_tokens;
	// Up to 80 000 tokens: B4 streams each kind at twice its usual size too.
	if (typeof cap !== 'number' || cap <= 0) return benchTokens(id);
	return benchTokens(id, Math.min(cap, 80_000)).slice(0, cap);
}

/** The last user message's text cut into 1-4 code point pieces, the same cuts for the same text. */
function echoTokens(ctx: Ctx): string[] {
	const last = [...(ctx.request.messages ?? [])].reverse().find((m) => m.role === 'user');
	const text =
		typeof last?.content === 'string' ? last.content : stableStringify(last?.content ?? '');
	const points = Array.from(text);
	const pieces: string[] = [];
	for (let at = 0, n = 0; at < points.length; n++) {
		const size = 1 + ((n * 7 + points.length) % 4);
		pieces.push(points.slice(at, at + size).join(''));
		at += size;
	}
	return pieces;
}

function usage(ctx: Ctx, completion: number, reasoning = 0): Record<string, unknown> {
	// Cached prompt tokens are billed at the model's input_cache_read price
	// (docs/openrouter-protocol.md#usage-and-cost).
	const cached = Math.min(ctx.cached, ctx.prompt);
	const promptCost = Number(
		((ctx.prompt - cached) * ctx.pricing.prompt + cached * ctx.pricing.cacheRead).toFixed(9),
	);
	const completionCost = Number(((completion + reasoning) * ctx.pricing.completion).toFixed(9));
	return {
		prompt_tokens: ctx.prompt,
		completion_tokens: completion + reasoning,
		total_tokens: ctx.prompt + completion + reasoning,
		cost: Number((promptCost + completionCost).toFixed(9)),
		is_byok: false,
		prompt_tokens_details: {
			cached_tokens: cached,
			cache_write_tokens: 0,
			audio_tokens: 0,
			video_tokens: 0,
		},
		cost_details: {
			upstream_inference_cost: null,
			upstream_inference_prompt_cost: promptCost,
			upstream_inference_completions_cost: completionCost,
		},
		completion_tokens_details: { reasoning_tokens: reasoning, image_tokens: 0, audio_tokens: 0 },
	};
}

const base = (ctx: Ctx) => ({
	id: ctx.id,
	object: 'chat.completion.chunk',
	created: ctx.created,
	model: ctx.model,
	provider: ctx.provider,
});
const choice = (
	delta: Record<string, unknown>,
	finish: string | null = null,
	native: string | null = finish,
	extra: Record<string, unknown> = {},
) => ({
	index: 0,
	delta: { role: 'assistant', ...delta },
	finish_reason: finish,
	native_finish_reason: native,
	logprobs: null,
	...extra,
});

const shapeKit = (ctx: Ctx, tokens: string[]): ShapeKit => ({
	id: ctx.id,
	created: ctx.created,
	model: ctx.model,
	provider: ctx.provider,
	prompt: ctx.prompt,
	tokens,
	toolNames: (ctx.request.tools ?? []).map((t) => t.function?.name ?? '').filter(Boolean),
});

/** Builds the SSE text of one scenario. `say` collects frames. */
function streamFor(
	id: string,
	ctx: Ctx,
): { frames: Frame[]; drop?: boolean; headerDelayMs?: number; expected: Expected } {
	const frames: Frame[] = [];
	const data = (payload: unknown, paced = false) =>
		frames.push({ text: `data: ${JSON.stringify(payload)}${ctx.eol}${ctx.eol}`, paced });
	const comment = (n = 1) => {
		for (let i = 0; i < n; i++)
			frames.push({ text: `: OPENROUTER PROCESSING${ctx.eol}${ctx.eol}` });
	};
	const done = () => frames.push({ text: `data: [DONE]${ctx.eol}${ctx.eol}` });
	const expected: Expected = {
		text: '',
		reasoning: '',
		toolCalls: [],
		finishReason: 'stop',
		usage: null,
		error: null,
		complete: true,
	};

	const tokens = (BENCH_TEXT_IDS as readonly string[]).includes(id)
		? benchContent(ctx, id as BenchTextId)
		: contentTokens(ctx, id === 'long' ? 2000 : id === 'bench' ? 20_000 : 30);
	const sendText = (pieces: string[], logprobs = false) => {
		pieces.forEach((token, i) => {
			if (i > 0 && i % 10 === 0) comment(); // keep-alives also arrive between tokens
			const lp = logprobs
				? {
						content: [
							{
								token,
								logprob: -0.05 * (i % 7),
								bytes: [...Buffer.from(token)],
								top_logprobs: [
									// OpenAI gives every alternative its bytes too (the SDKs' types require them).
									{ token, logprob: -0.05 * (i % 7), bytes: [...Buffer.from(token)] },
									{ token: ' alt', logprob: -2.5, bytes: [32, 97, 108, 116] },
								],
							},
						],
					}
				: null;
			data(
				{ ...base(ctx), choices: [choice({ content: token }, null, null, { logprobs: lp })] },
				true,
			);
		});
		expected.text += pieces.join('');
	};
	const finishAndUsage = (
		finish: string,
		native: string,
		style: 'a' | 'b' | 'c',
		completion: number,
		reasoning = 0,
	) => {
		data({ ...base(ctx), choices: [choice({ content: '' }, finish, native)] });
		const u = usage(ctx, completion, reasoning);
		const usageChoices =
			style === 'a'
				? []
				: [choice({ content: '' }, style === 'c' ? finish : null, style === 'c' ? native : null)];
		data({
			...base(ctx),
			...(style === 'c' ? { service_tier: null } : {}),
			choices: usageChoices,
			usage: u,
		});
		expected.usage = u;
		expected.finishReason = finish;
	};
	const toolName = ctx.request.tools?.[0]?.function?.name ?? 'get_weather';

	const shaped = renderRealStream(id, shapeKit(ctx, tokens));
	if (shaped) {
		for (const event of shaped.events)
			if ('comment' in event) comment();
			else if ('done' in event) done();
			else data(event.data, event.paced);
		return { frames, expected: { ...expected, ...shaped.expected } };
	}
	comment(3); // OpenRouter sends keep-alives while the request is queued
	// debug.echo_upstream_body: first data chunks, choices [], one per provider tried
	// (docs/openrouter-protocol.md#debug-echo).
	if (ctx.request.debug?.echo_upstream_body === true || id === 'debug-echo')
		for (const tried of ctx.tried)
			data({
				...base(ctx),
				provider: tried.name,
				choices: [],
				debug: { echo_upstream_body: upstreamBody(ctx.request, tried.name) },
			});
	switch (id) {
		case 'debug-echo': {
			data({ ...base(ctx), choices: [choice({ content: '' })] });
			sendText(tokens);
			finishAndUsage('stop', 'stop', 'a', tokens.length);
			done();
			break;
		}
		case 'reasoning': {
			const format = 'anthropic-claude-v1';
			const pieces = ['Let me think', ' about this', ' step by step.'];
			data({
				...base(ctx),
				choices: [
					choice({
						content: '',
						reasoning: null,
						reasoning_details: [
							{ type: 'reasoning.text', text: '', signature: '', format, index: 0 },
						],
					}),
				],
			});
			for (const piece of pieces)
				data(
					{
						...base(ctx),
						choices: [
							choice({
								content: '',
								reasoning: piece,
								reasoning_details: [{ type: 'reasoning.text', text: piece, format, index: 0 }],
							}),
						],
					},
					true,
				);
			data({
				...base(ctx),
				choices: [
					choice({
						content: '',
						reasoning: null,
						reasoning_details: [{ type: 'reasoning.text', text: '', format, index: 0 }],
					}),
				],
			});
			data({
				...base(ctx),
				choices: [
					choice({
						content: '',
						reasoning: null,
						reasoning_details: [
							{
								type: 'reasoning.text',
								signature: 'EtQBCkgIBxABGAIqQKnEmulatorSignature==',
								format,
								index: 0,
							},
						],
					}),
				],
			});
			expected.reasoning = pieces.join('');
			sendText(tokens);
			finishAndUsage('stop', 'end_turn', 'b', tokens.length, 13);
			done();
			break;
		}
		case 'reasoning-encrypted':
			data({
				...base(ctx),
				choices: [
					choice({
						content: '',
						reasoning: null,
						reasoning_details: [
							{
								type: 'reasoning.encrypted',
								data: 'gAAAAABoEmulatorEncryptedReasoning',
								id: 'rs_emulator01',
								format: 'openai-responses-v1',
								index: 0,
							},
						],
					}),
				],
			});
			sendText(tokens);
			finishAndUsage('stop', 'completed', 'c', tokens.length, 0);
			done();
			break;
		case 'tool-calls': {
			const callId = 'toolu_vrtx_01EmulatorCall';
			const args = ['{"city": "Par', 'is", "unit": "celsius"}'];
			data({
				...base(ctx),
				choices: [
					choice({
						content: null,
						tool_calls: [
							{
								index: 0,
								id: callId,
								type: 'function',
								function: { name: toolName, arguments: '' },
							},
						],
					}),
				],
			});
			data({
				...base(ctx),
				choices: [
					choice({ content: null, tool_calls: [{ index: 0, function: { arguments: '' } }] }),
				],
			});
			for (const piece of args)
				data(
					{
						...base(ctx),
						choices: [
							choice({ content: null, tool_calls: [{ index: 0, function: { arguments: piece } }] }),
						],
					},
					true,
				);
			expected.toolCalls = [{ id: callId, name: toolName, arguments: args.join('') }];
			finishAndUsage('tool_calls', 'tool_use', 'c', 18);
			done();
			break;
		}
		case 'parallel-tool-calls': {
			const calls = [
				{ index: 1, id: 'call_emulator_a', args: ['{"city":', ' "Paris"}'] },
				{ index: 2, id: 'call_emulator_b', args: ['{"city":', ' "東京"}'] },
			];
			for (const call of calls)
				data({
					...base(ctx),
					choices: [
						choice({
							content: null,
							tool_calls: [
								{
									index: call.index,
									id: call.id,
									type: 'function',
									function: { name: toolName, arguments: '' },
								},
							],
						}),
					],
				});
			for (let piece = 0; piece < 2; piece++)
				for (const call of calls)
					data(
						{
							...base(ctx),
							choices: [
								choice({
									content: null,
									tool_calls: [{ index: call.index, function: { arguments: call.args[piece] } }],
								}),
							],
						},
						true,
					);
			expected.toolCalls = calls.map((c) => ({
				id: c.id,
				name: toolName,
				arguments: c.args.join(''),
			}));
			finishAndUsage('tool_calls', 'tool_calls', 'b', 24);
			done();
			break;
		}
		case 'tool-calls-whole': {
			data({
				...base(ctx),
				choices: [
					choice({
						content: '',
						tool_calls: [
							{
								index: 0,
								id: 'call_whole_1',
								type: 'function',
								function: { name: toolName, arguments: '{"city":"Lyon"}' },
							},
						],
					}),
				],
			});
			expected.toolCalls = [{ id: 'call_whole_1', name: toolName, arguments: '{"city":"Lyon"}' }];
			finishAndUsage('stop', 'stop', 'a', 9);
			expected.finishReason = 'tool_calls'; // inferred: calls were made although the model said stop
			done();
			break;
		}
		case 'tool-calls-bad-json': {
			const args = '{"city": "Paris", "unit": ';
			data({
				...base(ctx),
				choices: [
					choice({
						content: null,
						tool_calls: [
							{
								index: 0,
								id: 'call_bad_json',
								type: 'function',
								function: { name: toolName, arguments: args },
							},
						],
					}),
				],
			});
			expected.toolCalls = [{ id: 'call_bad_json', name: toolName, arguments: args }];
			finishAndUsage('tool_calls', 'tool_calls', 'a', 7);
			done();
			break;
		}
		case 'refusal': {
			const pieces = ["I'm sorry,", " but I can't", ' help with that.'];
			for (const piece of pieces)
				data({ ...base(ctx), choices: [choice({ content: null, refusal: piece })] }, true);
			finishAndUsage('stop', 'refusal', 'a', 9);
			done();
			break;
		}
		case 'annotations': {
			const sources = [
				{
					url: 'https://example.org/openrouter-routing',
					title: 'How routing works',
					content: 'A long excerpt '.repeat(40),
				},
				// Search excerpts carry the page's markdown (real-deepseek-citations-stream).
				{
					url: 'https://example.org/pricing',
					title: 'Pricing',
					content: 'Prices are **per token**, see [the table](https://example.org/pricing#table).',
				},
			];
			for (const [i, source] of sources.entries())
				data({
					...base(ctx),
					choices: [
						choice({
							content: '',
							annotations: [
								{
									type: 'url_citation',
									url_citation: { ...source, start_index: i * 10, end_index: i * 10 + 9 },
								},
							],
						}),
					],
				});
			expected.annotations = sources.length;
			sendText(tokens);
			finishAndUsage('stop', 'stop', 'c', tokens.length);
			done();
			break;
		}
		case 'image':
			data({
				...base(ctx),
				choices: [
					choice({
						content: '',
						images: [{ type: 'image_url', image_url: { url: gradientPng() } }],
					}),
				],
			});
			expected.images = 1;
			sendText(tokens.slice(0, 8));
			finishAndUsage('stop', 'STOP', 'b', 8 + 1290);
			done();
			break;
		case 'echo':
			data({ ...base(ctx), choices: [choice({ content: '' })] });
			sendText(echoTokens(ctx));
			finishAndUsage('stop', 'stop', 'a', echoTokens(ctx).length);
			done();
			break;
		case 'logprobs':
			sendText(tokens, true);
			finishAndUsage('stop', 'stop', 'a', tokens.length);
			done();
			break;
		case 'mid-stream-error': {
			sendText(tokens.slice(0, 10));
			data({
				...base(ctx),
				error: {
					code: 502,
					message: 'Provider disconnected unexpectedly',
					metadata: { error_type: 'provider_unavailable', provider_name: ctx.provider },
				},
				choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
			});
			Object.assign(expected, {
				finishReason: 'error',
				complete: false,
				error: { code: 502, message: 'Provider disconnected unexpectedly' },
			});
			break; // the documented stream ends right after the error event
		}
		case 'mid-stream-error-minimax': {
			sendText(tokens.slice(0, 12));
			data({ ...base(ctx), choices: [choice({ content: '' }, 'length', 'length')] });
			const u = usage(ctx, 12);
			data({
				...base(ctx),
				error: { code: 400, message: 'Token limit reached' },
				choices: [choice({ content: '' }, null, null)],
				usage: u,
			});
			done();
			Object.assign(expected, {
				finishReason: 'error',
				usage: u,
				error: { code: 400, message: 'Token limit reached' },
			});
			break;
		}
		case 'error-empty-choices':
			data({
				...base(ctx),
				error: { code: 'server_error', message: 'Upstream capacity exhausted' },
				choices: [],
			});
			done();
			Object.assign(expected, {
				finishReason: 'error',
				error: { code: 'server_error', message: 'Upstream capacity exhausted' },
			});
			break;
		case 'drop':
			sendText(tokens.slice(0, 12));
			Object.assign(expected, {
				finishReason: null,
				complete: false,
				error: { code: 'network', message: 'connection lost' },
			});
			return { frames, drop: true, expected };
		case 'drop-before-data':
			Object.assign(expected, {
				finishReason: null,
				complete: false,
				error: { code: 'network', message: 'connection lost' },
			});
			return { frames, drop: true, expected };
		case 'done-missing-after-finish':
			sendText(tokens);
			finishAndUsage('stop', 'stop', 'a', tokens.length);
			expected.complete = true; // a finish reason was seen: the answer is whole without [DONE]
			break;
		default: {
			// text, the three usage shapes, long, bench, crlf, slow-headers
			data({ ...base(ctx), choices: [choice({ content: '' })] }); // opening role chunk
			sendText(tokens);
			const style =
				id === 'text-usage-null-finish' ? 'b' : id === 'text-usage-repeated-finish' ? 'c' : 'a';
			const truncated =
				typeof ctx.request.max_tokens === 'number' && tokens.length >= ctx.request.max_tokens;
			finishAndUsage(
				truncated ? 'length' : 'stop',
				truncated ? 'length' : 'stop',
				style,
				tokens.length,
			);
			done();
		}
	}
	return { frames, expected, ...(id === 'slow-headers' ? { headerDelayMs: 1500 } : {}) };
}

/**
 * The same answer as one JSON body (stream: false), shaped like
 * docs/openrouter-protocol.md#non-streaming-response.
 */
function jsonFor(id: string, ctx: Ctx): { status: number; body: unknown; expected: Expected } {
	if (id === 'non-stream-200-error') {
		const error = {
			code: 429,
			message: 'Rate limit exceeded: limit_rpm/emulator. Please retry shortly.',
			metadata: { provider_name: ctx.provider, raw: 'rate limited upstream' },
		};
		return {
			status: 200,
			body: { error, user_id: 'user_emulator' },
			expected: {
				text: '',
				reasoning: '',
				toolCalls: [],
				finishReason: null,
				usage: null,
				error: { code: 429, message: error.message },
				complete: false,
			},
		};
	}
	if (id === 'choice-error-raw-object') {
		const shaped = renderChoiceErrorRawObject(shapeKit(ctx, contentTokens(ctx, 30)));
		return { status: 200, body: shaped.body, expected: shaped.expected };
	}
	const streamed = streamFor(id === 'choice-error' ? 'text' : id, ctx).expected;
	const message: Record<string, unknown> = {
		role: 'assistant',
		content: streamed.toolCalls.length ? '' : streamed.text,
		refusal: null,
		reasoning: streamed.reasoning || null,
	};
	if (streamed.toolCalls.length)
		message.tool_calls = streamed.toolCalls.map((c, index) => ({
			id: c.id,
			index,
			type: 'function',
			function: { name: c.name, arguments: c.arguments },
		}));
	const finish =
		streamed.finishReason === 'tool_calls' && id === 'tool-calls-whole'
			? 'stop'
			: streamed.finishReason;
	const body: Record<string, unknown> = {
		id: ctx.id,
		provider: ctx.provider,
		model: ctx.model,
		object: 'chat.completion',
		created: ctx.created,
		system_fingerprint: null,
		choices: [
			{ index: 0, logprobs: null, finish_reason: finish, native_finish_reason: finish, message },
		],
		// A body without usage leaves the key out; no recorded body has `usage: null`.
		...(streamed.usage ? { usage: streamed.usage } : {}),
	};
	if (id === 'choice-error') {
		const partial = streamed.text.split(' ').slice(0, 6).join(' ');
		message.content = partial;
		body.choices = [
			{
				index: 0,
				finish_reason: 'error',
				native_finish_reason: 'error',
				message,
				error: {
					code: 502,
					message: 'Upstream error after partial output',
					metadata: { error_type: 'provider_unavailable' },
				},
			},
		];
		return {
			status: 200,
			body,
			expected: {
				...streamed,
				text: partial,
				finishReason: 'error',
				error: { code: 502, message: 'Upstream error after partial output' },
			},
		};
	}
	return { status: 200, body, expected: { ...streamed, complete: true, error: null } };
}

const GENERATION_HEADERS = (ctx: Ctx) => ({
	'X-Generation-Id': ctx.id,
	'X-Provider-Name': ctx.provider,
});

export function renderScenario(
	id: ScenarioId,
	request: ChatRequestLike,
	options: {
		lineEnding?: '\n' | '\r\n';
		generationId?: string;
		created?: number;
		/** Prompt tokens the provider's cache holds for this request (prompt-cache.ts). */
		cachedTokens?: number;
		/** The server has seen this exact body before (`by-content` answers a repeat differently). */
		seenBefore?: boolean;
	} = {},
): ScenarioResponse {
	if (id === 'by-content') id = byContent(request, options.seenBefore ?? false);
	const eol = options.lineEnding ?? (id === 'crlf' ? '\r\n' : '\n');
	const ctx = createContext(
		request,
		options.generationId ?? 'gen-1767225600-EmulatorFixedId0001',
		options.created ?? 1767225600,
		eol,
		options.cachedTokens,
	);
	const httpError = HTTP_ERROR_BY_ID[id as HttpErrorId] as
		(typeof HTTP_ERROR_BY_ID)[HttpErrorId] | undefined;
	if (httpError) {
		const body = httpError.body(ctx.request.model ?? '');
		const error = (body as { error: { code: number; message: string } }).error;
		return {
			kind: 'json',
			status: httpError.status,
			headers: httpError.headers ?? {},
			body,
			expected: {
				text: '',
				reasoning: '',
				toolCalls: [],
				finishReason: null,
				usage: null,
				error: { code: error.code, message: error.message },
				complete: false,
			},
		};
	}
	if (!ctx.route.ok)
		return {
			kind: 'json',
			status: ctx.route.status,
			headers: {},
			body: {
				error: { code: ctx.route.status, message: ctx.route.message, metadata: ctx.route.metadata },
			},
			expected: {
				text: '',
				reasoning: '',
				toolCalls: [],
				finishReason: null,
				usage: null,
				error: { code: ctx.route.status, message: ctx.route.message },
				complete: false,
			},
		};
	const jsonOnly = (JSON_SCENARIOS as readonly { id: string }[]).some((s) => s.id === id);
	if (request.stream === true && !jsonOnly) {
		const stream = streamFor(id, ctx);
		return {
			kind: 'sse',
			status: 200,
			headers: {
				'Content-Type': 'text/event-stream',
				'Cache-Control': 'no-cache',
				...GENERATION_HEADERS(ctx),
			},
			...stream,
		};
	}
	const json = jsonFor(id, ctx);
	return {
		kind: 'json',
		status: json.status,
		headers: GENERATION_HEADERS(ctx),
		body: json.body,
		expected: json.expected,
	};
}

function lastUserText(request: ChatRequestLike): string {
	const last = [...(request.messages ?? [])].reverse().find((m) => m.role === 'user');
	const content = last?.content;
	if (typeof content === 'string') return content;
	if (!Array.isArray(content)) return '';
	return content
		.map((part: unknown) =>
			typeof part === 'object' &&
			part !== null &&
			typeof (part as { text?: unknown }).text === 'string'
				? (part as { text: string }).text
				: '',
		)
		.join('');
}

/**
 * `by-content`: one grid, one model, each cell's fate chosen by its own body. A marker `[<id>]` in
 * the last user message picks scenario `<id>`; `[<id>@<field>=<json>]` only when the body's field
 * has that JSON value (`[mid-stream-error@temperature=0.2]`: one column of a row); `[429-once]` is
 * http-429-retry the first time that exact body comes, text after. Without a marker: `echo`.
 */
export function byContent(request: ChatRequestLike, seenBefore: boolean): ScenarioId {
	const text = lastUserText(request);
	for (const [, id = '', field, value] of text.matchAll(
		/\[([a-z0-9-]+)(?:@([A-Za-z_]+)=([^\]\s]+))?\]/g,
	)) {
		if (field && JSON.stringify((request as Record<string, unknown>)[field]) !== value) continue;
		if (id === '429-once') {
			if (!seenBefore) return 'http-429-retry';
		} else if (id !== 'by-content' && SCENARIO_IDS.includes(id)) return id as ScenarioId;
	}
	return 'echo';
}

/** Which scenario a request asks for: header, then `emulator/<id>` model, then the model's default. */
export function chooseScenario(request: ChatRequestLike, header: string | undefined): ScenarioId {
	if (header && SCENARIO_IDS.includes(header)) return header as ScenarioId;
	const model = request.model ?? '';
	if (model.startsWith('emulator/') && SCENARIO_IDS.includes(model.slice(9)))
		return model.slice(9) as ScenarioId;
	if (request.debug?.echo_upstream_body === true && request.stream === true) return 'debug-echo';
	return (findModel(model)?.defaultScenario as ScenarioId | null) ?? 'text';
}
