import { describe, expect, it } from 'vitest';
import { createEditorPrefs } from '../../../src/io/editor-prefs';
import { MemoryStorage } from '../helpers/storage';

const KEY = 'openrouter-playground:editor';

describe('editor preference', () => {
	it('defaults to idle loading (or the build default), lines not wrapped', () => {
		expect(createEditorPrefs(new MemoryStorage(), undefined).load()).toEqual({
			mode: 'auto',
			wrap: false,
		});
		expect(createEditorPrefs(new MemoryStorage(), 'focus').load().mode).toBe('focus');
		expect(createEditorPrefs(new MemoryStorage(), 'nonsense').load().mode).toBe('auto');
	});

	it('stores a versioned record and reads it back', () => {
		const storage = new MemoryStorage();
		createEditorPrefs(storage).save({ mode: 'plain', wrap: true });
		expect(JSON.parse(storage.getItem(KEY) ?? '')).toEqual({ v: 2, mode: 'plain', wrap: true });
		expect(createEditorPrefs(storage, 'focus').load()).toEqual({ mode: 'plain', wrap: true });
	});

	it('reads version 1 records (no wrap then)', () => {
		const storage = new MemoryStorage();
		storage.setItem(KEY, '{"v":1,"mode":"plain"}');
		expect(createEditorPrefs(storage, 'focus').load()).toEqual({ mode: 'plain', wrap: false });
	});

	it('ignores unreadable records', () => {
		const storage = new MemoryStorage();
		for (const bad of ['{"v":3,"mode":"plain"}', '{"v":2,"mode":"plain"}', '{"v":1,"mode":"x"}']) {
			storage.setItem(KEY, bad);
			expect(createEditorPrefs(storage, 'focus').load()).toEqual({ mode: 'focus', wrap: false });
		}
		storage.setItem(KEY, 'not json');
		expect(createEditorPrefs(storage).load().mode).toBe('auto');
	});
});
