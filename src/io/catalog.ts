import { idbTimeout } from './browser-storage';
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { isCatalogRecord, type CatalogRecordV1 } from '../core/models/catalog';

const RECORD_KEY = 'models';

export type FetchModelsResult =
	| { ok: true; data: unknown[] }
	| { ok: false; message: string; saved?: { fetchedAt: number; data: unknown[] } };

/** Set by our service worker on the copy it serves when the network failed (io/service-worker). */
const FETCHED_AT = 'X-Playground-Fetched-At';
const OFFLINE = 'The model list could not be fetched (offline?)';

/**
 * GET /models: no key needed (docs/openrouter-protocol.md#models), so none is sent.
 * `output_modalities=all` so image and audio models are listed too (the default is text only).
 */
export async function fetchModels(
	apiBaseUrl: string,
	fetchFn: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<FetchModelsResult> {
	try {
		const res = await fetchFn(`${apiBaseUrl}/models?output_modalities=all`, {
			credentials: 'omit',
			referrerPolicy: 'no-referrer',
		});
		if (!res.ok) return { ok: false, message: `The model list answered ${res.status}` };
		const body = (await res.json()) as { data?: unknown };
		if (!Array.isArray(body.data)) return { ok: false, message: 'The model list was unreadable' };
		const savedAt = Number(res.headers.get(FETCHED_AT));
		// A stamped answer is the worker's saved copy: the network failed, say so with its age.
		if (savedAt > 0)
			return { ok: false, message: OFFLINE, saved: { fetchedAt: savedAt, data: body.data } };
		return { ok: true, data: body.data };
	} catch {
		return { ok: false, message: OFFLINE };
	}
}

export type FetchEndpointsResult =
	{ ok: true; body: unknown; savedAt: number | null } | { ok: false; message: string };

/**
 * GET /models/{author}/{slug}/endpoints (docs/openrouter-protocol.md#model-endpoints), keyless like the list (so the service
 * worker may keep a copy for offline use; latency and throughput then come back null).
 * A failure is a value with a message; nothing is thrown.
 */
export async function fetchEndpoints(
	apiBaseUrl: string,
	modelId: string,
	fetchFn: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<FetchEndpointsResult> {
	const path = modelId.split('/').map(encodeURIComponent).join('/');
	const failed = `The providers of ${modelId} could not be loaded`;
	try {
		const res = await fetchFn(`${apiBaseUrl}/models/${path}/endpoints`, {
			credentials: 'omit',
			referrerPolicy: 'no-referrer',
		});
		if (res.status === 404)
			return { ok: false, message: `${modelId} has no endpoints listed (404)` };
		if (!res.ok) return { ok: false, message: `${failed}: the API answered ${res.status}` };
		const body = (await res.json()) as unknown;
		const savedAt = Number(res.headers.get(FETCHED_AT));
		return { ok: true, body, savedAt: savedAt > 0 ? savedAt : null };
	} catch {
		return { ok: false, message: `${failed} (offline?)` };
	}
}

/** The last fetched catalog, with its fetch time, so the picker works offline. */
export function createCatalogStore(
	store: () => UseStore = () => createStore('openrouter-playground-catalog', 'catalog'),
) {
	let db: UseStore | null = null;
	const open = () => (db ??= store());
	return {
		async load(): Promise<CatalogRecordV1 | null> {
			try {
				const stored = await idbTimeout(get<unknown>(RECORD_KEY, open()));
				return isCatalogRecord(stored) ? stored : null;
			} catch {
				return null;
			}
		},
		async save(record: CatalogRecordV1): Promise<boolean> {
			try {
				await idbTimeout(set(RECORD_KEY, record, open()));
				return true;
			} catch {
				return false; // Not cached: the list still works until the page closes.
			}
		},
	};
}
