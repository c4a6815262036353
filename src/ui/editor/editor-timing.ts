import type { Theme } from './monaco';

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
