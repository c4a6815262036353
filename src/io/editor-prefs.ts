import { safeLocalStorage } from './browser-storage';
import {
	isEditorMode,
	readStoredEditorMode,
	type EditorMode,
	type StoredEditorModeV1,
} from '../core/editor-mode';

const KEY = 'openrouter-playground:editor';

/**
 * The editor choice in localStorage. The build may change the default (`VITE_EDITOR_MODE`): the
 * browser tests build with "focus", so Monaco arrives only in tests that click into the editor.
 */
export function createEditorPrefs(
	storage: Storage | null = safeLocalStorage(),
	buildDefault: unknown = import.meta.env.VITE_EDITOR_MODE,
) {
	const fallback: EditorMode = isEditorMode(buildDefault) ? buildDefault : 'auto';
	return {
		load(): EditorMode {
			try {
				return readStoredEditorMode(JSON.parse(storage?.getItem(KEY) ?? 'null')) ?? fallback;
			} catch {
				return fallback;
			}
		},
		save(mode: EditorMode): void {
			try {
				storage?.setItem(KEY, JSON.stringify({ v: 1, mode } satisfies StoredEditorModeV1));
			} catch {
				// Not stored: the choice lasts for this page.
			}
		},
	};
}
