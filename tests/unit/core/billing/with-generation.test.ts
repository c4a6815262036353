import { describe, expect, it } from 'vitest';
import { explainBill } from '../../../../src/core/billing/bill';
import { compareGeneration, withGeneration } from '../../../../src/core/billing/with-generation';
import { statsFrom } from '../../../../src/core/generation';
import type { Usage } from '../../../../src/core/stream/types';

// A record shaped like docs/openrouter-protocol.md#generation-stats, for a run whose usage read
// 1024 tokens from a cache.
const record = (over: Record<string, unknown> = {}) =>
	statsFrom({
		id: 'gen-1',
		provider_name: 'OpenAI',
		tokens_prompt: 1180,
		tokens_completion: 22,
		native_tokens_prompt: 1200,
		native_tokens_completion: 25,
		native_tokens_reasoning: 5,
		native_tokens_cached: 1024,
		native_tokens_completion_images: 0,
		total_cost: 0.0001176,
		usage: 0.0001176,
		upstream_inference_cost: null,
		cache_discount: 0.0000768,
		is_byok: false,
		provider_responses: [
			{ provider_name: 'Azure', status: 502 },
			{ provider_name: 'OpenAI', status: 200 },
		],
		...over,
	});
const pricing = { prompt: '0.00000015', completion: '0.0000006' };
const fullUsage: Usage = {
	prompt_tokens: 1200,
	completion_tokens: 25,
	total_tokens: 1225,
	cost: 0.0001176,
	prompt_tokens_details: { cached_tokens: 1024, cache_write_tokens: 0 },
	completion_tokens_details: { reasoning_tokens: 5, image_tokens: 0 },
	cost_details: {
		upstream_inference_cost: null,
		upstream_inference_prompt_cost: 0.0001026,
		upstream_inference_completions_cost: 0.000015,
	},
};

describe('statsFrom', () => {
	it('reads native and normalized counts, discount and every provider tried', () => {
		const stats = record();
		expect(stats).toMatchObject({
			provider: 'OpenAI',
			nativePrompt: 1200,
			normalizedPrompt: 1180,
			normalizedCompletion: 22,
			nativeCached: 1024,
			cacheDiscount: 0.0000768,
			upstreamCost: null,
			providersTried: [
				{ name: 'Azure', status: 502 },
				{ name: 'OpenAI', status: 200 },
			],
		});
	});
});

describe('withGeneration', () => {
	it('a complete usage is left as it is; the missing cache-read price comes from cache_discount', () => {
		const merged = withGeneration(fullUsage, pricing, record());
		expect(merged.usage).toMatchObject(fullUsage);
		expect(merged.costFrom).toBe('usage');
		// 0.00000015 − 0.0000768 / 1024 = 0.000000075 a cached token.
		expect(Number(merged.pricing?.input_cache_read)).toBeCloseTo(0.000000075, 15);
		expect(merged.changed).toEqual(['cached-read']);
		const bill = explainBill(merged.usage, merged.pricing)!;
		const cached = bill.parts.find((p) => p.id === 'cached-read')!;
		expect(cached.estimate).toBeCloseTo(1024 * 0.000000075, 12);
		// Without the stats the cached tokens would be priced as ordinary prompt tokens.
		const plain = explainBill(fullUsage, pricing)!.parts.find((p) => p.id === 'cached-read')!;
		expect(plain.estimate).toBeCloseTo(1024 * 0.00000015, 12);
	});

	it('a listed cache-read price is kept', () => {
		const listed = { ...pricing, input_cache_read: '0.0000001' };
		const merged = withGeneration(fullUsage, listed, record());
		expect(merged.pricing).toBe(listed);
		expect(merged.changed).toEqual([]);
	});

	it('a lean usage (three counts) gets cached and reasoning counts from the native ones', () => {
		const lean: Usage = {
			prompt_tokens: 1200,
			completion_tokens: 25,
			total_tokens: 1225,
			cost: 0.0001176,
		};
		const merged = withGeneration(lean, { ...pricing, input_cache_read: '0.000000075' }, record());
		expect(merged.usage?.prompt_tokens_details?.cached_tokens).toBe(1024);
		expect(merged.usage?.completion_tokens_details?.reasoning_tokens).toBe(5);
		expect(merged.changed.sort()).toEqual(['cached-read', 'reasoning']);
		const bill = explainBill(merged.usage, merged.pricing)!;
		expect(bill.parts.map((p) => p.id)).toEqual([
			'prompt',
			'cached-read',
			'reasoning',
			'completion',
		]);
		expect(bill.parts.find((p) => p.id === 'prompt')?.quantity).toBe(176);
		const sum = bill.parts.reduce((s, p) => s + p.charged, 0);
		expect(sum).toBeCloseTo(0.0001176, 15);
		expect(bill.total).toBe(0.0001176);
	});

	it('without usage (a cut stream) the bill is made from the stats, total_cost included', () => {
		const merged = withGeneration(null, pricing, record());
		expect(merged.costFrom).toBe('generation');
		expect(merged.usage?.cost).toBe(0.0001176);
		expect(merged.usage?.prompt_tokens).toBe(1200);
		expect(explainBill(merged.usage, merged.pricing)?.total).toBe(0.0001176);
	});

	it('without stats nothing changes', () => {
		expect(withGeneration(fullUsage, pricing, null)).toEqual({
			usage: fullUsage,
			pricing,
			changed: [],
			costFrom: 'usage',
		});
		expect(withGeneration(null, pricing, null).usage).toBeNull();
	});
});

describe('compareGeneration', () => {
	it('lines native and normalized counts up against usage, and the two costs', () => {
		const c = compareGeneration(fullUsage, record(), pricing);
		expect(c.tokens).toEqual([
			{ label: 'Prompt', usage: 1200, native: 1200, normalized: 1180 },
			{ label: 'Completion', usage: 25, native: 25, normalized: 22 },
			{ label: 'Reasoning', usage: 5, native: 5, normalized: null },
			{ label: 'Cached', usage: 1024, native: 1024, normalized: null },
		]);
		expect(c.cost).toEqual({ generation: 0.0001176, usage: 0.0001176, agree: true });
		expect(c.cache).toEqual({ tokens: 1024, discount: 0.0000768, listDiscount: null });
	});

	it('says when the costs differ, and what the list prices predict the cache saved', () => {
		const c = compareGeneration({ ...fullUsage, cost: 0.0002 }, record(), {
			...pricing,
			input_cache_read: '0.0000001',
		});
		expect(c.cost.agree).toBe(false);
		expect(c.cache?.listDiscount).toBeCloseTo(1024 * 0.00000005, 15);
	});

	it('no cache section when nothing was cached', () => {
		const c = compareGeneration(
			fullUsage,
			record({ native_tokens_cached: 0, cache_discount: null }),
			pricing,
		);
		expect(c.cache).toBeNull();
	});
});
