/**
 * A copy of a build pointed at other origins. The browser tests' worker slots differ only in their
 * emulator's port (`ports.ts`), which the build writes as text: into the bundle, the CSP of
 * index.html and `_headers`, and the service worker's manifest. Another `vite build` per slot cost
 * about ten CPU-seconds each on the gate's critical path; a copy with the origins replaced costs
 * milliseconds and is the same bytes a build would give, file names aside (each name keeps the
 * hash of the first build's content, which nothing checks: the service worker's version covers
 * index.html, which carries the new origins).
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';

/** The files a build writes its origins into; images and fonts are copied as they are. */
const TEXT = new Set(['.js', '.mjs', '.html', '.css', '.json', '.webmanifest', '.txt', '']);

export type Origins = ReadonlyArray<readonly [from: string, to: string]>;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Any of the origins, each as a whole: `http://127.0.0.1:18787` but not `http://127.0.0.1:187870`,
 * so that replacing one port never rewrites a longer one.
 */
const anyOf = (origins: Origins) =>
	new RegExp(`(?:${origins.map(([origin]) => escape(origin)).join('|')})(?![0-9])`, 'g');

/**
 * Copies the build in `from` to `to` (emptied first) with each origin of `origins` replaced. Throws
 * when one of them is nowhere in the copy: the build then writes its origins in a way this does not
 * know, and a slot would talk to another slot's emulator.
 */
export function retarget(from: string, to: string, origins: Origins): void {
	rmSync(to, { recursive: true, force: true });
	cpSync(from, to, { recursive: true });
	const replacementOf = new Map(origins);
	const pattern = anyOf(origins);
	const found = new Set<string>();
	for (const entry of readdirSync(to, { recursive: true, withFileTypes: true })) {
		const path = join(entry.parentPath, entry.name);
		if (!entry.isFile() || !TEXT.has(extname(path))) continue;
		const text = readFileSync(path, 'utf8');
		// One pass for all of them, so that no replacement is replaced again.
		const next = text.replace(pattern, (origin) => {
			found.add(origin);
			return replacementOf.get(origin) as string;
		});
		if (next !== text) writeFileSync(path, next);
	}
	const missing = origins.map(([origin]) => origin).filter((origin) => !found.has(origin));
	if (missing.length > 0)
		throw new Error(`${from} does not hold ${missing.join(', ')}: it cannot be retargeted`);
}
