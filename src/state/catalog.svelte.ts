import { readPriceList, type PriceList } from '../core/billing/price-list';
import { readSupportedParameters, type SupportedParameters } from '../core/compare/catalog';
import { findModel, readModels, type CatalogRecordV1, type Model } from '../core/models/catalog';

/** The raw answer: core/models/endpoints.ts reads it in the browser's own chunk, off the first load. */
export type EndpointsResult =
	{ ok: true; body: unknown; savedAt: number | null } | { ok: false; message: string };

export type CatalogDeps = {
	fetchModels(): Promise<
		| { ok: true; data: unknown[] }
		| { ok: false; message: string; saved?: { fetchedAt: number; data: unknown[] } }
	>;
	loadCached(): Promise<CatalogRecordV1 | null>;
	saveCached(record: CatalogRecordV1): Promise<boolean>;
	fetchEndpoints?(
		modelId: string,
	): Promise<{ ok: true; body: unknown; savedAt: number | null } | { ok: false; message: string }>;
	now?: () => number;
};

/** A cached list younger than this is used without asking the network again. */
export const FRESH_MS = 60 * 60 * 1000;

/** The model catalog: the cached copy at once, then a fresh one; the cache when offline. */
export class Catalog {
	#deps: CatalogDeps;
	#data: unknown[] = [];
	#inflight: Promise<void> | null = null;
	#models = $state.raw<Model[]>([]);
	#fetchedAt = $state<number | null>(null);
	#loading = $state(false);
	#error = $state<string | null>(null);
	/** Per model id, until the page is reloaded; a failure is not kept, so asking again retries. */
	// Not reactive on purpose: a cache of promises, read by a call, never by a template.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#endpoints = new Map<string, Promise<EndpointsResult>>();

	constructor(deps: CatalogDeps) {
		this.#deps = deps;
	}

	get models(): Model[] {
		return this.#models;
	}
	get fetchedAt(): number | null {
		return this.#fetchedAt;
	}
	get loading(): boolean {
		return this.#loading;
	}
	/** Why the list is missing or old, or null. */
	get error(): string | null {
		return this.#error;
	}

	find(id: string | undefined): Model | undefined {
		return id ? findModel(this.#models, id) : undefined;
	}

	/** A model's provider endpoints (GET /models/{id}/endpoints), fetched once per page load. */
	endpoints(modelId: string): Promise<EndpointsResult> {
		const known = this.#endpoints.get(modelId);
		if (known) return known;
		const fetchEndpoints = this.#deps.fetchEndpoints;
		if (!fetchEndpoints)
			return Promise.resolve({ ok: false, message: 'Providers cannot be listed here' });
		const pending = fetchEndpoints(modelId).then((r): EndpointsResult => {
			if (!r.ok) this.#endpoints.delete(modelId);
			return r;
		});
		this.#endpoints.set(modelId, pending);
		return pending;
	}

	/** Cache first; the network when the cache is missing, old, or `force`. Calls share one load. */
	load(force = false): Promise<void> {
		this.#inflight ??= this.#load(force).finally(() => (this.#inflight = null));
		return this.#inflight;
	}

	/** Every model's `supported_parameters` (for Compare), or null without a list. */
	async supportedParameters(): Promise<SupportedParameters | null> {
		await this.load();
		return this.#data.length > 0 ? readSupportedParameters({ data: this.#data }) : null;
	}

	/** Prices for the bill; `fetchedAt` is set only when the list is an offline copy. */
	async priceList(): Promise<PriceList> {
		await this.load();
		if (this.#data.length === 0)
			return { ok: false, message: this.#error ?? 'The model list is not available' };
		const models = readPriceList({ data: this.#data });
		return { ok: true, models, fetchedAt: this.#error ? this.#fetchedAt : null };
	}

	async #load(force: boolean): Promise<void> {
		const now = this.#deps.now ?? Date.now;
		if (this.#models.length === 0) {
			const cached = await this.#deps.loadCached();
			if (cached) this.#use(cached);
		}
		if (!force && this.#fetchedAt !== null && now() - this.#fetchedAt < FRESH_MS) return;
		this.#loading = true;
		const result = await this.#deps.fetchModels();
		this.#loading = false;
		if (!result.ok) {
			this.#error = result.message;
			// An offline copy (from the service worker) helps when it is newer than what we have.
			const saved = result.saved;
			if (saved && saved.fetchedAt > (this.#fetchedAt ?? 0)) this.#use({ v: 1, ...saved });
			return;
		}
		const record: CatalogRecordV1 = { v: 1, fetchedAt: now(), data: result.data };
		this.#use(record);
		this.#error = null;
		await this.#deps.saveCached(record);
	}

	#use(record: CatalogRecordV1) {
		this.#data = record.data;
		this.#models = readModels(record.data);
		this.#fetchedAt = record.fetchedAt;
	}
}
