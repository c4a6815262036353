/**
 * `npm test`: the one gate. Type check, format + lint, unit tests, production build, browser tests.
 * Every step runs even when an earlier one failed, so one run shows everything that is wrong.
 * The last line is `Total: N passed, N failed` (tests plus gate checks), which CI reads.
 *
 * Steps overlap, so that both cores stay busy without any test losing its core:
 * - the static checks (types, format, lint) have no time limits, so on an idle machine they run
 *   from the start at the lowest priority and take only what the tests leave idle (their output is
 *   printed whole, later); on a busy machine, where that priority would starve them, first;
 * - the builds (the production one, the browser tests' ones) run beside the unit tests at a lower
 *   priority, as the unit tests keep only about one core busy (after them on a busy machine);
 * - then the browser tests, in two workers when cores are idle (e2e.ts).
 * Each step's time is its own, from its start, so the times add up to more than the run's.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { runBudgets } from './budgets';
import { allIdle, coreUse, niced, quietestIdle, sideBySide } from './cores';
import { bin } from './bin';
import { copyForSlots, e2eBuilds, e2eWorkers, runPlaywright } from './e2e';
import { buildApps } from './servers';

const REPORTS = '.reports';
type Step = { name: string; passed: number; failed: number; skipped: number; seconds: number };
type Counts = Omit<Step, 'name' | 'seconds'>;
type Outcome = { status: number; output: string; seconds: number };

type Running = { outcome: Promise<Outcome>; done: boolean; stop(): Promise<void> };

/** Process groups of steps still running at a lower priority: stopped if the gate is stopped. */
const groups = new Set<number>();
const stopGroup = (pid: number) => {
	try {
		process.kill(-pid, 'SIGTERM');
	} catch {
		// Already gone.
	}
};
for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.on(signal, () => {
		for (const pid of groups) stopGroup(pid);
		process.exit(130);
	});

/**
 * Starts `command args` at priority `nice`. Its output goes straight through, or with `hold` is kept
 * back to be printed whole, so that steps running side by side do not interleave their logs. A step
 * at a lower priority runs in a process group of its own, so that `stop()` ends all of it.
 */
function start(
	command: string,
	args: string[],
	{ nice = 0, hold = false }: { nice?: number; hold?: boolean } = {},
): Running {
	const began = Date.now();
	const child = spawn(...niced(nice, command, args, { session: nice > 0 }), {
		stdio: ['ignore', hold ? 'pipe' : 'inherit', hold ? 'pipe' : 'inherit'],
		detached: nice > 0,
	});
	const pid = child.pid;
	if (nice > 0 && pid !== undefined) groups.add(pid);
	const output: Buffer[] = [];
	child.stdout?.on('data', (data: Buffer) => output.push(data));
	child.stderr?.on('data', (data: Buffer) => output.push(data));
	const running: Running = {
		done: false,
		outcome: new Promise((resolve) => {
			child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
			child.on('close', (code) => {
				running.done = true;
				if (pid !== undefined) groups.delete(pid);
				resolve({
					status: code ?? 1,
					output: Buffer.concat(output).toString(),
					seconds: (Date.now() - began) / 1000,
				});
			});
		}),
		async stop() {
			if (pid !== undefined && !running.done) stopGroup(pid);
			await running.outcome;
		},
	};
	return running;
}

const run = (...args: Parameters<typeof start>) => start(...args).outcome;

async function timed(body: () => Promise<number> | number): Promise<Outcome> {
	const start = Date.now();
	const status = await body();
	return { status, output: '', seconds: (Date.now() - start) / 1000 };
}

