import { describe, expect, it } from 'vitest';
import {
	completionLimit,
	DEFAULT_COMPLETION_GUESS,
	estimateGrid,
	type PriceList,
} from '../../../../src/core/lab/estimate';
import type { ChatRequest } from '../../../../src/core/request/types';

const base: ChatRequest = {
	model: 'base/model',
	messages: [{ role: 'user', content: 'Capital of {{country}}?' }],
};
// "Capital of France?" is 18 characters and "Capital of Peru?" 16; core/models/cost.ts adds 16 for
// each message's framing: ceil(34 / 4) + ceil(32 / 4) = 9 + 8 prompt tokens over the two rows.
const rows = [new Map([['country', 'France']]), new Map([['country', 'Peru']])];
const prices: PriceList = new Map([
	['a/cheap', { prompt: 0.000001, completion: 0.000002 }],
	['b/dear', { prompt: 0.000002, completion: 0.000004 }],
	['constructor', { prompt: 1, completion: 1 }],
]);

describe('estimateGrid', () => {
	it('prices each column from its filled-in rows and its completion limit', () => {
		const estimate = estimateGrid(
			base,
			[
				{ id: 'one', patch: { model: 'a/cheap', max_tokens: 100 } },
				{ id: 'two', patch: { model: 'b/dear' } },
			],
			rows,
			prices,
		);
		expect(estimate.columns).toEqual([
			{
				column: 'one',
				model: 'a/cheap',
				promptTokens: 17,
				completionTokens: 200,
				completionGuessed: false,
				unfilledRows: 0,
				usd: expect.closeTo(17 * 0.000001 + 200 * 0.000002, 12),
			},
			{
				column: 'two',
				model: 'b/dear',
				promptTokens: 17,
				completionTokens: 2 * DEFAULT_COMPLETION_GUESS,
				completionGuessed: true,
				unfilledRows: 0,
				usd: expect.closeTo(17 * 0.000002 + 512 * 0.000004, 12),
			},
		]);
		expect(estimate.usd).toBeCloseTo(0.000417 + 0.002082, 12);
		expect(estimate.knownUsd).toBe(estimate.usd);
	});

	it('reports an unknown price as unknown, for the column and the total', () => {
		const estimate = estimateGrid(
			base,
			[
				{ id: 'known', patch: { model: 'a/cheap', max_tokens: 100 } },
				{ id: 'unknown', patch: { model: 'x/not-in-catalog' } },
				{ id: 'proto', patch: { model: 'toString' } },
				{ id: 'no-model', patch: { model: null } },
			],
			rows,
			prices,
		);
		expect(estimate.columns.map((c) => [c.column, c.model, c.usd === null])).toEqual([
			['known', 'a/cheap', false],
			['unknown', 'x/not-in-catalog', true],
			['proto', 'toString', true],
			['no-model', null, true],
		]);
		expect(estimate.usd).toBeNull();
		expect(estimate.knownUsd).toBeCloseTo(0.000417, 12);
	});

	it('counts rows it could not fill, estimating them from the template', () => {
		const estimate = estimateGrid(
			base,
			[{ id: 'a', patch: { model: 'a/cheap' } }],
			[new Map(), new Map([['country', '']]), new Map([['country', 'Peru']])],
			prices,
			50,
		);
		// "Capital of {{country}}?" is 23 characters: ceil(39 / 4) = 10 tokens, twice, plus 8.
		expect(estimate.columns[0]).toMatchObject({
			promptTokens: 28,
			completionTokens: 150,
			completionGuessed: true,
			unfilledRows: 2,
		});
	});

	it('costs nothing for no rows and no columns', () => {
		expect(estimateGrid(base, [], rows, prices)).toEqual({ columns: [], usd: 0, knownUsd: 0 });
		const empty = estimateGrid(base, [{ id: 'a', patch: { model: 'a/cheap' } }], [], prices);
		expect(empty.usd).toBe(0);
	});
});

describe('completionLimit', () => {
	it.each([
		[{}, null],
		[{ max_tokens: 300 }, 300],
		[{ max_tokens: 300, max_completion_tokens: 200 }, 200],
		[{ max_tokens: 0 }, null],
		[{ max_tokens: '300' }, null],
		[{ max_tokens: 300, reasoning: { max_tokens: 1000 } }, 1000],
		[{ max_tokens: 3000, reasoning: { max_tokens: 1000 } }, 3000],
		[{ reasoning: { effort: 'high' } }, null],
		[{ reasoning: { max_tokens: 500 } }, 500],
	])('%j: %s', (request, limit) => {
		expect(completionLimit(request)).toBe(limit);
	});
});
