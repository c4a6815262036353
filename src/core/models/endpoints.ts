/**
 * A model's provider endpoints (GET /models/{author}/{slug}/endpoints, docs/openrouter-protocol.md#model-endpoints), read
 * defensively, shown as rows, and tied to the request: the routing preferences a row writes
 * (`provider.only` / `order` / `ignore` / `quantizations`, docs/openrouter-protocol.md#provider-routing) and the request parameters that the
 * providers the request may reach do not support.
 */
import { readPrice } from './catalog';
import { formatContext, formatPerMillion } from './search';
import { PARAMETER_VOCABULARY } from '../request/vocabulary';

export type Endpoint = {
	providerName: string;
	/** What goes into provider.order / only / ignore ("deepinfra", "deepinfra/turbo"). */
	tag: string;
	prompt: number | null;
	completion: number | null;
	contextLength: number | null;
	maxCompletionTokens: number | null;
	quantization: string | null;
	supportedParameters: string[];
	/** 0 = up; negative = degraded or down (docs/openrouter-protocol.md#model-endpoints). */
	status: number | null;
	uptime: number | null;
	/** Milliseconds, p50; null without a key. */
	latency: number | null;
	/** Tokens per second, p50; null without a key. */
	throughput: number | null;
};

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose =>
	typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Loose) : {};
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const positive = (v: unknown): number | null => {
	const n = num(v);
	return n !== null && n > 0 ? n : null;
};
const strs = (v: unknown): string[] =>
	Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** `{data: {endpoints: [...]}}` → endpoints; entries without a provider or tag are skipped. */
export function readEndpoints(body: unknown): Endpoint[] {
	const list = obj(obj(body).data).endpoints;
	if (!Array.isArray(list)) return [];
	const out: Endpoint[] = [];
	for (const raw of list) {
		const e = obj(raw);
		const providerName = typeof e.provider_name === 'string' ? e.provider_name : '';
		const tag = typeof e.tag === 'string' && e.tag ? e.tag : slug(providerName);
		if (!providerName || !tag) continue;
		const pricing = obj(e.pricing);
		out.push({
			providerName,
			tag,
			prompt: readPrice(pricing.prompt),
			completion: readPrice(pricing.completion),
			contextLength: positive(e.context_length),
			maxCompletionTokens: positive(e.max_completion_tokens),
			quantization: typeof e.quantization === 'string' ? e.quantization : null,
			supportedParameters: strs(e.supported_parameters),
			status: num(e.status),
			uptime: num(e.uptime_last_30m),
			latency: num(obj(e.latency_last_30m).p50),
			throughput: num(obj(e.throughput_last_30m).p50),
		});
	}
	return out;
}

/** OpenRouter's provider slug from a display name: "Google AI Studio" → "google-ai-studio". */
export function slug(name: string): string {
	return name
		.toLowerCase()
		.replace(/[^a-z0-9/]+/g, '-')
		.replace(/^-|-$/g, '');
}

export type EndpointRow = {
	tag: string;
	provider: string;
	prompt: string;
	completion: string;
	context: string;
	maxOutput: string;
	quantization: string;
	status: string;
	uptime: string;
	latency: string;
	throughput: string;
	parameters: string;
};

export function statusLabel(status: number | null): string {
	if (status === null || status === 0) return 'up';
	return status <= -2 ? 'down' : 'degraded';
}

export function endpointRow(e: Endpoint): EndpointRow {
	return {
		tag: e.tag,
		provider: e.providerName,
		prompt: formatPerMillion(e.prompt),
		completion: formatPerMillion(e.completion),
		context: formatContext(e.contextLength),
		maxOutput: e.maxCompletionTokens === null ? '—' : formatContext(e.maxCompletionTokens),
		quantization: e.quantization ?? 'unknown',
		status: statusLabel(e.status),
		uptime: e.uptime === null ? '—' : `${Number(e.uptime.toFixed(1))}%`,
		latency: e.latency === null ? '—' : `${(e.latency / 1000).toFixed(2)} s`,
		throughput: e.throughput === null ? '—' : `${Math.round(e.throughput)} tok/s`,
		parameters: e.supportedParameters.join(', '),
	};
}

/** The routing preferences the rows edit, read from the request's `provider` object. */
export type ProviderPrefs = {
	only: string[];
	order: string[];
	ignore: string[];
	quantizations: string[];
	requireParameters: boolean;
};

export function readPrefs(provider: unknown): ProviderPrefs {
	const p = obj(provider);
	return {
		only: strs(p.only),
		order: strs(p.order),
		ignore: strs(p.ignore),
		quantizations: strs(p.quantizations),
		requireParameters: p.require_parameters === true,
	};
}

