import { describe, expect, it } from 'vitest';
import { explainBill, priceOf, type Bill } from '../../../../src/core/billing/bill';
import type { Usage } from '../../../../src/core/stream/types';

/**
 * Pricing of anthropic/claude-sonnet-4.5 as GET /models gives it
 * (docs/openrouter-protocol.md#models).
 */
const SONNET = {
	prompt: '0.000003',
	completion: '0.000015',
	request: '0',
	image: '0',
	web_search: '0.01',
	internal_reasoning: '0',
	input_cache_read: '0.0000003',
	input_cache_write: '0.00000375',
};

const sum = (bill: Bill) => bill.parts.reduce((total, part) => total + part.charged, 0);
const part = (bill: Bill, id: string) => bill.parts.find((p) => p.id === id);

describe('explainBill', () => {
	it('splits a documented usage into prompt and completion that add up to usage.cost', () => {
		const usage: Usage = {
			prompt_tokens: 550,
			completion_tokens: 15,
			total_tokens: 565,
			cost: 0.001875,
			is_byok: false,
			prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 0, audio_tokens: 0 },
			completion_tokens_details: { reasoning_tokens: 0, image_tokens: 0, audio_tokens: 0 },
			cost_details: {
				upstream_inference_cost: 0.001875,
				upstream_inference_prompt_cost: 0.00165,
				upstream_inference_completions_cost: 0.000225,
			},
		};
		const bill = explainBill(usage, SONNET);
		if (!bill) throw new Error('no bill');
		expect(bill.parts.map((p) => p.id)).toEqual(['prompt', 'completion']);
		expect(part(bill, 'prompt')?.charged).toBeCloseTo(0.00165, 12);
		expect(part(bill, 'completion')?.charged).toBeCloseTo(0.000225, 12);
		expect(sum(bill)).toBe(0.001875);
		expect(bill.estimateTotal).toBeCloseTo(0.001875, 12);
		expect(bill.differsMost).toBeNull();
		expect(bill.split).toBe('cost-details');
	});

	it('puts web search (cost above the upstream inference cost) in its own part', () => {
		// Observed: cost 0.0077585 vs upstream 0.0007585 with one web search
		// (docs/openrouter-protocol.md#usage-and-cost).
		const usage: Usage = {
			prompt_tokens: 180,
			completion_tokens: 14,
			total_tokens: 194,
			cost: 0.0077585,
			cost_details: {
				upstream_inference_cost: 0.0007585,
				upstream_inference_prompt_cost: 0.00054,
				upstream_inference_completions_cost: 0.0002185,
			},
			server_tool_use_details: { web_search_requests: 1 },
		};
		const bill = explainBill(usage, SONNET);
		if (!bill) throw new Error('no bill');
		expect(part(bill, 'web-search')?.charged).toBeCloseTo(0.007, 12);
		expect(part(bill, 'web-search')?.estimate).toBeCloseTo(0.01, 12);
		expect(sum(bill)).toBe(0.0077585);
		// Web search was estimated at $0.01 but charged $0.007: the biggest gap.
		expect(bill.differsMost).toBe('web-search');
	});

	it('prices cached reads, cache writes and reasoning at their own rates', () => {
		const usage: Usage = {
			prompt_tokens: 12_000,
			completion_tokens: 900,
			cost: 0.02,
			prompt_tokens_details: { cached_tokens: 10_000, cache_write_tokens: 1_500 },
			completion_tokens_details: { reasoning_tokens: 600, image_tokens: 0 },
		};
		const bill = explainBill(usage, SONNET);
		if (!bill) throw new Error('no bill');
		expect(bill.parts.map((p) => [p.id, p.quantity])).toEqual([
			['prompt', 500],
			['cached-read', 10_000],
			['cache-write', 1_500],
			['reasoning', 600],
			['completion', 300],
		]);
		expect(part(bill, 'cached-read')?.estimate).toBeCloseTo(10_000 * 0.0000003, 12);
		expect(part(bill, 'cache-write')?.estimate).toBeCloseTo(1_500 * 0.00000375, 12);
		// internal_reasoning "0" means reasoning is billed as output, not free.
		expect(part(bill, 'reasoning')?.estimate).toBeCloseTo(600 * 0.000015, 12);
		expect(bill.split).toBe('estimate');
		expect(sum(bill)).toBeCloseTo(0.02, 15);
		expect(Math.abs(sum(bill) - 0.02)).toBeLessThan(1e-15);
	});

	it('counts image output tokens as images, not completion text', () => {
		const usage: Usage = {
			prompt_tokens: 20,
			completion_tokens: 1310,
			cost: 0.0393,
			completion_tokens_details: { reasoning_tokens: 0, image_tokens: 1290 },
		};
		const bill = explainBill(usage, {
			prompt: '0.0000003',
			completion: '0.0000025',
			image_output: '0.00003',
		});
		expect(bill?.parts.map((p) => [p.id, p.quantity])).toEqual([
			['prompt', 20],
			['completion', 20],
			['images', 1290],
		]);
		expect(bill && sum(bill)).toBeCloseTo(0.0393, 15);
	});

	it('lean usage (three counts and a cost) and unknown prices still add up', () => {
		const usage: Usage = {
			prompt_tokens: 10,
			completion_tokens: 30,
			total_tokens: 40,
			cost: 0.00007,
		};
		const bill = explainBill(usage, { prompt: '-1', completion: '-1' });
		expect(bill?.parts.map((p) => p.id)).toEqual(['prompt', 'completion']);
		expect(bill?.estimateTotal).toBe(0);
		expect(bill && sum(bill)).toBeCloseTo(0.00007, 15);
	});

	it('a free run is a bill of zero; a run without a cost has no bill', () => {
		const free = explainBill(
			{ prompt_tokens: 5, completion_tokens: 5, cost: 0 },
			{ prompt: '0', completion: '0' },
		);
		expect(free && sum(free)).toBe(0);
		expect(explainBill({ prompt_tokens: 5, completion_tokens: 5 }, SONNET)).toBeNull();
		expect(explainBill(null, SONNET)).toBeNull();
	});

	it('reads prices as strings or numbers and refuses the router sentinel', () => {
		expect(priceOf('0.000003')).toBe(0.000003);
		expect(priceOf(0.5)).toBe(0.5);
		expect(priceOf('-1')).toBeNull();
		expect(priceOf('abc')).toBeNull();
		expect(priceOf(undefined)).toBeNull();
	});
});
