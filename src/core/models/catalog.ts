/**
 * The model catalog (GET /models, docs/openrouter-protocol.md#models): the parts the playground
 * uses, read defensively (prices are strings per token, "-1" means "varies" for routers, most
 * fields may be null), plus search and price formatting.
 */
export type ModelPricing = {
	/** USD per token; null when unknown or variable (routers send "-1"). */
	prompt: number | null;
	completion: number | null;
	request: number | null;
	image: number | null;
	webSearch: number | null;
	internalReasoning: number | null;
};

export type ModelReasoning = {
	supportedEfforts: string[] | null;
	defaultEffort: string | null;
	supportsMaxTokens: boolean;
	mandatory: boolean;
};

export type Model = {
	id: string;
	name: string;
	description: string;
	contextLength: number | null;
	maxCompletionTokens: number | null;
	pricing: ModelPricing;
	input: string[];
	output: string[];
	supportedParameters: string[];
	reasoning: ModelReasoning | null;
	/** Unix seconds the model was added, or null. */
	created: number | null;
};

/** Stored copy of the catalog: the raw list as fetched, and when. */
export type CatalogRecordV1 = { v: 1; fetchedAt: number; data: unknown[] };

export function isCatalogRecord(value: unknown): value is CatalogRecordV1 {
	if (typeof value !== 'object' || value === null) return false;
	const r = value as Record<string, unknown>;
	return r.v === 1 && typeof r.fetchedAt === 'number' && Array.isArray(r.data);
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (typeof v === 'object' && v !== null ? (v as Loose) : {});
const strs = (v: unknown): string[] =>
	Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const count = (v: unknown): number | null => (typeof v === 'number' && v > 0 ? v : null);

/** A price string or number per token; negative (router sentinel) or unreadable → null. */
export function readPrice(value: unknown): number | null {
	const n = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : NaN;
	return Number.isFinite(n) && n >= 0 ? n : null;
}

function readModel(raw: unknown): Model | null {
	const m = obj(raw);
	if (typeof m.id !== 'string' || m.id === '') return null;
	const pricing = obj(m.pricing);
	const arch = obj(m.architecture);
	const top = obj(m.top_provider);
	const reasoning = m.reasoning === undefined || m.reasoning === null ? null : obj(m.reasoning);
	return {
		id: m.id,
		name: typeof m.name === 'string' ? m.name : m.id,
		description: typeof m.description === 'string' ? m.description : '',
		contextLength: count(m.context_length) ?? count(top.context_length),
		maxCompletionTokens: count(top.max_completion_tokens),
		pricing: {
			prompt: readPrice(pricing.prompt),
			completion: readPrice(pricing.completion),
			request: readPrice(pricing.request),
			image: readPrice(pricing.image),
			webSearch: readPrice(pricing.web_search),
			internalReasoning: readPrice(pricing.internal_reasoning),
		},
		input: strs(arch.input_modalities),
		output: strs(arch.output_modalities),
		supportedParameters: strs(m.supported_parameters),
		reasoning: reasoning && {
			supportedEfforts: Array.isArray(reasoning.supported_efforts)
				? strs(reasoning.supported_efforts)
				: null,
			defaultEffort: typeof reasoning.default_effort === 'string' ? reasoning.default_effort : null,
			supportsMaxTokens: reasoning.supports_max_tokens === true,
			mandatory: reasoning.mandatory === true,
		},
		created: count(m.created),
	};
}

/**
 * `{data: [...]}` from GET /models, or the stored list → models; unreadable entries are skipped and
 * a repeated id keeps its first entry: every view lists and keys models by id.
 */
export function readModels(data: unknown): Model[] {
	const list = Array.isArray(data) ? data : obj(data).data;
	if (!Array.isArray(list)) return [];
	const seen = new Set<string>();
	return list
		.map(readModel)
		.filter((m): m is Model => m !== null && !seen.has(m.id) && (seen.add(m.id), true));
}

/**
 * Model id suffixes (docs/openrouter-protocol.md#model-ids): `:free` is a model of its own in the
 * catalog; the others are routing shortcuts on any model.
 */
export const VARIANTS = [
	{ suffix: ':free', label: 'Free', note: 'free endpoints, low rate limits' },
	{ suffix: ':nitro', label: 'Nitro', note: 'throughput sort, priority tier' },
	{ suffix: ':floor', label: 'Floor', note: 'price sort, flex tier' },
	{ suffix: ':online', label: 'Online', note: 'web search plugin (deprecated)' },
	{ suffix: ':thinking', label: 'Thinking', note: 'reasoning variant' },
	{ suffix: ':extended', label: 'Extended', note: 'extended context' },
	{ suffix: ':exacto', label: 'Exacto', note: 'providers with the best tool-call accuracy' },
] as const;
export type VariantSuffix = (typeof VARIANTS)[number]['suffix'];

export function splitVariant(id: string): { base: string; variant: VariantSuffix | null } {
	const variant = VARIANTS.find((v) => id.endsWith(v.suffix));
	if (!variant) return { base: id, variant: null };
	return { base: id.slice(0, -variant.suffix.length), variant: variant.suffix };
}

/** The catalog entry for a model id, variants included (`x:online` → `x`; `x:free` if listed). */
export function findModel(models: readonly Model[], id: string): Model | undefined {
	return models.find((m) => m.id === id) ?? models.find((m) => m.id === splitVariant(id).base);
}
