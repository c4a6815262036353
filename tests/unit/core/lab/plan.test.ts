import { describe, expect, it } from 'vitest';
import { planGrid } from '../../../../src/core/lab/plan';
import { labPrices } from '../../../../src/core/lab/prices';

describe('planGrid', () => {
	it('merges each column, then fills each row; an unfilled row gives a reason', () => {
		const request = { model: 'a/b', messages: [{ role: 'user', content: 'Say {{w}}' }] };
		const { cells, bodies } = planGrid(
			request,
			[
				{ id: 'c1', patch: {} },
				{ id: 'c2', patch: { temperature: 0.2, model: 'c/d' } },
			],
			[new Map([['w', 'hi']]), new Map()],
		);
		expect(cells.map((c) => c.id)).toEqual(['0:c1', '0:c2', '1:c1', '1:c2']);
		expect(bodies.get('0:c2')).toEqual({
			ok: true,
			body: { model: 'c/d', temperature: 0.2, messages: [{ role: 'user', content: 'Say hi' }] },
		});
		expect(bodies.get('1:c1')).toEqual({ ok: false, reason: 'Missing value for w' });
	});
});

describe('labPrices', () => {
	it('keeps finite prices under the id and the dated slug, drops the rest', () => {
		const prices = labPrices({
			ok: true,
			fetchedAt: null,
			models: [
				{
					id: 'a/b',
					canonical: 'a/b-2025',
					pricing: { prompt: '0.000001', completion: '0.000002' },
				},
				{ id: 'x/y', canonical: null, pricing: { prompt: '-1', completion: '0' } },
				{ id: 'z/z', canonical: null, pricing: { prompt: '', completion: '0' } },
			],
		});
		expect([...prices.keys()]).toEqual(['a/b', 'a/b-2025']);
		expect(prices.get('a/b')).toEqual({ prompt: 0.000001, completion: 0.000002 });
		expect(labPrices({ ok: false, message: 'offline' }).size).toBe(0);
	});
});
