/**
 * The service worker's precache list, computed at build time from the bundle: the page, its entry
 * chunks with everything they import, statically or through `import()` (the request checks, the
 * forms), their CSS and assets, so every part of the app works offline after one visit. Only the
 * editor's chunks (`heavy`: Monaco, about 1 MB gzip) are left out: the plain field works without
 * them. The page asks the worker to fetch them in idle time after the first load (`laterList`), so
 * an offline reload still opens the rich editor; the worker also caches them when they are fetched.
 */
export type BundleItem =
	| {
			type: 'chunk';
			fileName: string;
			isEntry: boolean;
			imports: readonly string[];
			dynamicImports?: readonly string[];
			/** Holds Monaco's code: cached only once the user's browser has fetched it. */
			heavy?: boolean;
			/** Vite's metadata: CSS and assets the chunk pulls in. */
			css?: Iterable<string>;
			assets?: Iterable<string>;
	  }
	| { type: 'asset'; fileName: string };

/** Never precached: the worker itself and host configuration. */
const SKIP = new Set(['sw.js', '_headers', '_redirects']);

export function precacheList(
	bundle: readonly BundleItem[],
	publicFiles: readonly string[] = [],
): string[] {
	const byName = new Map(bundle.map((item) => [item.fileName, item]));
	const files = new Set<string>(['index.html']);
	const visit = (name: string) => {
		const item = byName.get(name);
		if (!item || files.has(name) || SKIP.has(name)) return;
		if (item.type === 'chunk' && item.heavy) return;
		files.add(name);
		if (item.type !== 'chunk') return;
		for (const css of item.css ?? []) files.add(css);
		for (const asset of item.assets ?? []) files.add(asset);
		item.imports.forEach(visit);
		item.dynamicImports?.forEach(visit);
	};
	for (const item of bundle) if (item.type === 'chunk' && item.isEntry) visit(item.fileName);
	for (const name of publicFiles) if (!SKIP.has(name)) files.add(name);
	return [...files].sort();
}

/**
 * Every file the build wrote that the app may fetch: the precache list plus the heavy chunks that are
 * cached once fetched. The worker caches nothing else under its scope (see cache-policy.ts).
 */
export function ownFiles(
	bundle: readonly BundleItem[],
	publicFiles: readonly string[] = [],
): string[] {
	const files = new Set<string>(['index.html']);
	for (const { fileName } of bundle)
		if (!SKIP.has(fileName) && !fileName.startsWith('.vite/')) files.add(fileName);
	for (const name of publicFiles) if (!SKIP.has(name)) files.add(name);
	return [...files].sort();
}

/** A short stable version id for a list of hashed file names plus the page's own text. */
export function manifestVersion(files: readonly string[], page: string): string {
	let h = 2166136261;
	for (const char of `${files.join('\n')}\n${page}`)
		h = Math.imul(h ^ char.charCodeAt(0), 16777619);
	return (h >>> 0).toString(36);
}

/** The files left out of the precache (Monaco's chunks, its CSS, fonts and workers): fetched later. */
export function laterList(
	bundle: readonly BundleItem[],
	publicFiles: readonly string[] = [],
): string[] {
	const now = new Set(precacheList(bundle, publicFiles));
	return ownFiles(bundle, publicFiles).filter((name) => !now.has(name));
}
