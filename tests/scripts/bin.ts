/**
 * The commands of this repository's packages, run from `node_modules/.bin` directly. `npx` finds
 * the same file, but first starts npm itself: about half a CPU-second each time, and the gate
 * starts a dozen of them on a machine whose two cores it already keeps busy.
 */
import { fileURLToPath } from 'node:url';

/** The path of the package command `name` (`vite`, `eslint`, …) in this repository. */
export const bin = (name: string): string =>
	fileURLToPath(new URL(`../../node_modules/.bin/${name}`, import.meta.url));

/** Node running the TypeScript `file` through tsx's loader, without tsx's own process in front. */
export const typescript = (file: string, args: string[] = []): [string, string[]] => [
	process.execPath,
	['--import', 'tsx', file, ...args],
];
