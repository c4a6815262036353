/**
 * Bundle budgets. `tsx tests/scripts/budgets.ts` checks the build in dist/ against tests/budgets.json
 * (the gate runs it after the production build); `--update` rewrites the file from dist/
 * (`npm run budgets:update` builds first). `--dist <dir>` measures another folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { budgetsFrom, checkBudgets, kb, type BudgetFile } from './budgets/check';
import { measureBuild } from './budgets/measure';

export const BUDGETS_FILE = 'tests/budgets.json';

export function runBudgets(args: string[] = []): number {
	const at = args.indexOf('--dist');
	const dist = at >= 0 ? (args[at + 1] ?? 'dist') : 'dist';
	let measured;
	try {
		measured = measureBuild(dist);
	} catch (error) {
		console.error((error as Error).message);
		return 1;
	}
	if (args.includes('--update')) {
		writeFileSync(BUDGETS_FILE, `${JSON.stringify(budgetsFrom(measured), null, '\t')}\n`);
		console.log(`${BUDGETS_FILE} rewritten: ${Object.keys(measured.chunks).length} files,`);
		console.log(
			`initial JS ${kb(measured.initialJs)} gzip (${measured.initialFiles.join(' + ')}).`,
		);
		return 0;
	}
	let budgets: BudgetFile;
	try {
		budgets = JSON.parse(readFileSync(BUDGETS_FILE, 'utf8')) as BudgetFile;
	} catch {
		console.error(`${BUDGETS_FILE} is missing or not JSON: run \`npm run budgets:update\`.`);
		return 1;
	}
	const report = checkBudgets(measured, budgets);
	for (const note of report.notes) console.log(`  ok   ${note}`);
	for (const failure of report.failures) console.error(`  FAIL ${failure}`);
	return report.ok ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	process.exit(runBudgets(process.argv.slice(2)));
}
