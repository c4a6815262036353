/**
 * What the generation stats (`GET /generation?id=`, docs/openrouter-protocol.md#generation-stats)
 * add to a bill made from `usage` (docs/openrouter-protocol.md#usage-and-cost). `usage` already
 * counts in the model's own tokenizer, so the stats change the breakdown only where usage is
 * silent: counts a lean usage object left out (cached, reasoning, image tokens; some providers send
 * only the three totals), the cost when no usage arrived at all (a stream cut before its usage
 * chunk), and the cache-read price when the model list does not name one (derived from
 * `cache_discount`). `compareGeneration` lines the stats up against usage for the bill to show.
 */
import type { GenerationStats } from '../generation';
import type { Usage } from '../stream/types';
import { priceOf, type BillPartId, type ModelPricing } from './bill';

export type WithGeneration = {
	usage: Usage | null;
	pricing: ModelPricing | null;
	/** Bill parts whose quantity or list price came from the generation stats. */
	changed: BillPartId[];
	/** Where the charged total comes from: `usage.cost`, or `total_cost` when usage had none. */
	costFrom: 'usage' | 'generation';
};

const present = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const positive = (value: number | null): value is number => value !== null && value > 0;

export function withGeneration(
	usage: Usage | null,
	pricing: ModelPricing | null,
	stats: GenerationStats | null,
): WithGeneration {
	if (!stats) return { usage, pricing, changed: [], costFrom: 'usage' };
	const changed: BillPartId[] = [];
	const next: Usage = {
		...usage,
		prompt_tokens_details: { ...usage?.prompt_tokens_details },
		completion_tokens_details: { ...usage?.completion_tokens_details },
	};
	const fill = (has: boolean, value: number | null, part: BillPartId, set: (n: number) => void) => {
		if (has || !positive(value)) return;
		set(value);
		changed.push(part);
	};
	const prompt = next.prompt_tokens_details!;
	const completion = next.completion_tokens_details!;
	fill(
		present(usage?.prompt_tokens),
		stats.nativePrompt,
		'prompt',
		(n) => (next.prompt_tokens = n),
	);
	fill(present(usage?.completion_tokens), stats.nativeCompletion, 'completion', (n) => {
		next.completion_tokens = n;
	});
	fill(present(prompt.cached_tokens), stats.nativeCached, 'cached-read', (n) => {
		prompt.cached_tokens = n;
	});
	fill(present(completion.reasoning_tokens), stats.nativeReasoning, 'reasoning', (n) => {
		completion.reasoning_tokens = n;
	});
	fill(present(completion.image_tokens), stats.nativeImages, 'images', (n) => {
		completion.image_tokens = n;
	});
	let costFrom: WithGeneration['costFrom'] = 'usage';
	if (!present(usage?.cost) && stats.totalCost !== null) {
		next.cost = stats.totalCost;
		costFrom = 'generation';
	}
	const cached = next.prompt_tokens_details?.cached_tokens ?? 0;
	const nextPricing = cacheReadPrice(pricing, cached, stats.cacheDiscount);
	if (nextPricing !== pricing && !changed.includes('cached-read')) changed.push('cached-read');
	const any = usage !== null || changed.length > 0 || costFrom === 'generation';
	return { usage: any ? next : null, pricing: nextPricing, changed, costFrom };
}

/** Without a listed cache-read price: prompt price less what the cache saved, per cached token. */
function cacheReadPrice(
	pricing: ModelPricing | null,
	cached: number,
	discount: number | null,
): ModelPricing | null {
	const promptPrice = priceOf(pricing?.prompt);
	if (!pricing || pricing.input_cache_read !== undefined || promptPrice === null) return pricing;
	if (cached <= 0 || discount === null) return pricing;
	return { ...pricing, input_cache_read: Math.max(0, promptPrice - discount / cached) };
}

export type TokenRow = {
	label: 'Prompt' | 'Completion' | 'Reasoning' | 'Cached' | 'Images';
	/** What usage reported (native), null when it did not. */
	usage: number | null;
	native: number | null;
	/** Normalized count (prompt and completion only). */
	normalized: number | null;
};

export type GenerationComparison = {
	tokens: TokenRow[];
	/** `total_cost` against `usage.cost`; `agree` is null when one of them is missing. */
	cost: { generation: number | null; usage: number | null; agree: boolean | null };
	/** Cached prompt tokens, what OpenRouter says they saved, and what the list prices predict. */
	cache: { tokens: number; discount: number | null; listDiscount: number | null } | null;
};

const orNull = (value: unknown) => (present(value) ? (value as number) : null);

export function compareGeneration(
	usage: Usage | null,
	stats: GenerationStats,
	pricing: ModelPricing | null,
): GenerationComparison {
	const p = usage?.prompt_tokens_details;
	const c = usage?.completion_tokens_details;
	const rows: TokenRow[] = [
		{
			label: 'Prompt',
			usage: orNull(usage?.prompt_tokens),
			native: stats.nativePrompt,
			normalized: stats.normalizedPrompt,
		},
		{
			label: 'Completion',
			usage: orNull(usage?.completion_tokens),
			native: stats.nativeCompletion,
			normalized: stats.normalizedCompletion,
		},
		{
			label: 'Reasoning',
			usage: orNull(c?.reasoning_tokens),
			native: stats.nativeReasoning,
			normalized: null,
		},
		{
			label: 'Cached',
			usage: orNull(p?.cached_tokens),
			native: stats.nativeCached,
			normalized: null,
		},
		{
			label: 'Images',
			usage: orNull(c?.image_tokens),
			native: stats.nativeImages,
			normalized: null,
		},
	];
	// The three totals always; the details when anyone counted some.
	const tokens = rows.filter((row, i) => i < 2 || positive(row.usage) || positive(row.native));
	const usageCost = orNull(usage?.cost);
	const generationCost = stats.totalCost;
	const agree =
		usageCost === null || generationCost === null
			? null
			: Math.abs(usageCost - generationCost) < 1e-9;
	const cachedTokens = stats.nativeCached ?? orNull(p?.cached_tokens) ?? 0;
	const promptPrice = priceOf(pricing?.prompt);
	const readPrice = priceOf(pricing?.input_cache_read);
	const cache =
		cachedTokens > 0 || stats.cacheDiscount !== null
			? {
					tokens: cachedTokens,
					discount: stats.cacheDiscount,
					listDiscount:
						promptPrice !== null && readPrice !== null
							? cachedTokens * (promptPrice - readPrice)
							: null,
				}
			: null;
	return { tokens, cost: { generation: generationCost, usage: usageCost, agree }, cache };
}
