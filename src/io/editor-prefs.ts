import { safeLocalStorage } from './browser-storage';
import {
	isEditorMode,
	readStoredEditorPrefs,
	type EditorChoice,
	type StoredEditorPrefsV2,
} from '../core/editor-mode';

const KEY = 'openrouter-playground:editor';

/**
 * The editor choices in localStorage. The build may change the default mode (`VITE_EDITOR_MODE`):
 * the browser tests build with "focus", so Monaco arrives only in tests that click into the editor.
 */
export function createEditorPrefs(
	storage: Storage | null = safeLocalStorage(),
	buildDefault: unknown = import.meta.env.VITE_EDITOR_MODE,
) {
	const fallback: EditorChoice = {
		mode: isEditorMode(buildDefault) ? buildDefault : 'auto',
		wrap: false,
	};
	return {
		load(): EditorChoice {
			try {
				return readStoredEditorPrefs(JSON.parse(storage?.getItem(KEY) ?? 'null')) ?? fallback;
			} catch {
				return fallback;
			}
		},
		save({ mode, wrap }: EditorChoice): void {
			try {
				storage?.setItem(KEY, JSON.stringify({ v: 2, mode, wrap } satisfies StoredEditorPrefsV2));
			} catch {
				// Not stored: the choice lasts for this page.
			}
		},
	};
}
