/**
 * Work that is not needed for the first paint (chunks for the forms, the answer view, the checks,
 * the service worker, Monaco) starts after the load event, in idle time, so it neither delays load
 * nor shares a frame with the first render.
 */

/**
 * Resolves once the window's load event is over (at once if it has passed): in a task of its own,
 * so what it starts (a chunk's fetch) is neither part of the load event nor counted in it.
 */
export function afterLoad(): Promise<void> {
	if (document.readyState === 'complete') return Promise.resolve();
	return new Promise((resolve) =>
		addEventListener('load', () => void setTimeout(resolve), { once: true }),
	);
}

/**
 * Resolves in the task after the next frame is painted, so what follows gets a frame of its own:
 * at once in a hidden tab, which paints no frame until it is shown, and at the latest 100 ms later
 * in one hidden meanwhile.
 */
export function afterPaint(): Promise<void> {
	if (document.hidden) return Promise.resolve();
	return new Promise((resolve) => {
		const late = setTimeout(resolve, 100);
		requestAnimationFrame(() => {
			clearTimeout(late);
			setTimeout(resolve);
		});
	});
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

let lastActive = -Infinity;
const active = () => void (lastActive = performance.now());
/** The user is at work: a dialog is open, or a key went down or something scrolled within a second. */
function busy(): boolean {
	return performance.now() - lastActive < 1000 || document.querySelector('dialog[open]') !== null;
}

/**
 * `whenIdle`, then put off for as long as the user is busy elsewhere (typing, scrolling, or in a
 * dialog): for heavy work nobody asked for yet (Monaco's start, ~250 ms of script), so it never
 * lands between two keystrokes in the model browser or a form, nor in the middle of a scroll. A
 * scroll leaves the main thread idle between frames, so idle work started there: on a 200-turn
 * conversation scrolled right after it opened, Monaco's start and the layout it caused made frames
 * of 300–400 ms (benchmark B9). Returns a cancel function.
 */
export function whenQuiet(task: () => void, delayMs: number, timeoutMs: number): () => void {
	// The same listener twice is added once. Scroll events do not bubble: the capture phase sees
	// every element's.
	addEventListener('keydown', active, { capture: true });
	addEventListener('scroll', active, { capture: true, passive: true });
	let cancel = () => {};
	const attempt = () => {
		if (busy()) cancel = whenIdle(attempt, 1000, timeoutMs);
		else task();
	};
	cancel = whenIdle(attempt, delayMs, timeoutMs);
	return () => cancel();
}
