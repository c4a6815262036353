/**
 * "Explain the bill": one run's charge split into the parts it is made of, from `usage`
 * (docs/openrouter-protocol.md#usage-and-cost) and the model's list prices from GET /models (USD
 * per token as strings, docs/openrouter-protocol.md#models). `usage.cost` is what was charged; each
 * part also carries what the list price predicts (the estimate), and the part whose charge differs
 * most from its estimate is named. The parts always add up to `usage.cost`.
 */
import type { Usage } from '../stream/types';

export const BILL_PARTS = [
	{ id: 'prompt', label: 'Prompt', side: 'prompt', unit: 'tok' },
	{ id: 'cached-read', label: 'Cached read', side: 'prompt', unit: 'tok' },
	{ id: 'cache-write', label: 'Cache write', side: 'prompt', unit: 'tok' },
	{ id: 'reasoning', label: 'Reasoning', side: 'completion', unit: 'tok' },
	{ id: 'completion', label: 'Completion', side: 'completion', unit: 'tok' },
	{ id: 'images', label: 'Images', side: 'completion', unit: 'tok' },
	{ id: 'web-search', label: 'Web search', side: 'extra', unit: 'search' },
	{ id: 'request', label: 'Per request', side: 'extra', unit: 'request' },
	{ id: 'other', label: 'Other charges', side: 'extra', unit: 'request' },
] as const;
export type BillPartId = (typeof BILL_PARTS)[number]['id'];
type Side = (typeof BILL_PARTS)[number]['side'];

/** The `pricing` object of a model in GET /models: strings (sometimes numbers), per token. */
export type ModelPricing = Partial<
	Record<
		| 'prompt'
		| 'completion'
		| 'request'
		| 'image'
		| 'image_output'
		| 'web_search'
		| 'internal_reasoning'
		| 'input_cache_read'
		| 'input_cache_write',
		string | number
	>
>;

export type BillPart = {
	id: BillPartId;
	label: string;
	quantity: number;
	unit: 'tok' | 'search' | 'request';
	/** USD per unit from the list price, null when the catalog has no price for it. */
	rate: number | null;
	/** quantity × rate: what the list price predicts. */
	estimate: number;
	/** This part's share of `usage.cost`. */
	charged: number;
};

export type Bill = {
	parts: BillPart[];
	/** `usage.cost`: what was charged. */
	total: number;
	estimateTotal: number;
	/** The part whose charge is furthest from its estimate, null when all agree. */
	differsMost: BillPartId | null;
	/** How the charge was split: by the prompt/completion costs OpenRouter reported, or by estimate. */
	split: 'cost-details' | 'estimate';
};

/** A price string as a number; `"-1"` (router sentinel) and junk mean unknown. */
export function priceOf(value: string | number | undefined): number | null {
	const n = typeof value === 'number' ? value : value === undefined ? NaN : Number(value);
	return Number.isFinite(n) && n >= 0 ? n : null;
}

const count = (value: unknown) => (typeof value === 'number' && value > 0 ? value : 0);

type Line = { id: BillPartId; quantity: number; rate: number | null };

/** How many of each unit the run used, and at which list price. */
function lines(usage: Usage, pricing: ModelPricing): Line[] {
	const prompt = count(usage.prompt_tokens);
	const cached = count(usage.prompt_tokens_details?.cached_tokens);
	const written = count(usage.prompt_tokens_details?.cache_write_tokens);
	const completion = count(usage.completion_tokens);
	const reasoning = count(usage.completion_tokens_details?.reasoning_tokens);
	const images = count(usage.completion_tokens_details?.image_tokens);
	const tools = (usage.server_tool_use_details ?? usage.server_tool_use) as
		{ web_search_requests?: number } | undefined;
	const completionPrice = priceOf(pricing.completion);
	// internal_reasoning "0" means reasoning is billed as output
	// (docs/openrouter-protocol.md#models), not free.
	const reasoningPrice = priceOf(pricing.internal_reasoning) || completionPrice;
	const requestPrice = priceOf(pricing.request);
	return [
		{
			id: 'prompt',
			quantity: Math.max(0, prompt - cached - written),
			rate: priceOf(pricing.prompt),
		},
		{
			id: 'cached-read',
			quantity: cached,
			rate: priceOf(pricing.input_cache_read ?? pricing.prompt),
		},
		{
			id: 'cache-write',
			quantity: written,
			rate: priceOf(pricing.input_cache_write ?? pricing.prompt),
		},
		{ id: 'reasoning', quantity: reasoning, rate: reasoningPrice },
		{
			id: 'completion',
			quantity: Math.max(0, completion - reasoning - images),
			rate: completionPrice,
		},
		{ id: 'images', quantity: images, rate: priceOf(pricing.image_output) ?? completionPrice },
		{
			id: 'web-search',
			quantity: count(tools?.web_search_requests),
			rate: priceOf(pricing.web_search),
		},
		{ id: 'request', quantity: requestPrice ? 1 : 0, rate: requestPrice },
	];
}

