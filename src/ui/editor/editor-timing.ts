import type { Theme } from './monaco';

/**
 * Runs `task` once the page has loaded, a short while has passed and the browser is idle, so
 * Monaco never competes with first paint or the first interaction. Returns a cancel function.
 */
export function whenIdle(task: () => void, delayMs = 1500): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let idle: number | undefined;
	const schedule = () => {
		timer = setTimeout(() => {
			if ('requestIdleCallback' in window) idle = requestIdleCallback(task, { timeout: 4000 });
			else task();
		}, delayMs);
	};
	if (document.readyState === 'complete') schedule();
	else window.addEventListener('load', schedule, { once: true });
	return () => {
		window.removeEventListener('load', schedule);
		clearTimeout(timer);
		if (idle !== undefined) cancelIdleCallback(idle);
	};
}

/** The app's theme: an explicit `data-theme` on <html> if someone set one, else the system's. */
export function currentTheme(): Theme {
	const explicit = document.documentElement.dataset.theme;
	if (explicit === 'light' || explicit === 'dark') return explicit;
	return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function watchTheme(onTheme: (theme: Theme) => void): () => void {
	const media = matchMedia('(prefers-color-scheme: dark)');
	const update = () => onTheme(currentTheme());
	media.addEventListener('change', update);
	const observer = new MutationObserver(update);
	observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
	return () => {
		media.removeEventListener('change', update);
		observer.disconnect();
	};
}
