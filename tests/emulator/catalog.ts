/**
 * A realistic slice of GET /models (docs/openrouter-protocol.md#models): prices as strings per token, capabilities per
 * model. The curated models below come first (tests and scenarios name them); the generated ones
 * (catalog-generated.ts) follow, so the list has the real catalog's size and variety.
 */
import { generateCatalog, type GeneratedModel } from './catalog-generated';

const SAMPLING = [
	'temperature',
	'top_p',
	'max_tokens',
	'stop',
	'seed',
	'frequency_penalty',
	'presence_penalty',
];
const TOOLS = ['tools', 'tool_choice', 'parallel_tool_calls'];
const STRUCTURED = ['response_format', 'structured_outputs'];
const REASONING = ['reasoning', 'include_reasoning'];
const OPEN_SAMPLING = ['top_k', 'min_p', 'repetition_penalty', 'logit_bias'];

type Spec = {
	id: string;
	canonical: string;
	name: string;
	provider: string;
	context: number;
	maxOutput: number;
	prompt: string;
	completion: string;
	params: string[];
	input?: string[];
	output?: string[];
	tokenizer?: string;
	reasoning?: {
		supported_efforts?: string[];
		default_effort?: string;
		mandatory: boolean;
		supports_max_tokens?: boolean;
	};
	cacheRead?: string;
	scenario?: string;
};

const SPECS: Spec[] = [
	{
		id: 'openai/gpt-4o-mini',
		canonical: 'openai/gpt-4o-mini-2024-07-18',
		name: 'OpenAI: GPT-4o-mini',
		provider: 'OpenAI',
		context: 128000,
		maxOutput: 16384,
		prompt: '0.00000015',
		completion: '0.0000006',
		params: [...SAMPLING, ...TOOLS, ...STRUCTURED, 'logprobs', 'top_logprobs', 'logit_bias'],
		input: ['text', 'image', 'file'],
		tokenizer: 'GPT',
		cacheRead: '0.000000075',
	},
	{
		id: 'openai/gpt-5-mini',
		canonical: 'openai/gpt-5-mini-2025-08-07',
		name: 'OpenAI: GPT-5 Mini',
		provider: 'OpenAI',
		context: 400000,
		maxOutput: 128000,
		prompt: '0.00000025',
		completion: '0.000002',
		params: ['max_tokens', 'seed', 'stop', ...TOOLS, ...STRUCTURED, ...REASONING, 'verbosity'],
		input: ['text', 'image', 'file'],
		tokenizer: 'GPT',
		reasoning: {
			supported_efforts: ['high', 'medium', 'low', 'minimal'],
			default_effort: 'medium',
			mandatory: true,
		},
		scenario: 'reasoning-encrypted',
	},
	{
		id: 'anthropic/claude-sonnet-4.5',
		canonical: 'anthropic/claude-4.5-sonnet-20250929',
		name: 'Anthropic: Claude Sonnet 4.5',
		provider: 'Google',
		context: 1000000,
		maxOutput: 64000,
		prompt: '0.000003',
		completion: '0.000015',
		params: [
			'max_tokens',
			'temperature',
			'top_p',
			'top_k',
			'stop',
			...TOOLS,
			...STRUCTURED,
			...REASONING,
		],
		input: ['text', 'image', 'file'],
		tokenizer: 'Claude',
		reasoning: {
			supported_efforts: ['high', 'medium', 'low'],
			default_effort: 'medium',
			mandatory: false,
			supports_max_tokens: true,
		},
		cacheRead: '0.0000003',
		scenario: 'reasoning',
	},
	{
		id: 'google/gemini-2.5-flash',
		canonical: 'google/gemini-2.5-flash',
		name: 'Google: Gemini 2.5 Flash',
		provider: 'Google AI Studio',
		context: 1048576,
		maxOutput: 65535,
		prompt: '0.0000003',
		completion: '0.0000025',
		params: [...SAMPLING, 'top_k', ...TOOLS, ...STRUCTURED, ...REASONING],
		input: ['text', 'image', 'file', 'audio', 'video'],
		tokenizer: 'Gemini',
		reasoning: { default_effort: 'medium', mandatory: false, supports_max_tokens: true },
	},
	{
		id: 'google/gemini-2.5-flash-image',
		canonical: 'google/gemini-2.5-flash-image',
		name: 'Google: Gemini 2.5 Flash Image',
		provider: 'Google AI Studio',
		context: 32768,
		maxOutput: 8192,
		prompt: '0.0000003',
		completion: '0.0000025',
		params: ['temperature', 'top_p', 'max_tokens', 'seed', 'stop', 'response_format'],
		input: ['text', 'image'],
		output: ['image', 'text'],
		tokenizer: 'Gemini',
		scenario: 'image',
	},
	{
		id: 'meta-llama/llama-3.3-70b-instruct:free',
		canonical: 'meta-llama/llama-3.3-70b-instruct',
		name: 'Meta: Llama 3.3 70B Instruct (free)',
		provider: 'Chutes',
		context: 131072,
		maxOutput: 4096,
		prompt: '0',
		completion: '0',
		params: [...SAMPLING, ...OPEN_SAMPLING, ...TOOLS],
		tokenizer: 'Llama3',
	},
	{
		id: 'deepseek/deepseek-chat',
		canonical: 'deepseek/deepseek-chat-v3',
		name: 'DeepSeek: DeepSeek V3',
		provider: 'Novita',
		context: 163840,
		maxOutput: 163840,
		prompt: '0.0000003',
		completion: '0.00000085',
		params: [...SAMPLING, ...OPEN_SAMPLING, ...TOOLS, ...STRUCTURED, 'logprobs', 'top_logprobs'],
		tokenizer: 'DeepSeek',
	},
	{
		id: 'mistralai/mistral-small',
		canonical: 'mistralai/mistral-small-2501',
		name: 'Mistral: Mistral Small',
		provider: 'Mistral',
		context: 32768,
		maxOutput: 32768,
		prompt: '0.0000002',
		completion: '0.0000006',
		params: [...SAMPLING, ...TOOLS, ...STRUCTURED],
		tokenizer: 'Mistral',
	},
	{
		id: 'x-ai/grok-4-fast',
		canonical: 'x-ai/grok-4-fast',
		name: 'xAI: Grok 4 Fast',
		provider: 'xAI',
		context: 2000000,
		maxOutput: 30000,
		prompt: '0.0000002',
		completion: '0.0000005',
		params: [...SAMPLING, ...TOOLS, ...STRUCTURED, ...REASONING, 'logprobs', 'top_logprobs'],
		input: ['text', 'image'],
		tokenizer: 'Grok',
		reasoning: { default_effort: 'medium', mandatory: false },
	},
	{
		id: 'qwen/qwen3-235b-a22b',
		canonical: 'qwen/qwen3-235b-a22b-04-28',
		name: 'Qwen: Qwen3 235B A22B',
		provider: 'DeepInfra',
		context: 131072,
		maxOutput: 8192,
		prompt: '0.00000018',
		completion: '0.00000054',
		params: [...SAMPLING, ...OPEN_SAMPLING, ...TOOLS, ...REASONING],
		tokenizer: 'Qwen',
		reasoning: { mandatory: false, supports_max_tokens: true },
	},
	{
		id: 'perplexity/sonar',
		canonical: 'perplexity/sonar',
		name: 'Perplexity: Sonar',
		provider: 'Perplexity',
		context: 127072,
		maxOutput: 8000,
		prompt: '0.000001',
		completion: '0.000001',
		params: ['temperature', 'top_p', 'max_tokens', 'web_search_options'],
		tokenizer: 'Other',
		scenario: 'annotations',
	},
	{
		id: 'openrouter/auto',
		canonical: 'openrouter/auto',
		name: 'Auto Router',
		provider: 'OpenAI',
		context: 2000000,
		maxOutput: 128000,
		prompt: '-1',
		completion: '-1',
		params: [...SAMPLING, ...TOOLS, ...STRUCTURED, ...REASONING],
		tokenizer: 'Router',
	},
];

