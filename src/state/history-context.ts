import { getContext, setContext } from 'svelte';
import type { Compare } from './compare.svelte';
import type { RunHistory } from './history.svelte';

/**
 * History and compare, in their own context so the app state's shape stays as it is. Compare's state
 * arrives with its chunk: `openCompare` loads it on first use; its views read it with `getCompare`.
 */
type RunsState = {
	history: RunHistory;
	readonly compare: Compare | null;
	openCompare(model: string | null): Promise<void>;
};

const KEY = Symbol('runs-state');

export function setRunsState(state: RunsState): void {
	setContext(KEY, state);
}

export function getRunsState(): RunsState {
	const state = getContext<RunsState | undefined>(KEY);
	if (!state) throw new Error('Runs state is missing: components must sit inside App.svelte');
	return state;
}

export function getCompare(): Compare {
	const { compare } = getRunsState();
	if (!compare) throw new Error('Compare is not loaded yet: open it with openCompare');
	return compare;
}
