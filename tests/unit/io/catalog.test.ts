import { describe, expect, it } from 'vitest';
import { fetchEndpoints, fetchModels } from '../../../src/io/catalog';

describe('fetchModels', () => {
	it('asks GET /models for every modality, with no key and no credentials', async () => {
		const calls: [string, RequestInit | undefined][] = [];
		const fake = (async (url: string, init?: RequestInit) => {
			calls.push([url, init]);
			return new Response(JSON.stringify({ data: [{ id: 'a/b' }] }), { status: 200 });
		}) as typeof fetch;
		expect(await fetchModels('https://openrouter.ai/api/v1', fake)).toEqual({
			ok: true,
			data: [{ id: 'a/b' }],
		});
		expect(calls[0]?.[0]).toBe('https://openrouter.ai/api/v1/models?output_modalities=all');
		expect(new Headers(calls[0]?.[1]?.headers).has('authorization')).toBe(false);
		expect(calls[0]?.[1]?.credentials).toBe('omit');
	});

	it.each([
		[async () => new Response('{}', { status: 500 }), /500/],
		[async () => new Response('{"nope":1}', { status: 200 }), /unreadable/],
		[
			async () => {
				throw new TypeError('Failed to fetch');
			},
			/offline/,
		],
	])('fails as a value: %#', async (fake, message) => {
		const result = await fetchModels('https://x/api/v1', fake as typeof fetch);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.message).toMatch(message);
	});

	it("the service worker's saved copy (stamped) is reported as offline, with its age", async () => {
		const fake = (async () =>
			new Response(JSON.stringify({ data: [{ id: 'a/b' }] }), {
				status: 200,
				headers: { 'X-Playground-Fetched-At': '1700000000000' },
			})) as typeof fetch;
		expect(await fetchModels('https://x/api/v1', fake)).toEqual({
			ok: false,
			message: 'The model list could not be fetched (offline?)',
			saved: { fetchedAt: 1700000000000, data: [{ id: 'a/b' }] },
		});
	});
});

describe('fetchEndpoints', () => {
	it('asks GET /models/{author}/{slug}/endpoints without a key; failures are values', async () => {
		const calls: [string, RequestInit | undefined][] = [];
		const fake = (async (url: string, init?: RequestInit) => {
			calls.push([url, init]);
			return new Response(JSON.stringify({ data: { endpoints: [] } }), { status: 200 });
		}) as typeof fetch;
		const ok = await fetchEndpoints('https://x/api/v1', 'meta-llama/llama-3.3-70b:free', fake);
		expect(ok).toEqual({ ok: true, body: { data: { endpoints: [] } }, savedAt: null });
		expect(calls[0]?.[0]).toBe('https://x/api/v1/models/meta-llama/llama-3.3-70b%3Afree/endpoints');
		expect(new Headers(calls[0]?.[1]?.headers).has('authorization')).toBe(false);
		const down = await fetchEndpoints('https://x/api/v1', 'a/b', (async () => {
			throw new TypeError('Failed to fetch');
		}) as typeof fetch);
		expect(down).toEqual({
			ok: false,
			message: 'The providers of a/b could not be loaded (offline?)',
		});
		const missing = await fetchEndpoints(
			'https://x/api/v1',
			'a/b',
			(async () => new Response('{}', { status: 404 })) as typeof fetch,
		);
		expect(!missing.ok && missing.message).toMatch(/404/);
	});
});
