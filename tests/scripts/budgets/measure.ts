/**
 * Measures a build: gzip -9 size of index.html and of every file under dist/assets, the initial JS
 * from the manifest, and the stylesheets index.html links.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { initialJsFiles, stableName, type Manifest, type Measurement } from './check';

export const gzipSize = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length;

export function measureBuild(dist = 'dist'): Measurement {
	let manifest: Manifest;
	try {
		manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
	} catch {
		throw new Error(
			`${dist}/.vite/manifest.json is missing: build first (npx vite build; build.manifest is on in vite.config.ts).`,
		);
	}
	const sizes = new Map<string, number>();
	const chunks: Record<string, number> = {};
	for (const entry of readdirSync(join(dist, 'assets'), { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const file = join(entry.parentPath, entry.name)
			.slice(dist.length + 1)
			.replace(/\\/g, '/');
		const size = gzipSize(readFileSync(join(dist, file)));
		sizes.set(file, size);
		const name = stableName(file);
		// Two files with one name (rare) share one budget: their sum.
		chunks[name] = (chunks[name] ?? 0) + size;
	}
	// The page itself: it carries the first stylesheet (inlined), so its growth is budgeted too.
	const page = readFileSync(join(dist, 'index.html'));
	chunks['index.html'] = gzipSize(page);
	const blockingCss = [...page.toString().matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map(
		([tag]) => /href="([^"]*)"/.exec(tag)?.[1] ?? tag,
	);
	const initialFiles = initialJsFiles(manifest);
	const initialJs = initialFiles.reduce((sum, file) => sum + (sizes.get(file) ?? 0), 0);
	return {
		chunks,
		initialJs,
		initialFiles: initialFiles.map(stableName),
		files: Object.fromEntries(sizes),
		blockingCss,
	};
}
