/**
 * Provider routing (docs/openrouter-protocol.md#provider-routing) and the body each provider
 * receives (#debug-echo), for the emulator. Models may have several providers; `provider.order`
 * picks them by slug, fallbacks try the others unless `allow_fallbacks: false`, and a provider
 * marked down fails so the next is tried. Each provider either honours `seed` (same seed, same
 * answer) or samples afresh on every request.
 */
import { findGenerated, findModel } from './catalog';
import type { Endpoint } from './catalog-generated';
import type { ChatRequestLike } from './scenarios';

export type ProviderInfo = {
	name: string;
	honoursSeed: boolean;
	down?: boolean;
	/** What `provider.order`/`only`/`ignore` match (docs/openrouter-protocol.md#model-endpoints); the name's slug when not given. */
	tag?: string;
	quantization?: string | null;
	/** Parameters this endpoint supports; the model's list when not given. */
	supported?: string[];
	/** Prompt price per token, for `provider.sort: "price"`. */
	price?: number;
};

/** Extra endpoints beyond each model's first provider (catalog.ts), in default routing order. */
const ALTERNATES: Record<string, ProviderInfo[]> = {
	'deepseek/deepseek-chat': [
		{ name: 'DeepInfra', honoursSeed: false },
		{ name: 'Chutes', honoursSeed: true, down: true },
	],
	'qwen/qwen3-235b-a22b': [{ name: 'Together', honoursSeed: true }],
};

/** Providers that ignore `seed` (determinism is not guaranteed). */
const IGNORES_SEED = new Set(['DeepInfra']);

/** OpenRouter's provider slugs: "Google AI Studio" → "google-ai-studio". */
export function providerSlug(name: string): string {
	return name
		.toLowerCase()
		.replace(/[^a-z0-9/]+/g, '-')
		.replace(/^-|-$/g, '');
}

export function providersOf(model: string): ProviderInfo[] {
	const generated = findGenerated(model);
	if (generated)
		return generated.endpoints.map((e) => ({
			name: e.provider_name,
			honoursSeed: !IGNORES_SEED.has(e.provider_name),
			down: e.status <= -2,
			tag: e.tag,
			quantization: e.quantization,
			supported: e.supported_parameters,
			price: Number(e.pricing.prompt),
		}));
	const found = findModel(model);
	const first = found?.provider ?? 'Emulator';
	// Curated endpoints are fp8, as endpointsOf lists them.
	return [{ name: first, honoursSeed: !IGNORES_SEED.has(first) }, ...(ALTERNATES[model] ?? [])].map(
		(p) => ({ quantization: 'fp8', ...p }),
	);
}

/**
 * GET /models/{id}/endpoints (docs/openrouter-protocol.md#model-endpoints): the generated models' own endpoints; for the curated ones,
 * one per provider of providersOf. Latency and throughput only for an authenticated caller.
 */
export function endpointsOf(model: string, authed: boolean): Endpoint[] | null {
	const found = findModel(model);
	if (!found) return null;
	const latency = authed ? { p50: 420, p75: 610, p90: 900, p99: 1800 } : null;
	const throughput = authed ? { p50: 85, p75: 70, p90: 55, p99: 30 } : null;
	const generated = findGenerated(model);
	if (generated)
		return generated.endpoints.map((e, i) => ({
			...e,
			latency_last_30m: latency && { p50: latency.p50 + i * 90, p75: latency.p75 + i * 120, p90: latency.p90 + i * 150, p99: latency.p99 + i * 300 }, // prettier-ignore
			throughput_last_30m: throughput && { p50: Math.max(5, 85 - i * 11), p75: 70, p90: 55, p99: 30 }, // prettier-ignore
		}));
	const m = found.model;
	const maxOut = (m.top_provider as { max_completion_tokens?: number } | undefined)
		?.max_completion_tokens;
	return providersOf(model).map((p) => ({
		name: `${p.name} | ${m.id}`,
		model_id: m.id,
		model_name: String(m.name),
		context_length: (m.context_length as number | null) ?? null,
		pricing: m.pricing,
		provider_name: p.name,
		tag: providerSlug(p.name),
		quantization: 'fp8',
		max_completion_tokens: maxOut ?? null,
		max_prompt_tokens: null,
		supported_parameters: m.supported_parameters,
		status: p.down ? -2 : 0,
		uptime_last_5m: p.down ? 12.5 : 100,
		uptime_last_30m: p.down ? 41.2 : 99.5,
		uptime_last_1d: p.down ? 88.1 : 99.9,
		latency_last_30m: latency,
		throughput_last_30m: throughput,
		supports_implicit_caching: false,
	}));
}

export type Route =
	| { ok: true; provider: ProviderInfo; tried: ProviderInfo[] }
	| { ok: false; status: 404 | 503; message: string; metadata: Record<string, unknown> };

type Preferences = {
	order?: unknown;
	allow_fallbacks?: unknown;
	only?: unknown;
	ignore?: unknown;
	quantizations?: unknown;
	require_parameters?: unknown;
	sort?: unknown;
};

/** Request fields that a provider must list in supported_parameters under require_parameters. */
const REQUIRABLE = new Set([
	'temperature', 'top_p', 'top_k', 'min_p', 'top_a', 'frequency_penalty', 'presence_penalty',
	'repetition_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'seed', 'response_format',
	'stop', 'tools', 'tool_choice', 'parallel_tool_calls', 'reasoning', 'verbosity',
	'web_search_options',
]); // prettier-ignore

