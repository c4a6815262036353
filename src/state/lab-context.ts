import { getContext, setContext } from 'svelte';
import type { Lab } from './lab.svelte';

/**
 * The prompt lab, in a context of its own so the app state's shape stays as it is. Its state and
 * views are chunks loaded on first use: `openLab` loads them, and only then do its views mount.
 */
type LabState = { readonly lab: Lab | null; openLab(): Promise<void> };

const KEY = Symbol('lab-state');

export const setLabState = (state: LabState): void => void setContext(KEY, state);

export const getLabState = (): LabState => getContext<LabState>(KEY);

/** For the lab's views, which mount only once `openLab` has built it. */
export const getLab = (): Lab => getLabState().lab as Lab;
