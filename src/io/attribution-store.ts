import { jsonRecord, safeLocalStorage } from './browser-storage';
import { readAttribution, type AttributionV1 } from '../core/attribution';

/** The attribution headers' settings, kept on this device. */
export function createAttributionStore(storage: Storage | null = safeLocalStorage()) {
	const record = jsonRecord(storage, 'openrouter-playground:attribution');
	return {
		load: (): AttributionV1 | null => readAttribution(record.read()),
		save: (value: AttributionV1): void => record.write(value),
	};
}
