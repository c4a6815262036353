import {
	clipForDisplay,
	elideInlineData,
	hasInlineData,
	type Clipped,
	type Elided,
} from '../core/codegen/elide';
import { highlight, type Token } from '../core/codegen/highlight';
import { DEFAULT_SNIPPET_PREFS, type SnippetPrefs } from '../core/codegen/prefs';
import { TARGETS, type Target, type TargetId } from '../core/codegen/targets';
import type { Playground } from './playground.svelte';
import type { Settings } from './settings.svelte';

export type SnippetPrefsStore = { load(): SnippetPrefs; save(prefs: SnippetPrefs): void };

export type SnippetsDeps = {
	playground: Playground;
	settings: Settings;
	prefs?: SnippetPrefsStore;
};

/**
 * The Code panel: which target is shown and the code for it, derived from the same normalised body
 * that Send posts, with the attribution headers Send adds. The key is never an input here.
 */
export class Snippets {
	#playground: Playground;
	#settings: Settings;
	#prefs: SnippetPrefsStore | undefined;

	#target = $state<TargetId>(DEFAULT_SNIPPET_PREFS.target);
	get target(): TargetId {
		return this.#target;
	}
	/** Show long base64 data shortened. Display only: Copy and Download take the full code. */
	#elide = $state(DEFAULT_SNIPPET_PREFS.elide);
	get elide() {
		return this.#elide;
	}

	selected: Target = $derived(TARGETS.find((t) => t.id === this.#target) ?? TARGETS[0]);
	/** The full snippet of the selected tab ('' while the request JSON is invalid): what is copied. */
	code: string = $derived(this.generate(this.#target));
	/** True while the JSON has an error: the panel keeps the last valid request's code, marked. */
	stale: boolean = $derived(this.#isStale());
	/** What the panel shows: the code, or while the JSON has an error, the last valid code. */
	source: string = $derived(this.#shownCode());
	hasInlineData: boolean = $derived(hasInlineData(this.source));
	display: Elided = $derived(
		this.#elide && this.hasInlineData
			? elideInlineData(this.source)
			: { text: this.source, runs: 0, hiddenChars: 0 },
	);
	/** What the panel lays out: the first lines of a very long snippet (a 1 MB request). */
	shown: Clipped = $derived(clipForDisplay(this.display.text));
	tokens: Token[] = $derived(highlight(this.shown.text, this.selected.language));

	constructor(deps: SnippetsDeps) {
		this.#playground = deps.playground;
		this.#settings = deps.settings;
		this.#prefs = deps.prefs;
		const prefs = deps.prefs?.load() ?? DEFAULT_SNIPPET_PREFS;
		this.#target = prefs.target;
		this.#elide = prefs.elide;
	}

	/** The code of any target for the current request. */
	generate(id: TargetId): string {
		return this.#generate(this.#playground.body, id);
	}

	#isStale(): boolean {
		const shown = this.#playground.shownBody;
		return this.#playground.body === null && shown !== null;
	}

	#shownCode(): string {
		return this.stale ? this.#generate(this.#playground.shownBody, this.#target) : this.code;
	}

	#generate(body: Record<string, unknown> | null, id: TargetId): string {
		const target = TARGETS.find((t) => t.id === id);
		if (!body || !target) return '';
		return target.generate(body, {
			baseUrl: this.#settings.apiBaseUrl,
			headers: this.#playground.headers,
		});
	}

	select(id: TargetId): void {
		this.#target = id;
		this.#save();
	}

	setElide(on: boolean): void {
		this.#elide = on;
		this.#save();
	}

	#save(): void {
		this.#prefs?.save({ target: this.#target, elide: this.#elide });
	}
}
