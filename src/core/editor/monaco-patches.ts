/**
 * Fixes to Monaco's own source, made by the build (vite.config.ts) in the files they name.
 *
 * Monaco times each keystroke with the page's User Timing API and, once the frame after it has
 * rendered, reads back the measures it has just made: `performance.getEntriesByName(name)[0]
 * .duration`. In the browser tests, on a machine with more work than cores, that entry was sometimes
 * not there. The TypeError then left Monaco's keydown handler before the key reached the editor: the
 * key was lost (Enter, Backspace, Ctrl+Enter), and the page reported an uncaught error. The timings
 * are only telemetry, which nothing here reads, so a measure that is missing is skipped.
 */
export type SourcePatch = {
	/** The end of the module's path (after node_modules/monaco-editor/). */
	file: string;
	/** The text to replace: it must occur exactly once, or Monaco has changed and the build fails. */
	find: string;
	replace: string;
};

export const MONACO_PATCHES: readonly SourcePatch[] = [
	{
		file: 'esm/vs/base/browser/performance.js',
		find: 'const duration = performance.getEntriesByName(entryName)[0].duration;',
		replace:
			'const duration = performance.getEntriesByName(entryName)[0]?.duration;\n' +
			"        if (typeof duration !== 'number') return;",
	},
];

const PACKAGE = '/node_modules/monaco-editor/';

/** The patch for the module `id` (a path, perhaps with a query), if any. */
export function patchFor(id: string, patches = MONACO_PATCHES): SourcePatch | undefined {
	const path = id.split('?')[0]?.replaceAll('\\', '/') ?? '';
	const at = path.lastIndexOf(PACKAGE);
	if (at < 0) return undefined;
	const file = path.slice(at + PACKAGE.length);
	return patches.find((patch) => patch.file === file);
}

/** `code` with `patch` made; throws when its text is not there exactly once. */
export function applyPatch(code: string, patch: SourcePatch): string {
	const first = code.indexOf(patch.find);
	if (first < 0 || code.indexOf(patch.find, first + 1) >= 0)
		throw new Error(
			`monaco-editor/${patch.file} has changed: the fix in src/core/editor/monaco-patches.ts no longer applies`,
		);
	return code.slice(0, first) + patch.replace + code.slice(first + patch.find.length);
}
