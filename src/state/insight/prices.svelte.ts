import type { ModelPricing } from '../../core/billing/bill';
import type { PriceEntry, PriceList } from '../../core/billing/price-list';

/** The model list's prices, loaded once when a bill is first opened (and again after a failure). */
export class Prices {
	#load: () => Promise<PriceList>;
	#pending: Promise<void> | null = null;
	#models = $state.raw<PriceEntry[] | null>(null);
	get models(): PriceEntry[] | null {
		return this.#models;
	}
	/** When the cached list was fetched (offline), null when it is fresh. */
	#fetchedAt = $state<number | null>(null);
	get fetchedAt(): number | null {
		return this.#fetchedAt;
	}
	#problem = $state<string | null>(null);
	get problem(): string | null {
		return this.#problem;
	}

	/** `load` gives the model list's prices (the catalog's one GET /models). */
	constructor(load: () => Promise<PriceList>) {
		this.#load = load;
	}

	load(): Promise<void> {
		if (this.#models) return Promise.resolve();
		this.#pending ??= this.#load().then((list) => {
			this.#pending = null;
			if (list.ok) {
				this.#models = list.models;
				this.#fetchedAt = list.fetchedAt;
				this.#problem = null;
			} else this.#problem = list.message;
		});
		return this.#pending;
	}

	/** The pricing of the first id that names a listed model (its id or its dated canonical slug). */
	pricingFor(...ids: (string | null | undefined)[]): ModelPricing | null {
		for (const id of ids) {
			const found = id && this.#models?.find((m) => m.id === id || m.canonical === id);
			if (found) return found.pricing;
		}
		return null;
	}
}
