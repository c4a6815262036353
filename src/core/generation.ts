/**
 * The fields of `GET /generation?id=` (docs/openrouter-protocol.md#generation-stats) the playground
 * shows; the whole record is kept too.
 */
export type GenerationStats = {
	provider: string | null;
	/** Every provider OpenRouter tried, in order, with its HTTP status (fallbacks included). */
	providersTried: { name: string; status: number | null }[];
	latencyMs: number | null;
	generationTimeMs: number | null;
	/** Counts in the model's own tokenizer: what `usage` carries. */
	nativePrompt: number | null;
	nativeCompletion: number | null;
	nativeReasoning: number | null;
	nativeCached: number | null;
	nativeImages: number | null;
	/** Counts normalized across models (`tokens_prompt`, `tokens_completion`). */
	normalizedPrompt: number | null;
	normalizedCompletion: number | null;
	totalCost: number | null;
	/** USD the cached prompt tokens saved (negative when writing a cache cost extra); null: none. */
	cacheDiscount: number | null;
	/** What the provider charged: meaningful only with your own provider key (BYOK). */
	upstreamCost: number | null;
	isByok: boolean;
	cancelled: boolean;
	raw: Record<string, unknown>;
};

export type GenerationResult =
	{ ok: true; stats: GenerationStats } | { ok: false; message: string };

/** While the stats are fetched: the try under way and how many there will be at most. */
export type GenerationWait = { status: 'loading'; attempt: number; attempts: number | null };

const num = (value: unknown) =>
	typeof value === 'number' && Number.isFinite(value) ? value : null;

function providersTried(value: unknown): GenerationStats['providersTried'] {
	if (!Array.isArray(value)) return [];
	return value.flatMap((entry: unknown) => {
		const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
		return typeof e.provider_name === 'string'
			? [{ name: e.provider_name, status: num(e.status) }]
			: [];
	});
}

export function statsFrom(data: Record<string, unknown>): GenerationStats {
	return {
		provider: typeof data.provider_name === 'string' ? data.provider_name : null,
		providersTried: providersTried(data.provider_responses),
		latencyMs: num(data.latency),
		generationTimeMs: num(data.generation_time),
		nativePrompt: num(data.native_tokens_prompt),
		nativeCompletion: num(data.native_tokens_completion),
		nativeReasoning: num(data.native_tokens_reasoning),
		nativeCached: num(data.native_tokens_cached),
		nativeImages: num(data.native_tokens_completion_images),
		normalizedPrompt: num(data.tokens_prompt),
		normalizedCompletion: num(data.tokens_completion),
		totalCost: num(data.total_cost),
		cacheDiscount: num(data.cache_discount),
		upstreamCost: num(data.upstream_inference_cost),
		isByok: data.is_byok === true,
		cancelled: data.cancelled === true,
		raw: data,
	};
}
