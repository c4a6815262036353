/**
 * The model list's prices (GET /models, keyless, §7.1), for the bill. Never sends the key. The
 * service worker keeps the last list for offline use and stamps it with its fetch time.
 */
import { readPriceList, type PriceList } from '../core/billing/price-list';

/**
 * `FETCHED_AT_HEADER` of core/offline/cache-policy, repeated: importing that module here would make
 * the build share it between the app and sw.js, which must stay one self-contained script.
 */
export const FETCHED_AT = 'X-Playground-Fetched-At';

export async function fetchPriceList(
	baseUrl: string,
	fetchImpl: typeof fetch = globalThis.fetch,
): Promise<PriceList> {
	try {
		const res = await fetchImpl(`${baseUrl.replace(/\/+$/, '')}/models`);
		if (!res.ok) return { ok: false, message: `The model list answered ${res.status}` };
		const stamp = Number(res.headers.get(FETCHED_AT));
		return {
			ok: true,
			models: readPriceList(await res.json()),
			fetchedAt: Number.isFinite(stamp) && stamp > 0 ? stamp : null,
		};
	} catch (error) {
		return {
			ok: false,
			message: `The model list could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
		};
	}
}
