/**
 * Scenarios cut to the shape of a recorded response (tests/fixtures/openrouter-recorded): the same
 * keys, key order, null placements and event order as the provider that sent it, with the
 * emulator's own text. The fidelity test (tests/unit/emulator/fidelity.test.ts) holds each one
 * against its recording.
 */
import { gradientPng } from './text';

export type ShapeKit = {
	id: string;
	created: number;
	model: string;
	provider: string;
	prompt: number;
	/** The answer's tokens (generated from the request as for every scenario). */
	tokens: string[];
	/** Tool names the request declared, in order. */
	toolNames: string[];
};
export type ShapeEvent = { data: unknown; paced?: boolean } | { comment: true } | { done: true };
export type ShapeResult = {
	events: ShapeEvent[];
	expected: {
		text: string;
		reasoning: string;
		toolCalls: { id: string; name: string; arguments: string }[];
		finishReason: string | null;
		usage: Record<string, unknown> | null;
		error: { code: number | string; message: string } | null;
		complete: boolean;
		images?: number;
	};
};

export const REAL_STREAM_SHAPES = [
	{
		id: 'reasoning-summary-xai',
		imitates: 'real-grok-parallel-tools',
		description:
			'xAI: reasoning.summary with markdown, one reasoning.encrypted item with an rs_ id, two parallel tool calls, native finish "completed", no logprobs key',
	},
	{
		id: 'reasoning-summary-openai',
		imitates: 'real-gpt5-codex-summary',
		description:
			'OpenAI Responses: reasoning.summary deltas holding markdown, an encrypted item with an rs_ id, then the answer; native finish "completed"',
	},
	{
		id: 'error-only-event',
		imitates: 'real-llama-502-in-200-stream',
		description:
			'200 stream whose only event is {"error":…,"user_id":…} (no id, no choices), then the body ends without [DONE]',
	},
	{
		id: 'legacy-logprobs',
		imitates: 'real-deepseek-legacy-logprobs',
		description:
			'legacy completions logprobs {tokens: null, …} on every chunk, reasoning_details [], reasoning_tokens larger than completion_tokens',
	},
	{
		id: 'image-large',
		imitates: 'real-gemini-image-stream',
		description:
			'one ~2 MB data event carrying delta.images[0], no text, native finish "STOP", a cost in exponent form (6e-7)',
	},
] as const;

export const REAL_JSON_SHAPES = [
	{
		id: 'choice-error-raw-object',
		imitates: 'real-hermes-choice-error-json',
		description:
			'non-streamed 200: choices[0].error with metadata.raw as an object, finish_reason null, a partial message with reasoning',
	},
] as const;

export type RealShapeId =
	(typeof REAL_STREAM_SHAPES)[number]['id'] | (typeof REAL_JSON_SHAPES)[number]['id'];

const answer = (kit: ShapeKit, count: number) => kit.tokens.slice(0, count);

