import { jsonRecord, safeLocalStorage } from './browser-storage';
import {
	isEditorMode,
	readStoredEditorMode,
	type EditorMode,
	type StoredEditorModeV1,
} from '../core/editor-mode';

/**
 * The editor choice in localStorage. The build may change the default (`VITE_EDITOR_MODE`): the
 * browser tests build with "focus", so Monaco arrives only in tests that click into the editor.
 */
export function createEditorPrefs(
	storage: Storage | null = safeLocalStorage(),
	buildDefault: unknown = import.meta.env.VITE_EDITOR_MODE,
) {
	const fallback: EditorMode = isEditorMode(buildDefault) ? buildDefault : 'auto';
	const record = jsonRecord(storage, 'openrouter-playground:editor');
	return {
		load: (): EditorMode => readStoredEditorMode(record.read()) ?? fallback,
		save(mode: EditorMode): void {
			record.write({ v: 1, mode } satisfies StoredEditorModeV1);
		},
	};
}