/** A change to `provider`: field → new value (undefined removes the field). */
export type PrefsPatch = Partial<
	Record<'only' | 'order' | 'ignore' | 'quantizations', string[] | undefined>
>;

const orNone = (list: string[]) => (list.length > 0 ? list : undefined);
const without = (list: string[], tag: string) => list.filter((t) => t !== tag);

/** "Use only this provider": only = [tag]; it is no longer excluded. Again: back to any provider. */
export function useOnly(prefs: ProviderPrefs, tag: string): PrefsPatch {
	const already = prefs.only.length === 1 && prefs.only[0] === tag;
	return {
		only: already ? undefined : [tag],
		...(prefs.ignore.includes(tag) ? { ignore: orNone(without(prefs.ignore, tag)) } : {}),
	};
}

/** "Prefer this order": the tag joins the end of `order` (or leaves it when already there). */
export function toggleOrder(prefs: ProviderPrefs, tag: string): PrefsPatch {
	return {
		order: orNone(prefs.order.includes(tag) ? without(prefs.order, tag) : [...prefs.order, tag]),
		...(prefs.ignore.includes(tag) ? { ignore: orNone(without(prefs.ignore, tag)) } : {}),
	};
}

/** Move one tag of `order` to another position (drag and drop, or the up/down buttons). */
export function moveInOrder(prefs: ProviderPrefs, tag: string, to: number): PrefsPatch {
	const from = prefs.order.indexOf(tag);
	if (from < 0) return {};
	const next = without(prefs.order, tag);
	const at = Math.max(0, Math.min(next.length, to));
	next.splice(at, 0, tag);
	return { order: next };
}

/** "Exclude": the tag joins `ignore` and leaves `only` and `order`; again: included again. */
export function toggleIgnore(prefs: ProviderPrefs, tag: string): PrefsPatch {
	if (prefs.ignore.includes(tag)) return { ignore: orNone(without(prefs.ignore, tag)) };
	return {
		ignore: [...prefs.ignore, tag],
		...(prefs.only.includes(tag) ? { only: orNone(without(prefs.only, tag)) } : {}),
		...(prefs.order.includes(tag) ? { order: orNone(without(prefs.order, tag)) } : {}),
	};
}

export function toggleQuantization(prefs: ProviderPrefs, q: string): PrefsPatch {
	const has = prefs.quantizations.includes(q);
	return {
		quantizations: orNone(has ? without(prefs.quantizations, q) : [...prefs.quantizations, q]),
	};
}

/** A slug in a preference matches an endpoint by its tag or the tag's base ("deepinfra" ⊃ "deepinfra/turbo"). */
const matches = (e: Endpoint, s: string) => {
	const t = s.toLowerCase();
	return e.tag === t || e.tag.startsWith(`${t}/`) || slug(e.providerName) === t;
};

/** The endpoints the request may be routed to under its preferences (order only reorders). */
export function reachable(endpoints: readonly Endpoint[], prefs: ProviderPrefs): Endpoint[] {
	return endpoints.filter(
		(e) =>
			(prefs.only.length === 0 || prefs.only.some((s) => matches(e, s))) &&
			!prefs.ignore.some((s) => matches(e, s)) &&
			(prefs.quantizations.length === 0 ||
				prefs.quantizations.includes(e.quantization ?? 'unknown')),
	);
}

/** Request parameters (of the vocabulary) a model does not list; nothing when it lists none. */
export function unsupportedByModel(
	request: Record<string, unknown> | null,
	supported: readonly string[],
): string[] {
	if (!request || supported.length === 0) return [];
	return PARAMETER_VOCABULARY.filter(
		(p) => request[p] !== undefined && request[p] !== null && !supported.includes(p),
	);
}

export type UnsupportedParameter = { parameter: string; providers: string[] };

/**
 * The parameters the request sends (from the `supported_parameters` vocabulary) that some of the
 * reachable endpoints do not list, each with those endpoints' tags.
 */
export function unsupportedByProviders(
	request: Record<string, unknown> | null,
	endpoints: readonly Endpoint[],
	prefs: ProviderPrefs,
): UnsupportedParameter[] {
	if (!request) return [];
	const sent = Object.keys(request).filter((k) =>
		(PARAMETER_VOCABULARY as readonly string[]).includes(k),
	);
	const routes = reachable(endpoints, prefs);
	const out: UnsupportedParameter[] = [];
	for (const parameter of sent) {
		// Every endpoint lists max_tokens in practice; an endpoint that lists nothing says nothing.
		const lacking = routes.filter(
			(e) => e.supportedParameters.length > 0 && !e.supportedParameters.includes(parameter),
		);
		if (lacking.length > 0) out.push({ parameter, providers: lacking.map((e) => e.tag) });
	}
	return out;
}
