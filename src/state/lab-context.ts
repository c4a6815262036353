import { getContext, setContext } from 'svelte';
import type { Lab } from './lab.svelte';

/**
 * The prompt lab, in a context of its own so the app state's shape stays as it is. Its state and
 * views are chunks loaded on first use: `openLab` loads them; the views read the lab with `getLab`.
 */
type LabState = {
	readonly lab: Lab | null;
	openLab(): Promise<void>;
};

const KEY = Symbol('lab-state');

export function setLabState(state: LabState): void {
	setContext(KEY, state);
}

export function getLabState(): LabState {
	const state = getContext<LabState | undefined>(KEY);
	if (!state) throw new Error('Lab state is missing: components must sit inside App.svelte');
	return state;
}

export function getLab(): Lab {
	const { lab } = getLabState();
	if (!lab) throw new Error('The lab is not loaded yet: open it with openLab');
	return lab;
}
