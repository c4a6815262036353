import { jsonRecord, safeLocalStorage } from './browser-storage';
import { isStoredBaseUrl, type StoredBaseUrlV1 } from '../core/api-origin';
import {
	readSnippetPrefs,
	type SnippetPrefs,
	type StoredSnippetPrefsV1,
} from '../core/codegen/prefs';

/** The confirmed run-time base URL. Only Settings writes it; nothing reads it from a URL. */
export function createBaseUrlStore(storage: Storage | null = safeLocalStorage()) {
	// A refused write leaves the choice for this page only, which is the safe direction.
	const record = jsonRecord(storage, 'openrouter-playground:base-url');
	return {
		load(): string | null {
			const parsed = record.read();
			return isStoredBaseUrl(parsed) ? parsed.baseUrl : null;
		},
		save(baseUrl: string | null): void {
			record.write(baseUrl === null ? null : ({ v: 1, baseUrl } satisfies StoredBaseUrlV1));
		},
	};
}

/** The Code panel's tab and elide choice. Nothing secret: the key never reaches a snippet. */
export function createSnippetPrefsStore(storage: Storage | null = safeLocalStorage()) {
	const record = jsonRecord(storage, 'openrouter-playground:snippets');
	return {
		load: (): SnippetPrefs => readSnippetPrefs(record.read()),
		save(prefs: SnippetPrefs): void {
			record.write({ v: 1, ...prefs } satisfies StoredSnippetPrefsV1);
		},
	};
}

/** Tool results typed before (core/tools/saved-results.ts reads and versions them). */
export function createToolResultsStore(storage: Storage | null = safeLocalStorage()) {
	const record = jsonRecord(storage, 'openrouter-playground:tool-results');
	return { load: (): unknown => record.read(), save: (value: unknown) => record.write(value) };
}