/** Spreads `amount` over parts in proportion to weights (estimates, else quantities). */
function spread(parts: BillPart[], amount: number): void {
	if (parts.length === 0) return;
	const byEstimate = parts.reduce((sum, p) => sum + p.estimate, 0);
	const weight = (p: BillPart) => (byEstimate > 0 ? p.estimate : p.quantity);
	const total = parts.reduce((sum, p) => sum + weight(p), 0);
	for (const part of parts)
		part.charged += total > 0 ? (amount * weight(part)) / total : amount / parts.length;
}

const sideOf = (id: BillPartId): Side => BILL_PARTS.find((p) => p.id === id)?.side ?? 'extra';

export function explainBill(usage: Usage | null, pricing: ModelPricing | null): Bill | null {
	if (!usage || typeof usage.cost !== 'number' || !Number.isFinite(usage.cost)) return null;
	const total = usage.cost;
	const parts: BillPart[] = lines(usage, pricing ?? {})
		.filter((line) => line.quantity > 0)
		.map((line) => {
			const meta = BILL_PARTS.find((p) => p.id === line.id) ?? BILL_PARTS[0];
			const estimate = line.rate === null ? 0 : line.quantity * line.rate;
			return { ...line, label: meta.label, unit: meta.unit, estimate, charged: 0 };
		});
	const details = usage.cost_details as Record<string, unknown> | undefined;
	const promptCost = details?.upstream_inference_prompt_cost;
	const completionCost = details?.upstream_inference_completions_cost;
	let split: Bill['split'] = 'estimate';
	if (
		typeof promptCost === 'number' &&
		typeof completionCost === 'number' &&
		promptCost + completionCost <= total + 1e-12
	) {
		split = 'cost-details';
		const on = (side: Side) => parts.filter((p) => sideOf(p.id) === side);
		const place = (side: Side, amount: number, fallback: BillPartId) => {
			if (amount <= 0) return;
			if (on(side).length === 0) parts.push(emptyPart(fallback));
			spread(on(side), amount);
		};
		place('prompt', promptCost, 'prompt');
		place('completion', completionCost, 'completion');
		// What OpenRouter charged beyond the upstream inference: web search, plugins, per-request fees.
		place('extra', total - promptCost - completionCost, 'other');
	} else if (parts.length > 0) spread(parts, total);
	else if (total > 0) parts.push({ ...emptyPart('other'), charged: total });
	settle(parts, total);
	return {
		parts: parts.sort((a, b) => order(a.id) - order(b.id)),
		total,
		estimateTotal: parts.reduce((sum, p) => sum + p.estimate, 0),
		differsMost: differsMost(parts),
		split,
	};
}

const order = (id: BillPartId) => BILL_PARTS.findIndex((p) => p.id === id);

function emptyPart(id: BillPartId): BillPart {
	const meta = BILL_PARTS.find((p) => p.id === id) ?? BILL_PARTS[0];
	return {
		id,
		label: meta.label,
		unit: meta.unit,
		quantity: 0,
		rate: null,
		estimate: 0,
		charged: 0,
	};
}

/** Floating-point leftovers go to the largest part, so the parts add up to the charge exactly. */
function settle(parts: BillPart[], total: number): void {
	const largest = parts.reduce<BillPart | null>(
		(best, p) => (!best || p.charged > best.charged ? p : best),
		null,
	);
	if (!largest) return;
	const others = parts.reduce((sum, p) => (p === largest ? sum : sum + p.charged), 0);
	largest.charged = total - others;
}

function differsMost(parts: BillPart[]): BillPartId | null {
	let best: BillPart | null = null;
	for (const part of parts) {
		const gap = Math.abs(part.charged - part.estimate);
		if (gap > 1e-9 && (!best || gap > Math.abs(best.charged - best.estimate))) best = part;
	}
	return best?.id ?? null;
}
