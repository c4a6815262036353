import {
	readSavedResults,
	rememberResults,
	storedResults,
	type ResultsByTool,
	type SavedToolResultsV1,
} from '../core/tools/saved-results';

export type ToolResultsStore = { load(): unknown; save(value: SavedToolResultsV1): void };

/** The tool results typed before, offered again when the same tool is called. */
export class SavedToolResults {
	#store: ToolResultsStore;
	#saved = $state.raw<ResultsByTool>(readSavedResults(null));

	constructor(store: ToolResultsStore) {
		this.#store = store;
		this.#saved = readSavedResults(store.load());
	}

	forTool(name: string): readonly string[] {
		return this.#saved.get(name) ?? [];
	}

	remember(used: readonly { name: string; result: string }[]): void {
		this.#saved = rememberResults(this.#saved, used);
		this.#store.save(storedResults(this.#saved));
	}
}
