import type { Environment } from 'vitest/environments';

/**
 * Node, with modules compiled as for the browser: Svelte's runes then run their client runtime, so
 * the composition root's effects (draft saving, the lab's early load) run as they do in the page.
 */
export default {
	name: 'node-client',
	viteEnvironment: 'client',
	setup: () => ({ teardown: () => undefined }),
} satisfies Environment;
