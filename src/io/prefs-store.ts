import { safeLocalStorage } from './browser-storage';
import { isStoredBaseUrl, type StoredBaseUrlV1 } from '../core/api-origin';
import {
	DEFAULT_SNIPPET_PREFS,
	readSnippetPrefs,
	type SnippetPrefs,
	type StoredSnippetPrefsV1,
} from '../core/codegen/prefs';

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

const SNIPPETS_KEY = 'openrouter-playground:snippets';

/** The Code panel's tab and elide choice. Nothing secret: the key never reaches a snippet. */
export function createSnippetPrefsStore(storage: Storage | null = safeLocalStorage()) {
	return {
		load(): SnippetPrefs {
			try {
				return readSnippetPrefs(JSON.parse(storage?.getItem(SNIPPETS_KEY) ?? 'null'));
			} catch {
				return DEFAULT_SNIPPET_PREFS;
			}
		},
		save(prefs: SnippetPrefs): void {
			try {
				storage?.setItem(
					SNIPPETS_KEY,
					JSON.stringify({ v: 1, ...prefs } satisfies StoredSnippetPrefsV1),
				);
			} catch {
				// Storage refused: the choice lasts for this page.
			}
		},
	};
}

const TOOL_RESULTS_KEY = 'openrouter-playground:tool-results';

/** Tool results typed before (core/tools/saved-results.ts reads and versions them). */
export function createToolResultsStore(storage: Storage | null = safeLocalStorage()) {
	return {
		load(): unknown {
			try {
				return JSON.parse(storage?.getItem(TOOL_RESULTS_KEY) ?? 'null');
			} catch {
				return null;
			}
		},
		save(value: unknown): void {
			try {
				storage?.setItem(TOOL_RESULTS_KEY, JSON.stringify(value));
			} catch {
				// Storage refused or full: the results are still offered in this page.
			}
		},
	};
}
