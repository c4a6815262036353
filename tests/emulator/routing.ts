/**
 * Provider routing (docs/openrouter-protocol.md#provider-routing) and the body each provider
 * receives (#debug-echo), for the emulator. Models may have several providers; `provider.order`
 * picks them by slug, fallbacks try the others unless `allow_fallbacks: false`, and a provider
 * marked down fails so the next is tried. Each provider either honours `seed` (same seed, same
 * answer) or samples afresh on every request.
 */
import { findModel } from './catalog';
import type { ChatRequestLike } from './scenarios';

export type ProviderInfo = { name: string; honoursSeed: boolean; down?: boolean };

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
	const found = findModel(model);
	const first = found?.provider ?? 'Emulator';
	return [{ name: first, honoursSeed: !IGNORES_SEED.has(first) }, ...(ALTERNATES[model] ?? [])];
}

export type Route =
	| { ok: true; provider: ProviderInfo; tried: ProviderInfo[] }
	| { ok: false; status: 404 | 503; message: string; metadata: Record<string, unknown> };

type Preferences = { order?: unknown; allow_fallbacks?: unknown; only?: unknown; ignore?: unknown };

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
	const matches = (p: ProviderInfo, slug: string) =>
		providerSlug(p.name) === slug || providerSlug(p.name).startsWith(`${slug}/`);
	const allowed = all.filter(
		(p) =>
			(only.length === 0 || only.some((s) => matches(p, s))) && !ignore.some((s) => matches(p, s)),
	);
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
