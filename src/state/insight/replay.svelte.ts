import { clampReplays, pinnedBody, providerSlug, REPLAY_CONCURRENCY } from '../../core/replay/plan';
import { countMatches } from '../../core/replay/word-diff';
import { EMPTY_COMPLETION, foldEvent } from '../../core/stream/accumulate';
import type { SendFn } from '../playground.svelte';

export type Attempt = {
	status: 'waiting' | 'running' | 'done' | 'error';
	text: string;
	provider: string | null;
	error: string | null;
};

export type ReplayResult = {
	/** The run replayed (its posted body, by identity), so a new run hides an old result. */
	source: Record<string, unknown>;
	provider: string;
	original: string;
	/** What every replay posts: pinned to the provider, fallbacks off, same seed. */
	body: Record<string, unknown>;
	attempts: Attempt[];
	matched: number;
	finished: boolean;
};

export type ReplayDeps = {
	send: SendFn;
	readKey: () => string | null;
	baseUrl: () => string;
	/** Asks for a key when there is none (opens the key dialog). */
	askForKey: () => void;
};

/** "Replay on the same provider": N pinned runs of a finished request, compared word by word. */
export class Replay {
	#deps: ReplayDeps;
	#controller: AbortController | null = null;
	count = $state(3);
	#result = $state.raw<ReplayResult | null>(null);
	get result(): ReplayResult | null {
		return this.#result;
	}
	#running = $state(false);
	get running(): boolean {
		return this.#running;
	}

	constructor(deps: ReplayDeps) {
		this.#deps = deps;
	}

	async start(source: Record<string, unknown>, provider: string, original: string): Promise<void> {
		if (this.#running) return;
		const apiKey = this.#deps.readKey();
		if (!apiKey) return this.#deps.askForKey();
		const n = clampReplays(this.count);
		this.count = n;
		const body = pinnedBody(source, provider);
		const attempts: Attempt[] = Array.from({ length: n }, () => ({
			status: 'waiting',
			text: '',
			provider: null,
			error: null,
		}));
		let result: ReplayResult = {
			source,
			provider,
			original,
			body,
			attempts,
			matched: 0,
			finished: false,
		};
		this.#result = result;
		this.#running = true;
		const controller = new AbortController();
		this.#controller = controller;
		const update = (index: number, attempt: Attempt) => {
			const next = result.attempts.map((a, i) => (i === index ? attempt : a));
			const texts = next.filter((a) => a.status === 'done').map((a) => a.text);
			result = { ...result, attempts: next, matched: countMatches(original, texts) };
			this.#result = result;
		};
		let nextIndex = 0;
		const worker = async () => {
			while (nextIndex < n && !controller.signal.aborted) {
				const index = nextIndex++;
				update(index, { status: 'running', text: '', provider: null, error: null });
				update(index, await this.#one(body, apiKey, controller.signal));
			}
		};
		await Promise.all(Array.from({ length: Math.min(REPLAY_CONCURRENCY, n) }, worker));
		this.#result = { ...result, finished: true };
		this.#running = false;
		this.#controller = null;
	}

	async #one(body: Record<string, unknown>, apiKey: string, signal: AbortSignal): Promise<Attempt> {
		let completion = EMPTY_COMPLETION;
		for await (const event of this.#deps.send(body, {
			apiKey,
			baseUrl: this.#deps.baseUrl(),
			signal,
		}))
			completion = foldEvent(completion, event);
		if (signal.aborted)
			return {
				status: 'error',
				text: completion.text,
				provider: completion.provider,
				error: 'Stopped',
			};
		if (completion.error)
			return {
				status: 'error',
				text: completion.text,
				provider: completion.provider,
				error: completion.error.message,
			};
		return { status: 'done', text: completion.text, provider: completion.provider, error: null };
	}

	stop(): void {
		this.#controller?.abort();
	}

	/** The slug a replay pins, for the UI to show. */
	static slugOf(provider: string): string {
		return providerSlug(provider);
	}
}
