import { getContext, setContext } from 'svelte';
import type { CheckSchema } from '../core/schema/check';
import type { Attribution } from './attribution.svelte';
import type { Catalog } from './catalog.svelte';
import type { Compare } from './compare.svelte';
import type { Connectivity } from './connectivity.svelte';
import type { Dialogs } from './dialogs.svelte';
import type { EditorPrefs } from './editor.svelte';
import type { RunHistory } from './history.svelte';
import type { Prices } from './insight/prices.svelte';
import type { Replay } from './insight/replay.svelte';
import type { Upstream } from './insight/upstream.svelte';
import type { Lab } from './lab.svelte';
import type { LazyConversation } from './lazy-conversation.svelte';
import type { Notices } from './notices.svelte';
import type { Playground } from './playground.svelte';
import type { Presets } from './presets.svelte';
import type { Settings } from './settings.svelte';
import type { Snippets } from './snippets.svelte';
import type { SavedToolResults } from './tool-results.svelte';

/**
 * The whole app state, built once by `createApp` (src/app/) and handed to the UI as its one
 * context. Parts that arrive with a chunk of their own (Compare, the lab, the replay, the
 * conversation) are null or lazy until first used; their `open…`/`load…` functions bring them.
 */
export type AppState = {
	readonly playground: Playground;
	readonly settings: Settings;
	readonly dialogs: Dialogs;
	readonly notices: Notices;
	readonly connectivity: Connectivity;
	readonly catalog: Catalog;
	readonly presets: Presets;
	readonly attribution: Attribution;
	readonly editorPrefs: EditorPrefs;
	readonly history: RunHistory;
	readonly toolResults: SavedToolResults;
	/** Checks against user schemas, off this thread. */
	readonly checkSchema: CheckSchema;
	/** The conversation view's state (turns, branches, actions), loaded after the first paint. */
	readonly conversation: LazyConversation;
	/** Run insight: the bill's prices, the upstream echo, one replay for the app. */
	readonly insight: Insight;
	/** The Code panel's state, with its chunk (code generation): loaded in idle time after load. */
	loadSnippets(): Promise<Snippets>;
	readonly compare: Compare | null;
	openCompare(model: string | null): Promise<void>;
	readonly lab: Lab | null;
	openLab(): Promise<void>;
};

export type Insight = {
	readonly prices: Prices;
	readonly upstream: Upstream;
	/** One Replay for the app, created (and its code loaded) the first time a run shows it. */
	loadReplay(): Promise<Replay>;
};

const KEY = Symbol('app-state');

export function setAppState(state: AppState): void {
	setContext(KEY, state);
}

export function getAppState(): AppState {
	const state = getContext<AppState | undefined>(KEY);
	if (!state) throw new Error('App state is missing: components must sit inside App.svelte');
	return state;
}

/** For Compare's views, which mount only once `openCompare` has built it. */
export function getCompare(): Compare {
	const { compare } = getAppState();
	if (!compare) throw new Error('Compare is not loaded yet: open it with openCompare');
	return compare;
}

/** For the lab's views, which mount only once `openLab` has built it. */
export function getLab(): Lab {
	const { lab } = getAppState();
	if (!lab) throw new Error('The lab is not loaded yet: open it with openLab');
	return lab;
}