const slugs = (value: unknown) =>
	Array.isArray(value)
		? value.filter((v): v is string => typeof v === 'string').map(providerSlug)
		: [];

/** Which providers are tried, in which order, and which one serves the request. */
export function routeRequest(request: ChatRequestLike): Route {
	const all = providersOf(request.model ?? '');
	const prefs = (
		typeof request.provider === 'object' && request.provider !== null ? request.provider : {}
	) as Preferences;
	const order = slugs(prefs.order);
	const only = slugs(prefs.only);
	const ignore = slugs(prefs.ignore);
	const quants = Array.isArray(prefs.quantizations) ? prefs.quantizations : [];
	const sent = Object.keys(request).filter((k) => REQUIRABLE.has(k));
	const matches = (p: ProviderInfo, slug: string) => {
		const tag = p.tag ?? providerSlug(p.name);
		return tag === slug || tag.startsWith(`${slug}/`) || providerSlug(p.name) === slug;
	};
	const allowed = all.filter(
		(p) =>
			(only.length === 0 || only.some((s) => matches(p, s))) &&
			!ignore.some((s) => matches(p, s)) &&
			(quants.length === 0 || quants.includes(p.quantization ?? 'unknown')) &&
			(prefs.require_parameters !== true ||
				!p.supported ||
				sent.every((k) => p.supported?.includes(k))),
	);
	if (prefs.sort === 'price') allowed.sort((a, b) => (a.price ?? 0) - (b.price ?? 0));
	const pinned = order.flatMap((slug) => allowed.filter((p) => matches(p, slug)));
	const candidates =
		prefs.allow_fallbacks === false && order.length > 0
			? pinned
			: [...new Set([...pinned, ...allowed])];
	if (candidates.length === 0)
		return {
			ok: false,
			status: 404,
			message: 'No allowed providers are available for the selected model.',
			metadata: {
				requested_providers: order,
				available_providers: all.map((p) => providerSlug(p.name)),
			},
		};
	const tried: ProviderInfo[] = [];
	for (const provider of candidates) {
		tried.push(provider);
		if (!provider.down) return { ok: true, provider, tried };
	}
	const last = tried[tried.length - 1] as ProviderInfo;
	return {
		ok: false,
		status: 503,
		message: 'Provider returned error',
		metadata: { provider_name: last.name, raw: 'upstream temporarily unavailable' },
	};
}

/** Fields OpenRouter reads itself and never forwards to a provider. */
const ROUTER_ONLY = [
	'debug',
	'provider',
	'models',
	'route',
	'transforms',
	'plugins',
	'usage',
	'stream_options',
	'session_id',
	'trace',
	'metadata',
	'preset',
];
/** Sampling and output parameters a provider may not support (dropped silently,
 * docs/openrouter-protocol.md#parameters). */
const DROPPABLE = [
	'temperature',
	'top_p',
	'top_k',
	'min_p',
	'top_a',
	'frequency_penalty',
	'presence_penalty',
	'repetition_penalty',
	'seed',
	'logit_bias',
	'logprobs',
	'top_logprobs',
	'stop',
	'response_format',
	'tools',
	'tool_choice',
	'parallel_tool_calls',
	'reasoning',
	'verbosity',
];

type Message = { role?: string; content?: unknown };
type Tool = {
	type?: string;
	function?: { name?: string; description?: string; parameters?: unknown };
};

/**
 * The body one provider receives: the model's own slug, unsupported parameters dropped,
 * `max_tokens` renamed for OpenAI-style APIs, Claude's system prompt and tools in Anthropic's
 * shape, and the web plugin's results injected as a system message.
 */
export function upstreamBody(request: ChatRequestLike, provider: string): Record<string, unknown> {
	const model = request.model ?? '';
	const supported = findModel(model)?.model.supported_parameters;
	const body: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(request)) {
		if (ROUTER_ONLY.includes(name)) continue;
		if (supported && DROPPABLE.includes(name) && !supported.includes(name)) continue;
		body[name] = value;
	}
	body.model = model.replace(/^[^/]+\//, '').replace(/:.*$/, '');
	if (typeof request.user === 'string') body.user = `hashed-${request.user.length}`;
	let messages = [...((request.messages ?? []) as Message[])];
	const plugins = Array.isArray(request.plugins) ? (request.plugins as { id?: string }[]) : [];
	if (plugins.some((p) => p.id === 'web'))
		messages = [
			{ role: 'system', content: 'A web search was performed. Results: [1] emulator.example …' },
			...messages,
		];
	if (body.max_tokens !== undefined && provider === 'OpenAI') {
		body.max_completion_tokens = body.max_tokens;
		delete body.max_tokens;
	}
	if (model.startsWith('anthropic/')) {
		const system = messages.filter((m) => m.role === 'system').map((m) => m.content);
		messages = messages.filter((m) => m.role !== 'system');
		if (system.length > 0) body.system = system.map((text) => ({ type: 'text', text }));
		if (Array.isArray(body.tools))
			body.tools = (body.tools as Tool[]).map((t) => ({
				name: t.function?.name,
				description: t.function?.description,
				input_schema: t.function?.parameters,
			}));
	}
	body.messages = messages;
	if (request.stream === true) {
		body.stream = true;
		body.stream_options = { include_usage: true };
	}
	return JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
}