/** x-ai/grok-4.1-fast via xAI (real-grok-parallel-tools): key order and nulls as recorded. */
function xai(kit: ShapeKit): ShapeResult {
	const head = {
		id: kit.id,
		object: 'chat.completion.chunk',
		created: kit.created,
		model: kit.model,
		provider: kit.provider,
	};
	const chunk = (delta: Record<string, unknown>, finish: string | null = null, extra = {}) => ({
		...head,
		...extra,
		choices: [
			{ index: 0, delta, finish_reason: finish, native_finish_reason: finish ? 'completed' : null },
		],
	});
	const summary = [
		'**Adding',
		' and multiplying**',
		'\n\nThe user wants both',
		' `a + b` and `a × b`.',
	];
	const names = [kit.toolNames[0] ?? 'add', kit.toolNames[1] ?? kit.toolNames[0] ?? 'multiply'];
	const calls = names.map((name, index) => ({
		id: `call_${67055809 + index}`,
		name,
		arguments: '{"a":2,"b":3}',
	}));
	const events: ShapeEvent[] = [{ comment: true }, { comment: true }];
	for (const piece of summary)
		events.push({
			data: chunk({
				content: '',
				role: 'assistant',
				reasoning: piece,
				reasoning_details: [
					{ type: 'reasoning.summary', summary: piece, format: 'xai-responses-v1', index: 0 },
				],
			}),
			paced: true,
		});
	events.push({
		data: chunk({
			content: '',
			role: 'assistant',
			reasoning: null,
			reasoning_details: [
				{
					type: 'reasoning.encrypted',
					data: 'sKMLUENtaFuEmulatorEncryptedXai+qmYPteg4j5ULZkd3wachX1==',
					format: 'xai-responses-v1',
					id: 'rs_e929bb23-dcba-4b2e-9d89-a05866e9e001',
					index: 0,
				},
			],
		}),
	});
	for (const [index, call] of calls.entries())
		events.push({
			data: chunk({
				content: null,
				role: 'assistant',
				tool_calls: [
					{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } },
				],
			}),
		});
	for (const [index, call] of calls.entries()) {
		events.push({
			data: chunk({
				content: null,
				role: 'assistant',
				tool_calls: [{ index, function: { arguments: '' } }],
			}),
		});
		events.push({
			data: chunk({
				content: null,
				role: 'assistant',
				tool_calls: [{ index, function: { arguments: call.arguments } }],
			}),
			paced: true,
		});
	}
	events.push({
		data: chunk({ content: '', role: 'assistant', reasoning: null }, 'tool_calls', {
			service_tier: 'default',
		}),
	});
	const usage = {
		prompt_tokens: kit.prompt,
		completion_tokens: 267,
		total_tokens: kit.prompt + 267,
		cost: 0.00019875,
		is_byok: false,
		prompt_tokens_details: {
			cached_tokens: Math.min(153, kit.prompt),
			cache_write_tokens: 0,
			audio_tokens: 0,
			video_tokens: 0,
		},
		cost_details: {
			upstream_inference_cost: 0.00019875,
			upstream_inference_prompt_cost: 0.00006525,
			upstream_inference_completions_cost: 0.0001335,
		},
		completion_tokens_details: { reasoning_tokens: 199, image_tokens: 0, audio_tokens: 0 },
	};
	events.push({
		data: {
			...chunk({ content: '', role: 'assistant' }, 'tool_calls', { service_tier: 'default' }),
			usage,
		},
	});
	events.push({ done: true });
	return {
		events,
		expected: {
			text: '',
			reasoning: summary.join(''),
			toolCalls: calls,
			finishReason: 'tool_calls',
			usage,
			error: null,
			complete: true,
		},
	};
}

/** OpenRouter's chunk head and choice for OpenAI-served models (real-gpt5-codex-summary). */
const openaiHead = (kit: ShapeKit) => ({
	id: kit.id,
	provider: kit.provider,
	model: kit.model,
	object: 'chat.completion.chunk',
	created: kit.created,
});
const openaiChoice = (
	delta: Record<string, unknown>,
	finish: string | null = null,
	native = finish,
	logprobs: unknown = null,
) => ({
	index: 0,
	delta: { role: 'assistant', ...delta },
	finish_reason: finish,
	native_finish_reason: native,
	logprobs,
});
const usageOf = (
	kit: ShapeKit,
	completion: number,
	reasoning: number,
	cost: number,
	promptCost: number | string,
) => ({
	prompt_tokens: kit.prompt,
	completion_tokens: completion,
	total_tokens: kit.prompt + completion,
	cost,
	is_byok: false,
	prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
	cost_details: {
		upstream_inference_cost: null,
		upstream_inference_prompt_cost: promptCost,
		upstream_inference_completions_cost: Number((cost - Number(promptCost)).toFixed(9)),
	},
	completion_tokens_details: { reasoning_tokens: reasoning, image_tokens: 0 },
});

