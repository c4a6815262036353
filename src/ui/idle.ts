/**
 * Work that is not needed for the first paint (chunks for the forms, the answer view, the checks,
 * the service worker, Monaco) starts after the load event, in idle time, so it neither delays load
 * nor shares a frame with the first render.
 */

/** Resolves after the window's load event (at once if it has passed). */
export function afterLoad(): Promise<void> {
	if (document.readyState === 'complete') return Promise.resolve();
	return new Promise((resolve) => addEventListener('load', () => resolve(), { once: true }));
}

/**
 * Runs `task` after the load event, `delayMs` later, when the browser is idle (at the latest
 * `timeoutMs` after that). Returns a cancel function.
 */
export function whenIdle(task: () => void, delayMs = 0, timeoutMs = 2000): () => void {
	let cancelled = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let idle: number | undefined;
	void afterLoad().then(() => {
		if (cancelled) return;
		timer = setTimeout(() => {
			if ('requestIdleCallback' in window) idle = requestIdleCallback(task, { timeout: timeoutMs });
			else task();
		}, delayMs);
	});
	return () => {
		cancelled = true;
		clearTimeout(timer);
		if (idle !== undefined) cancelIdleCallback(idle);
	};
}
