/**
 * Browser tests: build the app pointed at the emulator, then run Playwright against it on a static
 * host (production bundle, production CSP) with Debian's Chromium. Extra arguments go to Playwright.
 *
 * Shards: with a second core free, the tests run as two Playwright processes side by side, each
 * with its own emulator, its own app build against it and its own ports (`ports.ts`), so no test
 * sees another's requests. A test needs about one core (its page, the emulator, the host), so the
 * shard count is the number of cores idle when the tests start (one when the machine is busy),
 * at most two; `E2E_SHARDS=n` sets it. Each shard writes its own report; the gate reads the sum in
 * `.reports/e2e.json`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ensureTestBrowser } from './chromium';
import { sideBySide } from './cores';
import { fileWeights, readDurations, splitFiles, suiteTotals, type Suite } from './e2e-durations';
import { e2ePorts, SUBPATH_SPECS } from './ports';
import { buildAppAsync, e2eBuildEnv } from './servers';

const REPORT = '.reports/e2e.json';
const MAX_SHARDS = 2;

async function shardCount(): Promise<number> {
	return sideBySide('browser test shards', MAX_SHARDS, process.env.E2E_SHARDS);
}

type Stats = { expected: number; unexpected: number; flaky: number; skipped: number };

function readStats(path: string): Stats | null {
	try {
		const report = JSON.parse(readFileSync(path, 'utf8')) as { stats?: Stats };
		return report.stats ?? null;
	} catch {
		return null;
	}
}

const PLAYWRIGHT = ['playwright', 'test', '-c', 'tests/playwright.config.ts'];

/**
 * The spec files for each shard, about the same time in each: the files longest first, each to
 * the shard with the least time so far. A file's time is its tests' summed durations in the last
 * recorded full run (tests/e2e/durations.json, `tsx tests/scripts/e2e-durations.ts` after a run),
 * or for a file not recorded there its number of tests times the recorded mean. Playwright's
 * `--shard` cuts the list in runs of files instead, which left one shard with a minute and a half
 * more to do; balancing test counts still left 40 s. Null when the list cannot be had: then
 * `--shard` it is.
 */
function balancedFiles(shards: number): string[][] | null {
	const listed = spawnSync('npx', [...PLAYWRIGHT, '--list', '--reporter=json'], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	let report: { suites: Suite[]; config: { rootDir: string } };
	try {
		report = JSON.parse(listed.stdout) as typeof report;
	} catch {
		return null;
	}
	const weigh = fileWeights(readDurations());
	return splitFiles(
		report.suites.map((suite) => ({
			file: `${report.config.rootDir}/${suite.file}`,
			seconds: weigh(suite.file, suiteTotals(suite).tests),
		})),
		shards,
		// One shard serves the sub-path app, so one build of it is enough.
		(file) => SUBPATH_SPECS.test(file),
	);
}

/** Whether a shard's files (null: not known, any of them) include one the sub-path app serves. */
const needsSubpath = (files: string[] | null | undefined) =>
	!files || files.some((file) => SUBPATH_SPECS.test(file));

/** Playwright takes file arguments as patterns: these match exactly one path each. */
const exactly = (path: string) => `${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

/** One Playwright process for `slot`; its lines go to stdout with the shard's name in front. */
function runShard(
	slot: number,
	shards: number,
	chromium: string,
	extraArgs: string[],
	files: string[] | null,
) {
	const ports = e2ePorts(slot);
	const report = shards === 1 ? REPORT : `.reports/e2e-${slot + 1}.json`;
	const args = [...PLAYWRIGHT, ...extraArgs];
	if (files) args.push(...files.map(exactly));
	else if (shards > 1) args.push(`--shard=${slot + 1}/${shards}`);
	const child = spawn('npx', args, {
		stdio: shards === 1 ? 'inherit' : ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			CHROMIUM_PATH: chromium,
			E2E_SLOT: String(slot),
			E2E_REPORT: `../${report}`,
			...(needsSubpath(files) ? {} : { E2E_NO_SUBPATH: '1' }),
			...e2eBuildEnv(ports),
		},
	});
	if (shards > 1) {
		const tag = `[${slot + 1}/${shards}]`;
		for (const stream of [child.stdout, child.stderr])
			if (stream)
				createInterface({ input: stream }).on('line', (line) => console.log(`${tag} ${line}`));
	}
	return new Promise<{ status: number; report: string }>((resolve) =>
		child.on('close', (code) => resolve({ status: code ?? 1, report })),
	);
}

export async function runE2e(extraArgs: string[] = []): Promise<number> {
	let chromium: string;
	try {
		chromium = ensureTestBrowser();
	} catch (error) {
		console.error((error as Error).message);
		return 1;
	}
	const shards = await shardCount();
	// Chosen files only when the whole suite runs; arguments given (a file, a grep) use --shard.
	const files = shards > 1 && extraArgs.length === 0 ? balancedFiles(shards) : null;
	mkdirSync('.reports', { recursive: true });
	// Each shard's builds run beside the other shard's, and a shard starts once its own are done.
	const runs = await Promise.all(
		Array.from({ length: shards }, async (_, slot) => {
			const ports = e2ePorts(slot);
			try {
				await buildAppAsync(ports.outDir, e2eBuildEnv(ports));
				// The same app for a sub-path (static hosting under /tools/playground/), served by
				// the subpath project: built only for the shard that runs those specs.
				if (needsSubpath(files?.[slot]))
					await buildAppAsync(ports.subpath.outDir, {
						...e2eBuildEnv(ports),
						VITE_BASE: ports.subpath.base,
					});
			} catch (error) {
				console.error((error as Error).message);
				return { status: 1, report: '' };
			}
			return runShard(slot, shards, chromium, extraArgs, files?.[slot] ?? null);
		}),
	);
	if (shards > 1) {
		const parts = runs.map((run) => readStats(run.report));
		const sum = (key: keyof Stats) => parts.reduce((n, stats) => n + (stats?.[key] ?? 0), 0);
		const stats = {
			expected: sum('expected'),
			unexpected: sum('unexpected') + parts.filter((stats) => !stats).length,
			flaky: sum('flaky'),
			skipped: sum('skipped'),
		};
		writeFileSync(
			REPORT,
			JSON.stringify({ stats, shards: runs.map((run) => run.report) }, null, 2),
		);
		console.log(
			`browser tests in ${shards} shards: ${stats.expected} passed, ${stats.unexpected} failed, ${stats.flaky} flaky, ${stats.skipped} skipped`,
		);
	}
	return runs.every((run) => run.status === 0) ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	process.exit(await runE2e(process.argv.slice(2)));
}