export type CatalogModel = Record<string, unknown> & {
	id: string;
	canonical_slug: string;
	pricing: Record<string, string | number>;
	supported_parameters: string[];
	architecture: { input_modalities: string[]; output_modalities: string[] } & Record<
		string,
		unknown
	>;
};

function toModel(spec: Spec): CatalogModel {
	const input = spec.input ?? ['text'];
	const output = spec.output ?? ['text'];
	return {
		id: spec.id,
		canonical_slug: spec.canonical,
		hugging_face_id: null,
		name: spec.name,
		created: 1735689600,
		description: `${spec.name}, served through the local OpenRouter emulator.`,
		context_length: spec.context,
		architecture: {
			modality: `${input.join('+')}->${output.join('+')}`,
			input_modalities: input,
			output_modalities: output,
			tokenizer: spec.tokenizer ?? 'Other',
			instruct_type: null,
		},
		pricing: {
			prompt: spec.prompt,
			completion: spec.completion,
			request: '0',
			image: '0',
			web_search: '0',
			internal_reasoning: '0',
			...(spec.cacheRead ? { input_cache_read: spec.cacheRead } : {}),
			discount: 0,
		},
		top_provider: {
			context_length: spec.context,
			max_completion_tokens: spec.maxOutput,
			is_moderated: spec.provider === 'OpenAI',
		},
		per_request_limits: null,
		supported_parameters: spec.params,
		default_parameters: null,
		...(spec.reasoning ? { reasoning: spec.reasoning } : {}),
		knowledge_cutoff: null,
		expiration_date: null,
		links: { details: `/api/v1/models/${spec.id.replace(/:.*$/, '')}/endpoints` },
	};
}

export const MODELS: CatalogModel[] = SPECS.map(toModel);
const BY_ID = new Map(SPECS.map((spec) => [spec.id, spec]));

/** The generated part of the catalog, with each model's endpoints (same seed, same list). */
export const GENERATED: GeneratedModel[] = generateCatalog();
const GENERATED_BY_ID = new Map(GENERATED.map((g) => [g.model.id, g]));

export function findGenerated(id: string): GeneratedModel | undefined {
	return GENERATED_BY_ID.get(id);
}

export function findModel(
	id: string,
): { model: CatalogModel; provider: string; defaultScenario: string | null } | null {
	const spec = BY_ID.get(id);
	if (spec)
		return {
			model: toModel(spec),
			provider: spec.provider,
			defaultScenario: spec.scenario ?? null,
		};
	const generated = GENERATED_BY_ID.get(id);
	if (!generated) return null;
	const first = generated.endpoints[0]?.provider_name ?? 'Emulator';
	return { model: generated.model, provider: first, defaultScenario: null };
}

/** The `emulator/<scenario>` models, listed so a person can pick a scenario in the model picker. */
export function scenarioModels(ids: readonly string[]): CatalogModel[] {
	return ids.map((id) =>
		toModel({
			id: `emulator/${id}`,
			canonical: `emulator/${id}`,
			name: `Emulator: ${id}`,
			provider: 'Emulator',
			context: 32768,
			maxOutput: 8192,
			prompt: '0.000001',
			completion: '0.000002',
			params: [...SAMPLING, ...TOOLS, ...STRUCTURED, ...REASONING, 'logprobs', 'top_logprobs'],
		}),
	);
}

export function providerFor(modelId: string): string {
	return findModel(modelId)?.provider ?? 'Emulator';
}
