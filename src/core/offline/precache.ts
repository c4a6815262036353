/**
 * The service worker's precache list, computed at build time from the bundle: the page, its entry
 * chunks with everything they import statically, their CSS and assets. Chunks reached only through
 * `import()` (the editor, its workers) are left out: the worker caches them when they are fetched.
 */
export type BundleItem =
	| {
			type: 'chunk';
			fileName: string;
			isEntry: boolean;
			imports: readonly string[];
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
		files.add(name);
		if (item.type !== 'chunk') return;
		for (const css of item.css ?? []) files.add(css);
		for (const asset of item.assets ?? []) files.add(asset);
		item.imports.forEach(visit);
	};
	for (const item of bundle) if (item.type === 'chunk' && item.isEntry) visit(item.fileName);
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