const check = (status: number): Counts => ({
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

function unitCounts(status: number): Counts {
	const report = readJson(`${REPORTS}/unit.json`);
	if (!report) return { passed: 0, failed: 1, skipped: 0 };
	const failed =
		Number(report.numFailedTests ?? 0) + (status !== 0 && !report.numFailedTests ? 1 : 0);
	return {
		passed: Number(report.numPassedTests ?? 0),
		failed,
		skipped: Number(report.numPendingTests ?? 0) + Number(report.numTodoTests ?? 0),
	};
}

function e2eCounts(status: number): Counts {
	const report = readJson(`${REPORTS}/e2e.json`);
	const stats = (report?.stats ?? null) as Record<string, number> | null;
	if (!stats) return { passed: 0, failed: 1, skipped: 0 };
	const failed = (stats.unexpected ?? 0) + (status !== 0 && !stats.unexpected ? 1 : 0);
	return {
		passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
		failed,
		skipped: stats.skipped ?? 0,
	};
}

const started = Date.now();
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

// Vitest's default on two cores is one worker; a second one halves the unit tests' time when the
// machine is otherwise idle (under load it stays one, the configuration the loaded runs proved).
// All is decided on the cores idle before this run starts anything of its own.
const idle = await quietestIdle();
const quiet = allIdle(idle);
const unitWorkers = await sideBySide(
	'unit test workers',
	cpus().length,
	process.env.UNIT_WORKERS,
	idle,
);
const browserWorkers = await e2eWorkers(idle);

const LOWEST = 19;
const LOWER = 10;
const STATIC_CHECKS = [
	{
		name: 'svelte-check (types, no warnings)',
		command: 'npm',
		args: ['run', '--silent', 'typecheck'],
	},
	{ name: 'prettier', command: bin('prettier'), args: ['--check', '--log-level', 'warn', '.'] },
	{ name: 'eslint', command: bin('eslint'), args: ['--max-warnings', '0', '.'] },
];
const startStatic = (job: (typeof STATIC_CHECKS)[number], nice: number) => ({
	...job,
	running: start(job.command, job.args, { nice, hold: true }),
});
// On a quiet machine the static checks, which have no time limits, start now at the lowest priority
// and fill what the tests leave idle. On a busy one that priority would starve them behind the other
// load, so they run first, at the normal one, side by side.
let staticChecks = STATIC_CHECKS.map((job) => startStatic(job, quiet ? LOWEST : 0));
if (!quiet) {
	console.log(`\n━━ static checks, side by side ━━`);
	await Promise.all(staticChecks.map((job) => job.running.outcome));
}

// On a quiet machine the builds run beside the unit tests, at a lower priority; on a busy one that
// would starve them, and they run after the unit tests, which then keep the cores they can get.
const unitTests = () =>
	run(bin('vitest'), [
		'run',
		`--maxWorkers=${unitWorkers}`,
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${REPORTS}/unit.json`,
	]);
// The production build (for the budgets) and the browser tests' builds, in one process.
const builds = async (nice: number): Promise<[production: Outcome, e2e: Outcome]> => {
	const began = Date.now();
	const failed = await buildApps([{ outDir: 'dist' }, ...e2eBuilds()], nice);
	const seconds = (Date.now() - began) / 1000;
	const e2e = failed.some((outDir) => outDir !== 'dist') ? 1 : copyForSlots(browserWorkers);
	return [
		{ status: failed.includes('dist') ? 1 : 0, output: '', seconds },
		{ status: e2e, output: '', seconds },
	];
};
console.log(`\n━━ unit tests (vitest)${quiet ? ', beside the builds' : ''} ━━`);
const [unit, [build, e2eBuild]] = quiet
	? await Promise.all([unitTests(), builds(LOWER)])
	: [await unitTests(), await builds(0)];

console.log('\n━━ bundle budgets (gzip, tests/budgets.json) ━━');
const budgets = await timed(() => (build.status === 0 ? runBudgets() : 1));

console.log('\n━━ browser tests (playwright, chromium) ━━');
const browser = await timed(() => (e2eBuild.status === 0 ? runPlaywright(browserWorkers) : 1));

// Checks still running at the lowest priority now have the cores to themselves, unless the machine
// got busy since: then other load starves them, and they start again at the normal priority.
const starved = staticChecks.filter((job) => !job.running.done);
if (starved.length > 0 && (await coreUse()).nice < 0.5) {
	console.log(
		`\n${starved.map((job) => job.name).join(', ')}: still running, again at normal priority`,
	);
	staticChecks = await Promise.all(
		staticChecks.map(async (job) => {
			if (job.running.done) return job;
			await job.running.stop();
			return startStatic(job, 0);
		}),
	);
}

const steps: Step[] = [];
for (const job of staticChecks) {
	const outcome = await job.running.outcome;
	console.log(`\n━━ ${job.name} ━━`);
	process.stdout.write(outcome.output);
	steps.push({ name: job.name, ...check(outcome.status), seconds: outcome.seconds });
}
steps.push(
	{ name: 'unit tests (vitest)', ...unitCounts(unit.status), seconds: unit.seconds },
	{ name: 'production build', ...check(build.status), seconds: build.seconds },
	{
		name: 'bundle budgets (gzip, tests/budgets.json)',
		...check(budgets.status),
		seconds: budgets.seconds,
	},
	{
		name: 'browser tests (playwright, chromium)',
		...e2eCounts(browser.status),
		seconds: e2eBuild.seconds + browser.seconds,
	},
);
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
console.log(`(the run took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
if (existsSync(`${REPORTS}/e2e.json`) === false)
	console.log('(no browser test report was written)');
console.log(
	`Total: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exit(total.failed > 0 || total.skipped > 0 ? 1 : 0);
