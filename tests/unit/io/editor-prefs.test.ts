import { describe, expect, it } from 'vitest';
import { createEditorPrefs } from '../../../src/io/editor-prefs';
import { MemoryStorage } from '../helpers/storage';

describe('editor preference', () => {
	it('defaults to idle loading, or to the build default', () => {
		expect(createEditorPrefs(new MemoryStorage(), undefined).load()).toBe('auto');
		expect(createEditorPrefs(new MemoryStorage(), 'focus').load()).toBe('focus');
		expect(createEditorPrefs(new MemoryStorage(), 'nonsense').load()).toBe('auto');
	});

	it('stores a versioned record and reads it back', () => {
		const storage = new MemoryStorage();
		createEditorPrefs(storage).save('plain');
		expect(JSON.parse(storage.getItem('openrouter-playground:editor') ?? '')).toEqual({
			v: 1,
			mode: 'plain',
		});
		expect(createEditorPrefs(storage, 'focus').load()).toBe('plain');
	});

	it('ignores unreadable records', () => {
		const storage = new MemoryStorage();
		storage.setItem('openrouter-playground:editor', '{"v":2,"mode":"plain"}');
		expect(createEditorPrefs(storage, 'focus').load()).toBe('focus');
		storage.setItem('openrouter-playground:editor', 'not json');
		expect(createEditorPrefs(storage).load()).toBe('auto');
	});
});
