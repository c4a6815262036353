import { isStoredBaseUrl, type StoredBaseUrlV1 } from '../core/api-origin';

const BASE_URL_KEY = 'openrouter-playground:base-url';

/** The confirmed run-time base URL. Only Settings writes it; nothing reads it from a URL. */
export function createBaseUrlStore(storage: Storage | null = safeLocalStorage()) {
	return {
		load(): string | null {
			try {
				const parsed: unknown = JSON.parse(storage?.getItem(BASE_URL_KEY) ?? 'null');
				return isStoredBaseUrl(parsed) ? parsed.baseUrl : null;
			} catch {
				return null;
			}
		},
		save(baseUrl: string | null): void {
			try {
				if (baseUrl === null) storage?.removeItem(BASE_URL_KEY);
				else
					storage?.setItem(
						BASE_URL_KEY,
						JSON.stringify({ v: 1, baseUrl } satisfies StoredBaseUrlV1),
					);
			} catch {
				// Storage refused: the choice lasts for this page only, which is the safe direction.
			}
		},
	};
}

function safeLocalStorage(): Storage | null {
	try {
		return globalThis.localStorage;
	} catch {
		return null;
	}
}
