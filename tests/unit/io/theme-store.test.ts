import { describe, expect, it } from 'vitest';
import { readTheme } from '../../../src/core/theme';
import { createThemeStore } from '../../../src/io/theme-store';
import { MemoryStorage } from '../helpers/storage';

/** Just what the store touches of <html>: its dataset. */
const fakeRoot = () => ({ dataset: {} as DOMStringMap }) as HTMLElement;

describe('readTheme', () => {
	it.each([
		[{ v: 1, theme: 'dark' }, 'dark'],
		[{ v: 1, theme: 'light' }, 'light'],
		[{ v: 1, theme: 'system' }, 'system'],
		[{ v: 2, theme: 'dark' }, 'system'],
		[{ v: 1, theme: 'sepia' }, 'system'],
		['dark', 'system'],
		[null, 'system'],
	])('%j → %s', (stored, theme) => {
		expect(readTheme(stored)).toBe(theme);
	});
});

describe('theme store', () => {
	it('keeps a chosen theme as a versioned record and shows it on <html>', () => {
		const storage = new MemoryStorage();
		const root = fakeRoot();
		createThemeStore(storage, root).save('dark');
		expect(root.dataset.theme).toBe('dark');
		expect(JSON.parse(storage.getItem('openrouter-playground:theme') ?? '')).toEqual({
			v: 1,
			theme: 'dark',
		});
		// A reload: a new page reads it back and applies it before anything renders.
		const reloaded = fakeRoot();
		const store = createThemeStore(storage, reloaded);
		store.apply(store.load());
		expect(reloaded.dataset.theme).toBe('dark');
	});

	it('the system theme removes the choice and the attribute', () => {
		const storage = new MemoryStorage();
		const root = fakeRoot();
		const store = createThemeStore(storage, root);
		store.save('light');
		store.save('system');
		expect(root.dataset.theme).toBeUndefined();
		expect(storage.getItem('openrouter-playground:theme')).toBeNull();
		expect(store.load()).toBe('system');
	});

	it('reads unreadable storage as the system theme and still applies a choice it cannot keep', () => {
		const storage = new MemoryStorage();
		storage.setItem('openrouter-playground:theme', '{not json');
		expect(createThemeStore(storage).load()).toBe('system');
		const root = fakeRoot();
		createThemeStore(null, root).save('dark');
		expect(root.dataset.theme).toBe('dark');
	});
});
