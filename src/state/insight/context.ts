import { getContext, setContext } from 'svelte';
import type { Prices } from './prices.svelte';
import type { Replay } from './replay.svelte';
import type { Upstream } from './upstream.svelte';

/**
 * The run-insight state (bill prices, upstream echo, replay), beside the app state, not inside it.
 */
export type Insight = {
	prices: Prices;
	upstream: Upstream;
	/** One Replay for the app, created (and its code loaded) the first time a run shows it. */
	loadReplay(): Promise<Replay>;
};

const KEY = Symbol('insight');

export function setInsight(insight: Insight): void {
	setContext(KEY, insight);
}

export function getInsight(): Insight {
	const insight = getContext<Insight | undefined>(KEY);
	if (!insight) throw new Error('Insight state is missing: components must sit inside App.svelte');
	return insight;
}
