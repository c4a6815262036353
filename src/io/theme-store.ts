import { readTheme, type StoredThemeV1, type ThemeId, type ThemeStore } from '../core/theme';

const THEME_KEY = 'openrouter-playground:theme';

function safeLocalStorage(): Storage | null {
	try {
		return globalThis.localStorage;
	} catch {
		return null;
	}
}

/**
 * The chosen theme, kept on this device and shown as `data-theme` on <html> (global.css reads it;
 * without it the system's theme applies). main.ts applies the stored one before the first render,
 * since the CSP allows no inline script in the page's head.
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
	return {
		load(): ThemeId {
			try {
				return readTheme(JSON.parse(storage?.getItem(THEME_KEY) ?? 'null'));
			} catch {
				return 'system';
			}
		},
		apply,
		save(theme: ThemeId): void {
			apply(theme);
			try {
				if (theme === 'system') storage?.removeItem(THEME_KEY);
				else storage?.setItem(THEME_KEY, JSON.stringify({ v: 1, theme } satisfies StoredThemeV1));
			} catch {
				// Storage refused: the theme holds for this page.
			}
		},
	};
}
