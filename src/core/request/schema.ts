/**
 * The chat-completions request body as JSON Schema (draft-07), every parameter of
 * docs/openrouter-protocol.md#parameters with its description, values, range and conventional
 * default. OpenRouter injects no defaults: an omitted parameter means the provider's default.
 * Unknown top-level fields are allowed (the API accepts them); the editor flags them as warnings
 * instead.
 */
import {
	CONTENT_PART,
	MESSAGE,
	RESPONSE_FORMAT,
	TOOL,
	TOOL_CHOICE,
	helpers,
	type JsonSchema,
} from './schema-parts';
import { EFFORTS, PLUGIN, PROVIDER, REASONING } from './schema-routing';

export type { JsonSchema };
const { str, bool, strings } = helpers;

const num = (description: string, min: number, max: number | null, fallback?: number) => ({
	type: ['number', 'null'],
	description,
	minimum: min,
	...(max === null ? {} : { maximum: max }),
	...(fallback === undefined ? {} : { default: fallback }),
});
const int = (description: string, min: number | null, max: number | null = null) => ({
	type: ['integer', 'null'],
	description,
	...(min === null ? {} : { minimum: min }),
	...(max === null ? {} : { maximum: max }),
});

const SAMPLING: Record<string, JsonSchema> = {
	temperature: num('Randomness: 0 = most deterministic, 2 = most random.', 0, 2, 1),
	top_p: num(
		'Nucleus sampling: keep the smallest set of tokens whose probability sums to top_p.',
		0,
		1,
		1,
	),
	top_k: int('Sample from the k most likely tokens; 0 disables. Not for OpenAI models.', 0),
	min_p: num('Minimum probability of a token, relative to the most likely one.', 0, 1, 0),
	top_a: num('Keep tokens whose probability is at least top_a × (max probability)².', 0, 1, 0),
	frequency_penalty: num('Penalise tokens by how often they already appeared.', -2, 2, 0),
	presence_penalty: num('Penalise tokens that already appeared at all.', -2, 2, 0),
	repetition_penalty: num('Penalise repeated tokens; 1 = none.', 0, 2, 1),
	seed: int('Sample deterministically where the provider supports it (not guaranteed).', null),
	logit_bias: {
		type: ['object', 'null'],
		description: 'Token id → bias from −100 (ban) to 100 (force).',
		additionalProperties: { type: 'number', minimum: -100, maximum: 100 },
	},
	logprobs: {
		type: ['boolean', 'null'],
		description: 'Return log probabilities of output tokens.',
	},
	top_logprobs: int('Most likely alternatives per position (0–20); needs logprobs: true.', 0, 20),
	max_tokens: int(
		'Upper bound on generated tokens (≤ context − prompt). Always set one: without it the credit check assumes the model maximum.',
		1,
	),
	max_completion_tokens: int('Upper bound on generated tokens, reasoning included.', 1),
	stop: {
		description: 'Up to 4 sequences where generation stops.',
		anyOf: [
			{ type: 'string' },
			{ type: 'array', items: { type: 'string' }, maxItems: 4 },
			{ type: 'null' },
		],
	},
};

const OUTPUT: Record<string, JsonSchema> = {
	tools: { type: 'array', description: 'Tools the model may call.', items: TOOL },
	tool_choice: TOOL_CHOICE,
	parallel_tool_calls: {
		type: ['boolean', 'null'],
		description: 'Allow several tool calls in one turn.',
		default: true,
	},
	response_format: RESPONSE_FORMAT,
	structured_outputs: bool(
		'Listed in the parameters doc; really a capability name in a model’s supported_parameters.',
	),
	reasoning: REASONING,
	reasoning_effort: {
		enum: EFFORTS,
		description: 'Shorthand for reasoning.effort; must not conflict with it.',
	},
	include_reasoning: bool('Legacy: true ≡ reasoning:{}, false ≡ reasoning:{exclude:true}.'),
	verbosity: {
		enum: ['low', 'medium', 'high', 'xhigh', 'max'],
		default: 'medium',
		description: 'Answer length/effort (maps to Anthropic output_config.effort).',
	},
	web_search_options: {
		type: 'object',
		description: 'Native web search options, e.g. {"search_context_size": "medium"}.',
		properties: { search_context_size: { enum: ['low', 'medium', 'high'] } },
	},
	modalities: {
		type: 'array',
		items: { enum: ['text', 'image', 'audio'] },
		description:
			'Output modalities: ["image","text"] for image output, ["text","audio"] for audio.',
	},
	audio: {
		type: 'object',
		description: 'Audio output settings; audio output requires stream: true.',
		properties: { voice: str('Voice name.'), format: str('Audio format, e.g. wav, mp3, pcm16.') },
	},
	image_config: {
		type: 'object',
		description: 'Provider-specific image generation options, e.g. {"aspect_ratio": "16:9"}.',
	},
	prediction: {
		type: 'object',
		description: 'Predicted output to speed up edits (some OpenAI models).',
		properties: {
			type: { const: 'content' },
			content: { anyOf: [{ type: 'string' }, { type: 'array', items: CONTENT_PART }] },
		},
		required: ['type', 'content'],
	},
};

