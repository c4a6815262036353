/**
 * Hands the editor's text to the app, which parses it, checks it and regenerates the code samples:
 * at once for ordinary requests, but for a large one only once typing pauses, so a keystroke in a
 * 1 MB request costs what the text field costs and the app's work lands between keystrokes.
 * `flush()` hands over what is pending at once (before Send, on blur, before swapping editors).
 */

/** From this size (characters) on, commits wait for a pause in typing. */
export const DEFER_FROM_CHARS = 100_000;

/**
 * How long a pause must be: longer for larger texts (the work after it is longer), 150 ms–1 s; a
 * 1 MB request waits 500 ms, longer than the gap between keys of someone typing.
 */
export function pauseFor(length: number): number {
	return Math.min(1000, Math.max(150, Math.round(length / 2000)));
}

export type Timers = {
	set(run: () => void, ms: number): unknown;
	clear(id: unknown): void;
};

const realTimers: Timers = {
	set: (run, ms) => setTimeout(run, ms),
	clear: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

export type DeferredCommit = {
	/** The editor's text changed. */
	push(text: string): void;
	/** Commits the pending text now, if there is one. */
	flush(): void;
	/** Drops the pending text (the app's text was replaced from elsewhere). */
	cancel(): void;
	readonly pending: boolean;
};

export function createDeferredCommit(
	commit: (text: string) => void,
	timers: Timers = realTimers,
): DeferredCommit {
	let pending: string | null = null;
	let timer: unknown = null;
	const stop = () => {
		if (timer !== null) timers.clear(timer);
		timer = null;
	};
	const flush = () => {
		stop();
		if (pending === null) return;
		const text = pending;
		pending = null;
		commit(text);
	};
	return {
		push(text) {
			stop();
			if (text.length < DEFER_FROM_CHARS) {
				pending = null;
				commit(text);
				return;
			}
			pending = text;
			timer = timers.set(flush, pauseFor(text.length));
		},
		flush,
		cancel() {
			stop();
			pending = null;
		},
		get pending() {
			return pending !== null;
		},
	};
}

/**
 * Leaving the editor (focus moves out), a click or tap anywhere (Send, Share, a form), Send and the
 * other shortcuts (a key with Ctrl, ⌘ or Alt), and the editor going away all see the latest text.
 * Returns the clean-up, which flushes too.
 */
export function flushOnLeave(
	editor: HTMLElement,
	committer: DeferredCommit,
	page: EventTarget = document,
): () => void {
	const flush = () => committer.flush();
	const onKey = (event: KeyboardEvent) => {
		if (event.ctrlKey || event.metaKey || event.altKey) flush();
	};
	editor.addEventListener('focusout', flush);
	editor.addEventListener('keydown', onKey, { capture: true });
	page.addEventListener('pointerdown', flush, { capture: true });
	return () => {
		editor.removeEventListener('focusout', flush);
		editor.removeEventListener('keydown', onKey, { capture: true });
		page.removeEventListener('pointerdown', flush, { capture: true });
		flush();
	};
}
