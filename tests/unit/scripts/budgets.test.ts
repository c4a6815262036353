import { describe, expect, it } from 'vitest';
import {
	INITIAL_JS_CAP_BYTES,
	budgetsFrom,
	checkBudgets,
	initialJsFiles,
	stableName,
	type Measurement,
} from '../../scripts/budgets/check';

const measured = (chunks: Record<string, number>, initialJs = 30_000): Measurement => ({
	chunks,
	initialJs,
	initialFiles: ['assets/index.js'],
});
const budgets = budgetsFrom(measured({ 'assets/index.js': 30_000, 'assets/index.css': 2_000 }));

describe('checkBudgets', () => {
	it('passes sizes at or within 5 % of their budget', () => {
		const report = checkBudgets(
			measured({ 'assets/index.js': 31_500, 'assets/index.css': 1_000 }),
			budgets,
		);
		expect(report.failures).toEqual([]);
		expect(report.ok).toBe(true);
	});

	it('fails a chunk that grew more than 5 %, with both sizes and the growth', () => {
		const report = checkBudgets(
			measured({ 'assets/index.js': 31_501, 'assets/index.css': 2_000 }),
			budgets,
		);
		expect(report.ok).toBe(false);
		expect(report.failures).toHaveLength(1);
		expect(report.failures[0]).toContain('assets/index.js grew from 29.30 KB to 30.76 KB gzip');
		expect(report.failures[0]).toContain('+5.0 %');
	});

	it('fails a new chunk without a budget and says how to add one', () => {
		const report = checkBudgets(
			measured({
				'assets/index.js': 30_000,
				'assets/index.css': 2_000,
				'assets/monaco.js': 700_000,
			}),
			budgets,
		);
		expect(report.ok).toBe(false);
		expect(report.failures).toEqual([
			expect.stringMatching(
				/^assets\/monaco\.js \(683\.59 KB gzip\) has no budget.*npm run budgets:update/,
			),
		]);
	});

	it('fails a stylesheet linked from index.html: it blocks the first paint', () => {
		const report = checkBudgets(
			{
				...measured({ 'assets/index.js': 30_000, 'assets/index.css': 2_000 }),
				blockingCss: ['./assets/index-abc.css'],
			},
			budgets,
		);
		expect(report.ok).toBe(false);
		expect(report.failures).toEqual([
			expect.stringMatching(/^index\.html links the stylesheet \.\/assets\/index-abc\.css/),
		]);
	});

	it('fails initial JS over the 50 KB cap even when the budgets file allows more', () => {
		const generous = { ...budgets, initialJsCapBytes: 10_000_000 };
		const report = checkBudgets(
			measured({ 'assets/index.js': 30_000, 'assets/index.css': 2_000 }, INITIAL_JS_CAP_BYTES + 1),
			generous,
		);
		expect(report.ok).toBe(false);
		expect(report.failures[0]).toMatch(
			/initial JS \(assets\/index\.js\) is 50\.00 KB gzip, over the hard cap of 50\.00 KB/,
		);
	});

	it('only notes a budget whose chunk is gone', () => {
		const report = checkBudgets(measured({ 'assets/index.js': 30_000 }), budgets);
		expect(report.ok).toBe(true);
		expect(report.notes.join('\n')).toContain(
			'assets/index.css has a budget but is no longer built',
		);
	});
});

describe('budgetsFrom', () => {
	it('records each size as its budget, sorted, with the cap and allowance', () => {
		const file = budgetsFrom(measured({ 'b.js': 2, 'a.js': 1 }));
		expect(Object.keys(file.chunks)).toEqual(['a.js', 'b.js']);
		expect(file).toMatchObject({ initialJsCapBytes: 51_200, growthAllowance: 0.05 });
	});
});

describe('stableName and initialJsFiles', () => {
	it('removes Vite content hashes only', () => {
		expect(stableName('assets/index-LAMsTq0V.js')).toBe('assets/index.js');
		expect(stableName('assets/editor.worker-B_x-9aZ1.js')).toBe('assets/editor.worker.js');
		expect(stableName('assets/codicon-DCmgc-ay.ttf')).toBe('assets/codicon.ttf');
		expect(stableName('assets/plain.js')).toBe('assets/plain.js');
	});

	it('follows static imports from entries, not dynamic ones', () => {
		const files = initialJsFiles({
			'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_shared'] },
			_shared: { file: 'assets/shared-2.js', imports: ['index.html'] },
			'src/ui/editor/monaco.ts': { file: 'assets/monaco-3.js', imports: ['_shared'] },
			// Another entry, not loaded by the page: the service worker.
			'src/io/service-worker/worker.ts': { file: 'sw.js', isEntry: true },
		});
		expect(files).toEqual(['assets/index-1.js', 'assets/shared-2.js']);
	});
});
