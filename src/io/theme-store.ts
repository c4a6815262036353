import { jsonRecord, safeLocalStorage } from './browser-storage';
import { readTheme, type StoredThemeV1, type ThemeId, type ThemeStore } from '../core/theme';

/**
 * The chosen theme, kept on this device and shown as `data-theme` on <html> (global.css reads it;
 * without it the system's theme applies). index.html's inline script applies the stored one before
 * the first paint; it reads the record as `readTheme` does (tests/unit/index-html.test.ts).
 */
export function createThemeStore(
	storage: Storage | null = safeLocalStorage(),
	root: HTMLElement | null = globalThis.document?.documentElement ?? null,
): ThemeStore & { apply(theme: ThemeId): void } {
	const apply = (theme: ThemeId) => {
		if (!root) return;
		if (theme === 'system') delete root.dataset.theme;
		else root.dataset.theme = theme;
	};
	const record = jsonRecord(storage, 'openrouter-playground:theme');
	return {
		load: (): ThemeId => readTheme(record.read()),
		apply,
		save(theme: ThemeId): void {
			apply(theme);
			// A refused write: the theme holds for this page.
			record.write(theme === 'system' ? null : ({ v: 1, theme } satisfies StoredThemeV1));
		},
	};
}
