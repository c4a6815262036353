import { getContext, setContext } from 'svelte';
import type { Compare } from './compare.svelte';
import type { RunHistory } from './history.svelte';

/** History and compare, in their own context so the app state's shape stays as it is. */
type RunsState = { history: RunHistory; compare: Compare };

const KEY = Symbol('runs-state');

export function setRunsState(state: RunsState): void {
	setContext(KEY, state);
}

export function getRunsState(): RunsState {
	const state = getContext<RunsState | undefined>(KEY);
	if (!state) throw new Error('Runs state is missing: components must sit inside App.svelte');
	return state;
}
