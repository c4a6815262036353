import { describe, expect, it } from 'vitest';
import { FETCHED_AT_HEADER } from '../../../src/core/offline/cache-policy';
import { FETCHED_AT, fetchPriceList } from '../../../src/io/model-prices';

const catalog = {
	data: [
		{
			id: 'deepseek/deepseek-chat',
			canonical_slug: 'deepseek/deepseek-chat-v3',
			pricing: { prompt: '0.0000003', completion: '0.00000085' },
		},
		{ id: 'broken' },
	],
};

describe('fetchPriceList', () => {
	it('reads the service worker stamp under the same header name it writes', () => {
		expect(FETCHED_AT).toBe(FETCHED_AT_HEADER);
	});

	it('asks GET /models without any key and keeps each model with prices', async () => {
		const calls: [string, RequestInit | undefined][] = [];
		const fake = (async (url: string, init?: RequestInit) => {
			calls.push([url, init]);
			return new Response(JSON.stringify(catalog), {
				headers: { [FETCHED_AT]: '1767225600000' },
			});
		}) as typeof fetch;
		const list = await fetchPriceList('https://openrouter.ai/api/v1/', fake);
		expect(calls).toEqual([['https://openrouter.ai/api/v1/models', undefined]]);
		expect(list).toEqual({
			ok: true,
			fetchedAt: 1767225600000,
			models: [
				{
					id: 'deepseek/deepseek-chat',
					canonical: 'deepseek/deepseek-chat-v3',
					pricing: catalog.data[0]?.pricing,
				},
			],
		});
	});

	it('a failure is a value with a message', async () => {
		const offline = (async () => {
			throw new TypeError('Failed to fetch');
		}) as typeof fetch;
		expect(await fetchPriceList('https://x.example/api/v1', offline)).toEqual({
			ok: false,
			message: 'The model list could not be loaded: Failed to fetch',
		});
	});
});
