import { isTargetId, type TargetId } from './target-ids';

/** The Code panel's choices, remembered on this device. */
export type SnippetPrefs = { target: TargetId; elide: boolean };
export type StoredSnippetPrefsV1 = { v: 1 } & SnippetPrefs;

export const DEFAULT_SNIPPET_PREFS: SnippetPrefs = { target: 'curl', elide: false };

/** Stored data → prefs; anything unreadable (old, foreign, a removed target) → the defaults. */
export function readSnippetPrefs(value: unknown): SnippetPrefs {
	if (typeof value !== 'object' || value === null) return DEFAULT_SNIPPET_PREFS;
	const record = value as Record<string, unknown>;
	if (record.v !== 1) return DEFAULT_SNIPPET_PREFS;
	return {
		target: isTargetId(record.target) ? record.target : DEFAULT_SNIPPET_PREFS.target,
		elide: record.elide === true,
	};
}
