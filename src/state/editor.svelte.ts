import type { EditorChoice, EditorMode } from '../core/editor-mode';

export type EditorPrefsDeps = { load(): EditorChoice; save(choice: EditorChoice): void };

/** The user's editor choices: Monaco when idle, on focus, or the plain field; long lines wrapped. */
export class EditorPrefs {
	#deps: EditorPrefsDeps;
	#mode = $state<EditorMode>('auto');
	#wrap = $state(false);

	constructor(deps: EditorPrefsDeps) {
		this.#deps = deps;
		const { mode, wrap } = deps.load();
		this.#mode = mode;
		this.#wrap = wrap;
	}

	get mode(): EditorMode {
		return this.#mode;
	}

	set mode(mode: EditorMode) {
		this.#mode = mode;
		this.#save();
	}

	get wrap(): boolean {
		return this.#wrap;
	}

	toggleWrap(): void {
		this.#wrap = !this.#wrap;
		this.#save();
	}

	#save() {
		this.#deps.save({ mode: this.#mode, wrap: this.#wrap });
	}
}
