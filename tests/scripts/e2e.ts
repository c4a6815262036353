/**
 * Browser tests: build the app pointed at the emulator, then run Playwright against it on a static
 * host (production bundle, production CSP) with Debian's Chromium. Extra arguments go to Playwright.
 *
 * Workers: with a second core free, two Playwright workers run side by side, each with its own
 * emulator, its own copy of the app pointed at it and its own ports (`ports.ts`), so no test sees
 * another's requests. A spec file goes to whichever worker is free, so both finish within a file of
 * each other. A test needs about one core (its page, the emulator, the host), so the worker count
 * is the number of cores idle when the tests start (one when the machine is busy), at most two;
 * `E2E_WORKERS=n` sets it. The report is `.reports/e2e.json`.
 *
 * The gate (gate.ts) runs the two halves apart: the builds beside the unit tests, then Playwright.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { bin } from './bin';
import { ensureTestBrowser } from './chromium';
import { sideBySide } from './cores';
import { e2ePorts, emulatorOrigins } from './ports';
import { retarget } from './retarget';
import type { BuildTarget } from './build-apps';
import { buildApps, e2eBuildEnv } from './servers';

const REPORT = '.reports/e2e.json';
const MAX_E2E_WORKERS = 2;

/**
 * How many Playwright workers to run: `E2E_WORKERS`, or the cores idle now (at most two); `idle`
 * is a count already measured.
 */
export const e2eWorkers = (idle?: number) =>
	sideBySide('browser test workers', MAX_E2E_WORKERS, process.env.E2E_WORKERS, idle);

/** Slot 0's builds: the app, and the app under a sub-path, both pointed at its emulator. */
export function e2eBuilds(): BuildTarget[] {
	const first = e2ePorts(0);
	return [
		{ outDir: first.outDir, env: e2eBuildEnv(first) },
		{ outDir: first.subpath.outDir, env: { ...e2eBuildEnv(first), VITE_BASE: first.subpath.base } },
	];
}

/**
 * Each other slot's copy of slot 0's builds, pointed at its own emulator (`retarget.ts`), which is
 * all that differs between slots. Returns 0, or 1 when a copy failed (having said why).
 */
export function copyForSlots(workers: number): number {
	const first = e2ePorts(0);
	try {
		for (let slot = 1; slot < workers; slot++) {
			const ports = e2ePorts(slot);
			const origins = emulatorOrigins(first, ports);
			retarget(first.outDir, ports.outDir, origins);
			retarget(first.subpath.outDir, ports.subpath.outDir, origins);
		}
		return 0;
	} catch (error) {
		console.error((error as Error).message);
		return 1;
	}
}

/**
 * The builds of every slot: slot 0's in one process (`buildApps`), then a copy of them for each
 * other slot. `nice` runs the builds at a lower priority, so that they take only what other steps
 * leave of the cores.
 */
export async function buildE2e(workers: number, nice = 0): Promise<number> {
	const failed = await buildApps(e2eBuilds(), nice);
	return failed.length > 0 ? 1 : copyForSlots(workers);
}

/** Playwright over the builds of `buildE2e(workers)`; resolves to its exit code. */
export function runPlaywright(workers: number, extraArgs: string[] = []): Promise<number> {
	let chromium: string;
	try {
		chromium = ensureTestBrowser();
	} catch (error) {
		console.error((error as Error).message);
		return Promise.resolve(1);
	}
	mkdirSync('.reports', { recursive: true });
	const child = spawn(
		bin('playwright'),
		['test', '-c', 'tests/playwright.config.ts', ...extraArgs],
		{
			stdio: 'inherit',
			env: {
				...process.env,
				CHROMIUM_PATH: chromium,
				E2E_WORKERS: String(workers),
				E2E_REPORT: `../${REPORT}`,
			},
		},
	);
	return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

export async function runE2e(extraArgs: string[] = []): Promise<number> {
	const workers = await e2eWorkers();
	const built = await buildE2e(workers);
	return built === 0 ? runPlaywright(workers, extraArgs) : built;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	process.exit(await runE2e(process.argv.slice(2)));
}
