/**
 * Request schema pieces for reasoning, provider routing and plugins
 * (docs/openrouter-protocol.md#request-body).
 */
import { helpers, type JsonSchema } from './schema-parts';

const { str, bool, strings } = helpers;

export const EFFORTS = ['max', 'xhigh', 'high', 'medium', 'low', 'minimal', 'none'] as const;

export const REASONING: JsonSchema = {
	type: 'object',
	description:
		'Reasoning tokens: give effort OR max_tokens, not both. Reasoning is billed as output. Check the model’s reasoning.supported_efforts in the catalog.',
	properties: {
		effort: {
			enum: EFFORTS,
			description:
				'OpenAI/Grok-style effort; for budget-only models max/xhigh≈95%, high≈80%, medium≈50%, low≈20%, minimal≈10% of max_tokens; none disables.',
		},
		max_tokens: {
			type: 'integer',
			minimum: 0,
			description: 'Anthropic/Gemini/Qwen-style reasoning token budget.',
		},
		exclude: bool('The model still reasons, but the reasoning is not returned.', {
			default: false,
		}),
		enabled: bool('Enable reasoning with default settings (medium).'),
		summary: { enum: ['auto', 'concise', 'detailed'], description: 'Reasoning summary detail.' },
		context: {
			enum: ['auto', 'all_turns', 'current_turn'],
			description: 'Which turns’ reasoning to keep (newest OpenAI models).',
		},
		mode: { enum: ['standard', 'pro'], description: 'Reasoning mode (newest OpenAI models).' },
	},
};

const PERCENTILES: JsonSchema = {
	anyOf: [
		{ type: 'number', minimum: 0 },
		{
			type: 'object',
			properties: {
				p50: { type: 'number' },
				p75: { type: 'number' },
				p90: { type: 'number' },
				p99: { type: 'number' },
			},
		},
	],
};

const PRICE = { type: ['number', 'string'] };

export const QUANTIZATIONS = [
	'int4',
	'int8',
	'fp4',
	'mxfp4',
	'nvfp4',
	'fp6',
	'fp8',
	'mxfp8',
	'fp16',
	'bf16',
	'fp32',
	'unknown',
] as const;

export const PROVIDER_SORTS = ['price', 'throughput', 'latency', 'exacto'] as const;

export const PROVIDER: JsonSchema = {
	type: 'object',
	description:
		'Provider routing preferences: which providers may serve the request, in what order, under which rules.',
	properties: {
		order: strings(
			'Provider slugs tried in order, e.g. "anthropic", "deepinfra/turbo", "google-vertex/us-east5".',
		),
		allow_fallbacks: bool(
			'false = only the order/primary provider, else return the upstream error.',
			{
				default: true,
			},
		),
		require_parameters: bool('Only providers that support every parameter sent.', {
			default: false,
		}),
		data_collection: {
			enum: ['allow', 'deny'],
			default: 'allow',
			description: '"deny" excludes providers that may store or train on prompts.',
		},
		zdr: bool('Only zero-data-retention endpoints.'),
		enforce_distillable_text: bool('Only endpoints whose output may be used for distillation.'),
		only: strings('Allow only these providers (merged with account settings).'),
		ignore: strings('Never use these providers (merged with account settings).'),
		quantizations: {
			type: 'array',
			items: { enum: QUANTIZATIONS },
			description: 'Only endpoints with these quantizations.',
		},
		sort: {
			description:
				'Sort providers by price, throughput, latency or exacto (disables load balancing).',
			anyOf: [
				{ enum: PROVIDER_SORTS },
				{
					type: 'object',
					properties: {
						by: { enum: PROVIDER_SORTS },
						partition: { enum: ['model', 'none'] },
					},
				},
			],
		},
		preferred_min_throughput: {
			...PERCENTILES,
			description: 'Soft preference: minimum throughput (p50 tokens/s, or per percentile).',
		},
		preferred_max_latency: {
			...PERCENTILES,
			description: 'Soft preference: maximum latency (p50 seconds, or per percentile).',
		},
		max_price: {
			type: 'object',
			description:
				'Hard price ceiling in USD per million tokens (prompt, completion), per image, per request.',
			properties: { prompt: PRICE, completion: PRICE, image: PRICE, audio: PRICE, request: PRICE },
		},
	},
};

export const PLUGIN_IDS = [
	'web',
	'file-parser',
	'response-healing',
	'context-compression',
	'moderation',
	'auto-router',
	'web-fetch',
	'pareto-router',
	'fusion',
] as const;

export const PLUGIN: JsonSchema = {
	type: 'object',
	description:
		'A plugin: {id, enabled?, …options}. enabled:false turns off an account-default plugin for this request.',
	properties: {
		id: {
			description:
				'web (deprecated: use the openrouter:web_search tool), file-parser, response-healing (non-streaming JSON only), context-compression, moderation, auto-router.',
			anyOf: [{ enum: PLUGIN_IDS }, { type: 'string' }],
		},
		enabled: bool('false disables an account-default plugin for this request.'),
		engine: str('web: native|exa|firecrawl|parallel|perplexity; context-compression: middle-out.'),
		max_results: { type: 'integer', minimum: 1, description: 'web: number of results.' },
		search_prompt: str('web: prompt that introduces the search results.'),
		include_domains: strings('web: only these domains.'),
		exclude_domains: strings('web: never these domains.'),
		pdf: {
			type: 'object',
			description: 'file-parser options.',
			properties: {
				engine: {
					enum: ['mistral-ocr', 'native', 'cloudflare-ai', 'pdf-text'],
					description: 'cloudflare-ai is the default; mistral-ocr is paid per page.',
				},
			},
		},
		allowed_models: strings('auto-router: models it may pick.'),
		excluded_models: strings('auto-router: models it must not pick.'),
	},
	required: ['id'],
};
