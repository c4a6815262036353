/** The colour theme a user can choose in Settings. A closed set: the UI offers exactly these. */
export const THEMES = [
	{ id: 'system', label: 'System' },
	{ id: 'light', label: 'Light' },
	{ id: 'dark', label: 'Dark' },
] as const;
export type ThemeId = (typeof THEMES)[number]['id'];

/** Implemented by `io/theme-store.ts`: saving also applies the theme to the page. */
export type ThemeStore = { load(): ThemeId; save(theme: ThemeId): void };

export type StoredThemeV1 = { v: 1; theme: ThemeId };

export const isThemeId = (value: unknown): value is ThemeId => THEMES.some((t) => t.id === value);

/** Stored data → a theme; anything unreadable (old, foreign, hand-edited) → the system's. */
export function readTheme(value: unknown): ThemeId {
	if (typeof value !== 'object' || value === null) return 'system';
	const record = value as Record<string, unknown>;
	return record.v === 1 && isThemeId(record.theme) ? record.theme : 'system';
}
