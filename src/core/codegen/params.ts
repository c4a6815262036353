/**
 * Which request fields the OpenAI SDKs know as their own. Everything else is OpenRouter-only and
 * travels as extra body (`extra_body` in Python; spread into the params object in TypeScript).
 */
export const OPENAI_PARAMS = [
	'model',
	'messages',
	'stream',
	'stream_options',
	'max_tokens',
	'max_completion_tokens',
	'temperature',
	'top_p',
	'frequency_penalty',
	'presence_penalty',
	'seed',
	'stop',
	'logit_bias',
	'logprobs',
	'top_logprobs',
	'tools',
	'tool_choice',
	'parallel_tool_calls',
	'response_format',
	'user',
	'prediction',
	'modalities',
	'audio',
	'reasoning_effort',
	'verbosity',
	'service_tier',
	'metadata',
	'n',
	'web_search_options',
	'prompt_cache_key',
	'store',
] as const;

export function splitOpenAiParams(body: Record<string, unknown>): {
	standard: Record<string, unknown>;
	extra: Record<string, unknown>;
} {
	const entries = Object.entries(body);
	const isStandard = ([key]: [string, unknown]) =>
		(OPENAI_PARAMS as readonly string[]).includes(key);
	// fromEntries, not assignment: a `__proto__` key in the body stays a key of the snippet's body.
	return {
		standard: Object.fromEntries(entries.filter(isStandard)),
		extra: Object.fromEntries(entries.filter((entry) => !isStandard(entry))),
	};
}

/** Paths whose contents are the user's own data (JSON Schemas, maps): keys there are never renamed. */
const OPAQUE = [
	/^tools\.\d+\.function\.parameters$/,
	/^tools\.\d+\.parameters$/,
	/^response_format\.json_schema\.schema$/,
	/^metadata$/,
	/^logit_bias$/,
	/^image_config$/,
	/^trace$/,
	/^messages\.\d+\.tool_calls\.\d+\.function$/,
];

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** snake_case wire names → the @openrouter/sdk's camelCase fields, leaving user data untouched. */
export function camelizeForSdk(value: unknown, path = ''): unknown {
	if (OPAQUE.some((pattern) => pattern.test(path))) return value;
	if (Array.isArray(value))
		return value.map((item, i) => camelizeForSdk(item, path ? `${path}.${i}` : String(i)));
	if (typeof value !== 'object' || value === null) return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, v]) => [
			camel(key),
			camelizeForSdk(v, path ? `${path}.${key}` : key),
		]),
	);
}

/** Request fields @openrouter/sdk 1.3 has no schema for: its parser drops them. */
export const SDK_UNKNOWN = [
	'include_reasoning',
	'verbosity',
	'transforms',
	'usage',
	'web_search_options',
	'audio',
	'structured_outputs',
	'prompt',
	'route',
	'preset',
	'n',
	'store',
];
/** Nested fields the SDK's schemas drop (its `reasoning` knows only effort and summary). */
const SDK_UNKNOWN_REASONING = ['max_tokens', 'exclude', 'enabled', 'context', 'mode'];

/** Dotted paths of everything in `body` that @openrouter/sdk would not send. */
export function sdkDrops(body: Record<string, unknown>): string[] {
	const dropped = Object.keys(body).filter((key) => SDK_UNKNOWN.includes(key));
	const reasoning = body.reasoning;
	if (reasoning && typeof reasoning === 'object')
		for (const key of Object.keys(reasoning))
			if (SDK_UNKNOWN_REASONING.includes(key)) dropped.push(`reasoning.${key}`);
	return dropped;
}

/** The body without what the SDK drops: what an SDK snippet really sends. */
export function withoutSdkDrops(body: Record<string, unknown>): Record<string, unknown> {
	const drops = sdkDrops(body);
	const keep = ([key]: [string, unknown], prefix = '') => !drops.includes(prefix + key);
	const inner = (value: unknown) =>
		value && typeof value === 'object'
			? Object.fromEntries(Object.entries(value).filter((e) => keep(e, 'reasoning.')))
			: value;
	// fromEntries, not assignment: a `__proto__` key in the body stays a key of the snippet's body.
	return Object.fromEntries(
		Object.entries(body)
			.filter((e) => keep(e))
			.map(([key, value]) => [key, key === 'reasoning' ? inner(value) : value]),
	);
}
