/**
 * `npm test`: the one gate. Type check, format + lint, unit tests, production build, browser tests.
 * Every step runs even when an earlier one failed, so one run shows everything that is wrong.
 * The last line is `Total: N passed, N failed` (tests plus gate checks), which CI reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { runBudgets } from './budgets';
import { runE2e } from './e2e';

const REPORTS = '.reports';
type Step = { name: string; passed: number; failed: number; skipped: number; seconds: number };
const steps: Step[] = [];

function sh(command: string, args: string[]): number {
	return spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
}

function timed(name: string, body: () => Omit<Step, 'name' | 'seconds'>): void {
	console.log(`\n━━ ${name} ━━`);
	const start = Date.now();
	const result = body();
	steps.push({ name, ...result, seconds: (Date.now() - start) / 1000 });
}

const check = (status: number) => ({
	passed: status === 0 ? 1 : 0,
	failed: status === 0 ? 0 : 1,
	skipped: 0,
});

function readJson(path: string): Record<string, unknown> | null {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
	} catch {
		return null;
	}
}

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

timed('svelte-check (types, no warnings)', () =>
	check(sh('npm', ['run', '--silent', 'typecheck'])),
);
timed('prettier', () => check(sh('npx', ['prettier', '--check', '--log-level', 'warn', '.'])));
timed('eslint', () => check(sh('npx', ['eslint', '--max-warnings', '0', '.'])));
timed('unit tests (vitest)', () => {
	const status = sh('npx', [
		'vitest',
		'run',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${REPORTS}/unit.json`,
	]);
	const report = readJson(`${REPORTS}/unit.json`);
	if (!report) return { passed: 0, failed: 1, skipped: 0 };
	const failed =
		Number(report.numFailedTests ?? 0) + (status !== 0 && !report.numFailedTests ? 1 : 0);
	return {
		passed: Number(report.numPassedTests ?? 0),
		failed,
		skipped: Number(report.numPendingTests ?? 0) + Number(report.numTodoTests ?? 0),
	};
});
timed('production build', () => check(sh('npx', ['vite', 'build', '--logLevel', 'warn'])));
timed('bundle budgets (gzip, tests/budgets.json)', () => check(runBudgets()));
timed('browser tests (playwright, chromium)', () => {
	const status = runE2e();
	const report = readJson(`${REPORTS}/e2e.json`);
	const stats = (report?.stats ?? null) as Record<string, number> | null;
	if (!stats) return { passed: 0, failed: 1, skipped: 0 };
	const failed = (stats.unexpected ?? 0) + (status !== 0 && !stats.unexpected ? 1 : 0);
	return {
		passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
		failed,
		skipped: stats.skipped ?? 0,
	};
});

console.log('\n━━ summary ━━');
for (const step of steps) {
	const mark = step.failed > 0 ? 'FAIL' : 'ok  ';
	const skipped = step.skipped ? `, ${step.skipped} skipped` : '';
	console.log(
		`${mark} ${step.name}: ${step.passed} passed, ${step.failed} failed${skipped} (${step.seconds.toFixed(1)} s)`,
	);
}
const total = steps.reduce(
	(sum, s) => ({
		passed: sum.passed + s.passed,
		failed: sum.failed + s.failed,
		skipped: sum.skipped + s.skipped,
	}),
	{ passed: 0, failed: 0, skipped: 0 },
);
if (existsSync(`${REPORTS}/e2e.json`) === false)
	console.log('(no browser test report was written)');
console.log(
	`Total: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exit(total.failed > 0 || total.skipped > 0 ? 1 : 0);
