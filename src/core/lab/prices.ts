/**
 * The catalog's prices (core/billing/price-list.ts: strings of USD per token) as the grid estimate
 * reads them. A price that is not a finite, non-negative number is left out: the estimate then
 * says "unknown" rather than $0.
 */
import type { PriceList as CatalogPrices } from '../billing/price-list';
import type { PriceList, TokenPrices } from './estimate';

const usd = (v: unknown): number | null => {
	const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
	return Number.isFinite(n) && n >= 0 ? n : null;
};

export function labPrices(catalog: CatalogPrices): PriceList {
	const prices = new Map<string, TokenPrices>();
	if (!catalog.ok) return prices;
	for (const { id, canonical, pricing } of catalog.models) {
		const prompt = usd(pricing.prompt);
		const completion = usd(pricing.completion);
		if (prompt === null || completion === null) continue;
		prices.set(id, { prompt, completion });
		if (canonical && !prices.has(canonical)) prices.set(canonical, { prompt, completion });
	}
	return prices;
}
