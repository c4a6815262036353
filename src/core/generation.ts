/** The fields of `GET /generation?id=` (§9) the playground shows; the whole record is kept too. */
export type GenerationStats = {
	provider: string | null;
	latencyMs: number | null;
	generationTimeMs: number | null;
	nativePrompt: number | null;
	nativeCompletion: number | null;
	nativeReasoning: number | null;
	nativeCached: number | null;
	totalCost: number | null;
	cancelled: boolean;
	raw: Record<string, unknown>;
};

export type GenerationResult =
	{ ok: true; stats: GenerationStats } | { ok: false; message: string };

const num = (value: unknown) =>
	typeof value === 'number' && Number.isFinite(value) ? value : null;

export function statsFrom(data: Record<string, unknown>): GenerationStats {
	return {
		provider: typeof data.provider_name === 'string' ? data.provider_name : null,
		latencyMs: num(data.latency),
		generationTimeMs: num(data.generation_time),
		nativePrompt: num(data.native_tokens_prompt),
		nativeCompletion: num(data.native_tokens_completion),
		nativeReasoning: num(data.native_tokens_reasoning),
		nativeCached: num(data.native_tokens_cached),
		totalCost: num(data.total_cost),
		cancelled: data.cancelled === true,
		raw: data,
	};
}
