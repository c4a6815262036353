import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPatch, MONACO_PATCHES, patchFor } from '../../../../src/core/editor/monaco-patches';

const MONACO = join(import.meta.dirname, '../../../../node_modules/monaco-editor');

describe('fixes to Monaco made by the build', () => {
	it('finds the module by the end of its path, with or without a query or Windows slashes', () => {
		const [patch] = MONACO_PATCHES;
		expect(patchFor(`${MONACO}/esm/vs/base/browser/performance.js`)).toBe(patch);
		expect(patchFor(`${MONACO}/esm/vs/base/browser/performance.js?v=1a2b`)).toBe(patch);
		expect(
			patchFor('C:\\app\\node_modules\\monaco-editor\\esm\\vs\\base\\browser\\performance.js'),
		).toBe(patch);
		expect(patchFor(`${MONACO}/esm/vs/base/common/performance.js`)).toBeUndefined();
		expect(patchFor('/app/src/vs/base/browser/performance.js')).toBeUndefined();
	});

	it('each still applies to the installed Monaco, exactly once', () => {
		for (const patch of MONACO_PATCHES) {
			const code = readFileSync(join(MONACO, patch.file), 'utf8');
			const patched = applyPatch(code, patch);
			expect(patched).toContain(patch.replace);
			expect(patched).not.toContain(patch.find);
		}
	});

	it('a missing latency measure is skipped, not read', () => {
		const code = readFileSync(join(MONACO, 'esm/vs/base/browser/performance.js'), 'utf8');
		const patched = applyPatch(code, MONACO_PATCHES[0]!);
		// The function as patched, run with a timeline that has no such measure.
		const source =
			/function addMeasure\(entryName, cumulativeMeasurement\) \{[\s\S]*?\n {4}\}/.exec(
				patched,
			)?.[0];
		expect(source).toBeDefined();
		const total = { total: 0, min: Number.MAX_VALUE, max: 0 };
		const run = (entries: { duration: number }[]) =>
			new Function('performance', 'total', `${source}\naddMeasure('keydown', total);`)(
				{ getEntriesByName: () => entries },
				total,
			);
		expect(() => run([])).not.toThrow();
		expect(total).toEqual({ total: 0, min: Number.MAX_VALUE, max: 0 });
		run([{ duration: 7 }]);
		expect(total).toEqual({ total: 7, min: 7, max: 7 });
	});

	it('a Monaco whose text has changed fails the build instead of shipping unfixed', () => {
		const [patch] = MONACO_PATCHES;
		expect(() => applyPatch('function addMeasure() {}', patch!)).toThrow(/has changed/);
		expect(() => applyPatch(`${patch!.find}\n${patch!.find}`, patch!)).toThrow(/has changed/);
	});
});
