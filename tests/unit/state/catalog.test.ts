import { describe, expect, it } from 'vitest';
import type { CatalogRecordV1 } from '../../../src/core/models/catalog';
import { readEndpoints } from '../../../src/core/models/endpoints';
import { Catalog, FRESH_MS } from '../../../src/state/catalog.svelte';

const model = (id: string) => ({
	id,
	name: id,
	pricing: { prompt: '0.000001', completion: '0' },
	supported_parameters: ['seed'],
});

function setup(cached: CatalogRecordV1 | null, online: boolean, clock = { t: 10 * FRESH_MS }) {
	const saved: CatalogRecordV1[] = [];
	let fetches = 0;
	const catalog = new Catalog({
		fetchModels: async () => {
			fetches++;
			return online
				? { ok: true, data: [model('fresh/one'), model('fresh/two')] }
				: { ok: false, message: 'The model list could not be fetched (offline?)' };
		},
		loadCached: async () => cached,
		saveCached: async (record) => (saved.push(record), true),
		now: () => clock.t,
	});
	return { catalog, saved, fetches: () => fetches };
}

describe('the catalog', () => {
	it('fetches when nothing is cached, and caches what it got with the time', async () => {
		const { catalog, saved } = setup(null, true);
		await catalog.load();
		expect(catalog.models.map((m) => m.id)).toEqual(['fresh/one', 'fresh/two']);
		expect(saved).toEqual([{ v: 1, fetchedAt: 10 * FRESH_MS, data: expect.any(Array) }]);
		expect(catalog.find('fresh/two:nitro')?.id).toBe('fresh/two');
	});

	it('offline, the cached list is used and the reason is given', async () => {
		const cached: CatalogRecordV1 = { v: 1, fetchedAt: 1, data: [model('old/one')] };
		const { catalog } = setup(cached, false);
		await catalog.load();
		expect(catalog.models.map((m) => m.id)).toEqual(['old/one']);
		expect(catalog.fetchedAt).toBe(1);
		expect(catalog.error).toMatch(/offline/);
	});

	it('offline with a newer copy from the service worker, that copy is used with its own time', async () => {
		const cached: CatalogRecordV1 = { v: 1, fetchedAt: 1, data: [model('old/one')] };
		const catalog = new Catalog({
			fetchModels: async () => ({
				ok: false,
				message: 'The model list could not be fetched (offline?)',
				saved: { fetchedAt: 5, data: [model('saved/one')] },
			}),
			loadCached: async () => cached,
			saveCached: async () => true,
			now: () => 10 * FRESH_MS,
		});
		await catalog.load();
		expect(catalog.models.map((m) => m.id)).toEqual(['saved/one']);
		expect(catalog.fetchedAt).toBe(5);
		expect(catalog.error).toMatch(/offline/);
	});

	it('a fresh cache is used without the network; force asks anyway', async () => {
		const clock = { t: 10 * FRESH_MS };
		const cached: CatalogRecordV1 = {
			v: 1,
			fetchedAt: clock.t - FRESH_MS / 2,
			data: [model('cached/one')],
		};
		const { catalog, fetches } = setup(cached, true, clock);
		await catalog.load();
		expect(fetches()).toBe(0);
		expect(catalog.models.map((m) => m.id)).toEqual(['cached/one']);
		await catalog.load(true);
		expect(fetches()).toBe(1);
		expect(catalog.models.map((m) => m.id)).toEqual(['fresh/one', 'fresh/two']);
	});

	it('Compare and the bill read the same list, and calls at once share one fetch', async () => {
		const { catalog, fetches } = setup(null, true);
		const [params, prices] = await Promise.all([
			catalog.supportedParameters(),
			catalog.priceList(),
		]);
		expect(fetches()).toBe(1);
		expect(params).toEqual(
			new Map([
				['fresh/one', ['seed']],
				['fresh/two', ['seed']],
			]),
		);
		expect(prices).toMatchObject({ ok: true, fetchedAt: null });
		expect(prices.ok && prices.models.map((m) => m.id)).toEqual(['fresh/one', 'fresh/two']);
	});

	it('offline, the bill is priced from the saved list and says when it was fetched', async () => {
		const cached: CatalogRecordV1 = { v: 1, fetchedAt: 1, data: [model('old/one')] };
		const { catalog } = setup(cached, false);
		expect(await catalog.priceList()).toMatchObject({ ok: true, fetchedAt: 1 });
		const empty = setup(null, false).catalog;
		expect(await empty.priceList()).toEqual({
			ok: false,
			message: expect.stringMatching(/offline/),
		});
		expect(await empty.supportedParameters()).toBeNull();
	});
});

describe("a model's endpoints", () => {
	it('are fetched once per model and kept; a failure is said and asked again next time', async () => {
		const asked: string[] = [];
		let up = false;
		const catalog = new Catalog({
			fetchModels: async () => ({ ok: true, data: [] }),
			loadCached: async () => null,
			saveCached: async () => true,
			fetchEndpoints: async (id) => {
				asked.push(id);
				return up
					? {
							ok: true,
							body: { data: { endpoints: [{ provider_name: 'Groq', tag: 'groq' }] } },
							savedAt: null,
						}
					: { ok: false, message: `The providers of ${id} could not be loaded (offline?)` };
			},
		});
		expect(await catalog.endpoints('a/b')).toEqual({
			ok: false,
			message: 'The providers of a/b could not be loaded (offline?)',
		});
		up = true;
		const first = await catalog.endpoints('a/b');
		expect(first.ok && readEndpoints(first.body).map((e) => e.tag)).toEqual(['groq']);
		await catalog.endpoints('a/b');
		await catalog.endpoints('c/d');
		expect(asked).toEqual(['a/b', 'a/b', 'c/d']);
	});
});
