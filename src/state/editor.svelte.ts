import { getContext, setContext } from 'svelte';
import type { EditorMode } from '../core/editor-mode';

export type EditorPrefsDeps = { load(): EditorMode; save(mode: EditorMode): void };

/** The user's editor choice: Monaco when idle, Monaco on focus, or the plain text field. */
export class EditorPrefs {
	#deps: EditorPrefsDeps;
	#mode = $state<EditorMode>('auto');

	constructor(deps: EditorPrefsDeps) {
		this.#deps = deps;
		this.#mode = deps.load();
	}

	get mode(): EditorMode {
		return this.#mode;
	}

	set mode(mode: EditorMode) {
		this.#mode = mode;
		this.#deps.save(mode);
	}
}

const KEY = Symbol('editor-prefs');

export function setEditorPrefs(prefs: EditorPrefs): void {
	setContext(KEY, prefs);
}

/** Outside App (component tests), the default: rich editor when idle, nothing stored. */
export function getEditorPrefs(): EditorPrefs {
	return (
		getContext<EditorPrefs | undefined>(KEY) ??
		new EditorPrefs({ load: () => 'auto', save: () => undefined })
	);
}