function openaiSummary(kit: ShapeKit): ShapeResult {
	const head = openaiHead(kit);
	const summary = ['**Calcul', 'ating', ' the', ' answer**'];
	const text = answer(kit, 6);
	// The opening chunk comes at once, the keep-alives after it (the recorded reads).
	const events: ShapeEvent[] = [{ data: { ...head, choices: [openaiChoice({ content: '' })] } }];
	events.push({ comment: true }, { comment: true }, { comment: true });
	for (const piece of summary)
		events.push({
			data: {
				...head,
				choices: [
					openaiChoice({
						content: '',
						reasoning: piece,
						reasoning_details: [
							{
								type: 'reasoning.summary',
								summary: piece,
								format: 'openai-responses-v1',
								index: 0,
							},
						],
					}),
				],
			},
			paced: true,
		});
	for (let i = 0; i < 5; i++) events.push({ comment: true }); // the model thinks on in silence
	events.push({
		data: {
			...head,
			choices: [
				openaiChoice({
					content: '',
					reasoning: null,
					reasoning_details: [
						{
							type: 'reasoning.encrypted',
							data: 'gAAAAABo7EmulatorEncryptedSummary==',
							id: 'rs_05b472da484462a90168ef9825d1448190bd08968bc3b5e001',
							format: 'openai-responses-v1',
							index: 0,
						},
					],
				}),
			],
		},
	});
	for (const token of text)
		events.push({ data: { ...head, choices: [openaiChoice({ content: token })] }, paced: true });
	events.push({ data: { ...head, choices: [openaiChoice({ content: '' }, 'stop', 'completed')] } });
	const usage = usageOf(kit, text.length + 1, 0, 0.0001175, 0.0000475);
	events.push({ data: { ...head, choices: [openaiChoice({ content: '' })], usage } });
	events.push({ done: true });
	return {
		events,
		expected: {
			text: text.join(''),
			reasoning: summary.join(''),
			toolCalls: [],
			finishReason: 'stop',
			usage,
			error: null,
			complete: true,
		},
	};
}

function errorOnly(kit: ShapeKit): ShapeResult {
	const error = {
		message: `Upstream error from ${kit.provider}: EngineCore encountered an issue. See stack trace (above) for the root cause.`,
		code: 502,
		metadata: { provider_name: kit.provider },
	};
	return {
		events: [
			{ comment: true },
			{ comment: true },
			{ comment: true },
			{ comment: true },
			{ data: { error, user_id: 'user_emulator' } },
		],
		expected: {
			text: '',
			reasoning: '',
			toolCalls: [],
			finishReason: 'error', // a client ends the answer on the error; no [DONE]: incomplete
			usage: null,
			error: { code: 502, message: error.message },
			complete: false,
		},
	};
}

function legacyLogprobs(kit: ShapeKit): ShapeResult {
	const head = openaiHead(kit);
	const legacy = { tokens: null, token_logprobs: null, top_logprobs: null, text_offset: null };
	const thinking = ['H', 'mm', ', the user', ' wants a', ' short greeting.'];
	const text = answer(kit, 10);
	const events: ShapeEvent[] = [{ comment: true }, { comment: true }];
	for (const piece of thinking)
		events.push({
			data: {
				...head,
				choices: [
					openaiChoice(
						{ content: '', reasoning: piece, reasoning_details: [] },
						null,
						null,
						legacy,
					),
				],
			},
			paced: true,
		});
	text.forEach((token, i) => {
		const last = i === text.length - 1;
		events.push({
			data: {
				...head,
				choices: [
					openaiChoice(
						{ content: token, reasoning: i === 0 ? '' : null, reasoning_details: [] },
						last ? 'stop' : null,
						last ? 'stop' : null,
						legacy,
					),
				],
			},
			paced: true,
		});
	});
	// Novita counts reasoning apart from completion: reasoning_tokens exceeds completion_tokens.
	const usage = usageOf(kit, text.length, text.length + 11, 0.00011267, 0.00000567);
	events.push({ data: { ...head, choices: [openaiChoice({ content: '' })], usage } });
	events.push({ done: true });
	return {
		events,
		expected: {
			text: text.join(''),
			reasoning: thinking.join(''),
			toolCalls: [],
			finishReason: 'stop',
			usage,
			error: null,
			complete: true,
		},
	};
}

