/**
 * index.html's inline script applies the stored theme before the first paint. It cannot import
 * the app's code, so it is checked here against the theme store's own reading of each record.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlineScripts } from '../../src/core/security/csp';
import { createThemeStore } from '../../src/io/theme-store';

const page = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
const [script = ''] = inlineScripts(page);

/** Runs the script against a storage holding `stored` under the theme's key: the theme it set. */
function runScript(stored: string | null, storage: 'ok' | 'blocked' = 'ok'): string | undefined {
	const root = { dataset: {} as Record<string, string> };
	const localStorage = {
		getItem(key: string) {
			if (storage === 'blocked') throw new DOMException('denied', 'SecurityError');
			return key === 'openrouter-playground:theme' ? stored : null;
		},
	};
	new Function('localStorage', 'document', script)(localStorage, { documentElement: root });
	return root.dataset.theme;
}

/** What the app's theme store reads from the same record (undefined: the system's). */
function storeReads(stored: string | null): string | undefined {
	const storage = { getItem: () => stored } as unknown as Storage;
	const theme = createThemeStore(storage, null).load();
	return theme === 'system' ? undefined : theme;
}

describe("index.html's theme script", () => {
	const records = [
		null,
		JSON.stringify({ v: 1, theme: 'dark' }),
		JSON.stringify({ v: 1, theme: 'light' }),
		JSON.stringify({ v: 1, theme: 'system' }),
		JSON.stringify({ v: 2, theme: 'dark' }),
		JSON.stringify({ v: 1, theme: 'sepia' }),
		JSON.stringify({ v: 1, theme: '"><img src=x>' }),
		JSON.stringify('dark'),
		JSON.stringify(['dark']),
		'{"v":1,"theme":"dark"',
		'',
		'null',
	];

	it.each(records.map((r) => [r]))('reads %s as the theme store does', (stored) => {
		expect(runScript(stored)).toBe(storeReads(stored));
	});

	it('sets the chosen theme, and nothing when storage is blocked', () => {
		expect(runScript(JSON.stringify({ v: 1, theme: 'dark' }))).toBe('dark');
		expect(runScript(JSON.stringify({ v: 1, theme: 'dark' }), 'blocked')).toBeUndefined();
	});

	it('is the only inline script of the page', () => {
		expect(inlineScripts(page)).toHaveLength(1);
	});
});
