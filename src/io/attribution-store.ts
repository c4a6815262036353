import { safeLocalStorage } from './browser-storage';
import { readAttribution, type AttributionV1 } from '../core/attribution';

const KEY = 'openrouter-playground:attribution';

export function createAttributionStore(storage: Storage | null = safeLocalStorage()) {
	return {
		load(): AttributionV1 | null {
			try {
				return readAttribution(JSON.parse(storage?.getItem(KEY) ?? 'null'));
			} catch {
				return null;
			}
		},
		save(value: AttributionV1): void {
			try {
				storage?.setItem(KEY, JSON.stringify(value));
			} catch {
				// Not stored: the choice lasts for this page.
			}
		},
	};
}
