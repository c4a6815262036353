import { jsonRecord, safeLocalStorage } from './browser-storage';
import {
	isEditorMode,
	readStoredEditorPrefs,
	type EditorChoice,
	type StoredEditorPrefsV2,
} from '../core/editor-mode';

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
	const record = jsonRecord(storage, 'openrouter-playground:editor');
	return {
		load: (): EditorChoice => readStoredEditorPrefs(record.read()) ?? fallback,
		save({ mode, wrap }: EditorChoice): void {
			record.write({ v: 2, mode, wrap } satisfies StoredEditorPrefsV2);
		},
	};
}
