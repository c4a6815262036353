import type { Conversation } from './conversation.svelte';

/**
 * The conversation state arrives with its own chunk (actions, branches, the JSON patcher), after
 * the first paint: the view asks for it when it loads, and a finished run or a run opened from
 * history wait for it. A failed load (offline before it was cached) can be tried again.
 */
export class LazyConversation {
	#create: () => Promise<Conversation>;
	#pending: Promise<Conversation> | null = null;
	#current = $state.raw<Conversation | null>(null);

	constructor(create: () => Promise<Conversation>) {
		this.#create = create;
	}

	/** The state once loaded, else null (the view shows nothing of the conversation yet). */
	get current(): Conversation | null {
		return this.#current;
	}

	load(): Promise<Conversation> {
		this.#pending ??= this.#create().then(
			(conversation) => (this.#current = conversation),
			(error: unknown) => {
				this.#pending = null;
				throw error;
			},
		);
		return this.#pending;
	}
}