const ROUTING: Record<string, JsonSchema> = {
	provider: PROVIDER,
	plugins: { type: 'array', description: 'Plugins for this request.', items: PLUGIN },
	transforms: strings('Legacy, e.g. ["middle-out"]; superseded by the context-compression plugin.'),
	route: {
		enum: ['fallback', 'sort', null],
		description: 'Deprecated alias of provider.sort.partition.',
		deprecated: true,
	},
	user: str('Stable end-user id (hashed before forwarding).'),
	session_id: str('Sticky provider routing and observability grouping.', { maxLength: 256 }),
	metadata: {
		type: 'object',
		description: 'Up to 16 string pairs; keys ≤64 chars, values ≤512.',
		maxProperties: 16,
		additionalProperties: { type: 'string', maxLength: 512 },
	},
	trace: {
		type: 'object',
		description: 'Broadcast/observability: trace_id, trace_name, span_name, generation_name…',
	},
	cache_control: {
		type: 'object',
		description: 'Top-level automatic prompt caching.',
		properties: { type: { const: 'ephemeral' }, ttl: { enum: ['5m', '1h'] } },
	},
	prompt_cache_key: { type: ['string', 'null'], description: 'Prompt cache key.' },
	prompt_cache_options: {
		type: 'object',
		description: 'Explicit prompt caching (newest OpenAI models only).',
		properties: { mode: { const: 'explicit' }, ttl: { type: 'string' } },
	},
	service_tier: {
		enum: ['auto', 'default', 'fast', 'flex', 'priority', 'scale', null],
		description: 'Service tier; fast is an alias of priority.',
	},
	debug: {
		type: 'object',
		description: 'Streaming only: the first chunk echoes the body sent upstream.',
		properties: { echo_upstream_body: { type: 'boolean' } },
	},
	stop_server_tools_when: { type: 'array', description: 'Stop conditions for server-tool loops.' },
	preset: str('Apply a saved preset, e.g. "@preset/name".'),
};

export const REQUEST_SCHEMA: JsonSchema = {
	$schema: 'http://json-schema.org/draft-07/schema#',
	title: 'OpenRouter chat completion request',
	type: 'object',
	properties: {
		model: str(
			'Model id, e.g. "openai/gpt-4o-mini". Variants: ":free", ":online", ":nitro". If omitted, the account default model.',
		),
		models: strings('Fallback models: "model" is tried first, then these in order.'),
		messages: {
			type: 'array',
			minItems: 1,
			description: 'The conversation: system, developer, user, assistant and tool messages.',
			items: MESSAGE,
		},
		prompt: str('Legacy alternative to messages: a single prompt string.'),
		stream: bool('Stream the answer as server-sent events.', { default: false }),
		stream_options: {
			type: 'object',
			description: 'Deprecated, no effect: usage is always sent.',
			properties: { include_usage: { type: 'boolean' } },
			deprecated: true,
		},
		usage: {
			type: 'object',
			description: 'Deprecated, no effect: usage is always sent.',
			properties: { include: { type: 'boolean' } },
			deprecated: true,
		},
		...SAMPLING,
		...OUTPUT,
		...ROUTING,
	},
	anyOf: [{ required: ['messages'] }, { required: ['prompt'] }],
};

/** Every top-level parameter the schema knows. */
export const KNOWN_PARAMETERS: readonly string[] = Object.keys(
	REQUEST_SCHEMA.properties as Record<string, JsonSchema>,
);

/** A top-level parameter's schema, for forms, hover docs and range checks. */
export function parameterSchema(name: string): JsonSchema | undefined {
	return (REQUEST_SCHEMA.properties as Record<string, JsonSchema>)[name];
}