let bigImage: string | null = null;
/** About 2 MB of base64, as Gemini's image events are: an uncompressed 710 × 710 PNG. */
export const largeImage = () => (bigImage ??= gradientPng(710));

function imageLarge(kit: ShapeKit): ShapeResult {
	const head = openaiHead(kit);
	const events: ShapeEvent[] = [];
	for (let i = 0; i < 19; i++) events.push({ comment: true }); // Gemini takes its time (19 keep-alives recorded)
	events.push({
		data: {
			...head,
			choices: [
				openaiChoice(
					{
						content: '',
						images: [{ type: 'image_url', image_url: { url: largeImage() }, index: 0 }],
					},
					'stop',
					'STOP',
				),
			],
		},
	});
	const usage = {
		prompt_tokens: kit.prompt,
		completion_tokens: 1290,
		total_tokens: kit.prompt + 1290,
		cost: 0.0387006,
		is_byok: false,
		prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0, video_tokens: 0 },
		// JSON.stringify writes 6e-7, as the recording has it: a reader must take exponent form.
		cost_details: {
			upstream_inference_cost: null,
			upstream_inference_prompt_cost: 6e-7,
			upstream_inference_completions_cost: 0.0387,
		},
		completion_tokens_details: { reasoning_tokens: 0, image_tokens: 1290 },
	};
	events.push({ data: { ...head, choices: [openaiChoice({ content: '' })], usage } });
	events.push({ done: true });
	return {
		events,
		expected: {
			text: '',
			reasoning: '',
			toolCalls: [],
			finishReason: 'stop',
			usage,
			error: null,
			complete: true,
			images: 1,
		},
	};
}

export function renderRealStream(id: string, kit: ShapeKit): ShapeResult | null {
	switch (id) {
		case 'reasoning-summary-xai':
			return xai(kit);
		case 'reasoning-summary-openai':
			return openaiSummary(kit);
		case 'error-only-event':
			return errorOnly(kit);
		case 'legacy-logprobs':
			return legacyLogprobs(kit);
		case 'image-large':
			return imageLarge(kit);
		default:
			return null;
	}
}

/** nousresearch/hermes-4-405b via Nebius (real-hermes-choice-error-json), stream: false. */
export function renderChoiceErrorRawObject(kit: ShapeKit): {
	body: unknown;
	expected: ShapeResult['expected'];
} {
	const text = answer(kit, 12).join('');
	const reasoning = 'The user wants a long story. Let me start with a title and a prologue.';
	const error = {
		code: 502,
		message: 'Error processing stream',
		metadata: { provider_name: kit.provider, raw: { retryable: true } },
	};
	const usage = {
		completion_tokens: 972,
		prompt_tokens: kit.prompt,
		total_tokens: kit.prompt + 972,
	};
	return {
		body: {
			choices: [
				{
					error,
					finish_reason: null,
					index: 0,
					logprobs: null,
					message: {
						content: text,
						reasoning,
						reasoning_details: [
							{ format: 'unknown', index: 0, text: reasoning, type: 'reasoning.text' },
						],
						refusal: null,
						role: 'assistant',
					},
					native_finish_reason: null,
				},
			],
			created: kit.created,
			id: kit.id,
			model: kit.model,
			object: 'chat.completion',
			provider: kit.provider,
			usage,
		},
		expected: {
			text,
			reasoning,
			toolCalls: [],
			finishReason: 'error',
			usage,
			error: { code: 502, message: error.message },
			complete: true, // the body arrived whole; its choice error ends the answer
		},
	};
}
