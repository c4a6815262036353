import { getContext, setContext } from 'svelte';
import type { CheckSchema } from '../core/schema/check';
import type { LazyConversation } from './lazy-conversation.svelte';
import type { Playground } from './playground.svelte';
import type { Settings } from './settings.svelte';
import type { SavedToolResults } from './tool-results.svelte';

type AppState = {
	playground: Playground;
	settings: Settings;
	/** Optional so tests that mount parts of the app need not build it. */
	toolResults?: SavedToolResults;
	/** Checks against user schemas, off this thread; without it they run here (component tests). */
	checkSchema?: CheckSchema;
	/** The conversation view's state (turns, branches, actions), loaded after the first paint. */
	conversation?: LazyConversation;
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
