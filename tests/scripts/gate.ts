/**
 * `npm test`: the one gate. Type check, format + lint, unit tests, production build, browser tests.
 * Every step runs even when an earlier one failed, so one run shows everything that is wrong. The
 * three static checks run side by side, and the browser tests in two workers when cores are idle
 * (e2e.ts).
 * The last line is `Total: N passed, N failed` (tests plus gate checks), which CI reads.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { runBudgets } from './budgets';
import { sideBySide } from './cores';
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

async function timedAsync(
	name: string,
	body: () => Promise<Omit<Step, 'name' | 'seconds'>>,
): Promise<void> {
	console.log(`\n━━ ${name} ━━`);
	const start = Date.now();
	const result = await body();
	steps.push({ name, ...result, seconds: (Date.now() - start) / 1000 });
}

type Job = { name: string; command: string; args: string[] };

/**
 * Checks that each keep about one core busy, run side by side; each one's output is held back and
 * printed whole, in order, so the log reads as if they ran one after another. Its time is from the
 * start of all of them.
 */
async function together(jobs: Job[]): Promise<void> {
	const start = Date.now();
	const runs = jobs.map(
		(job) =>
			new Promise<{ status: number; output: string; seconds: number }>((resolve) => {
				const child = spawn(job.command, job.args, { stdio: ['ignore', 'pipe', 'pipe'] });
				const output: Buffer[] = [];
				child.stdout.on('data', (data: Buffer) => output.push(data));
				child.stderr.on('data', (data: Buffer) => output.push(data));
				child.on('close', (code) =>
					resolve({
						status: code ?? 1,
						output: Buffer.concat(output).toString(),
						seconds: (Date.now() - start) / 1000,
					}),
				);
			}),
	);
	for (const [i, job] of jobs.entries()) {
		const run = await runs[i];
		if (!run) continue;
		console.log(`\n━━ ${job.name} ━━`);
		process.stdout.write(run.output);
		steps.push({ name: job.name, ...check(run.status), seconds: run.seconds });
	}
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

await together([
	{
		name: 'svelte-check (types, no warnings)',
		command: 'npm',
		args: ['run', '--silent', 'typecheck'],
	},
	{ name: 'prettier', command: 'npx', args: ['prettier', '--check', '--log-level', 'warn', '.'] },
	{ name: 'eslint', command: 'npx', args: ['eslint', '--max-warnings', '0', '.'] },
]);
// Vitest's default on two cores is one worker; a second one halves the unit tests' time when the
// machine is otherwise idle (under load it stays one, the configuration the loaded runs proved).
const unitWorkers = await sideBySide('unit test workers', cpus().length, process.env.UNIT_WORKERS);
timed('unit tests (vitest)', () => {
	const status = sh('npx', [
		'vitest',
		'run',
		`--maxWorkers=${unitWorkers}`,
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
await timedAsync('browser tests (playwright, chromium)', async () => {
	const status = await runE2e();
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
