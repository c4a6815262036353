/**
 * Browser tests: build the app pointed at the emulator, then run Playwright against `vite preview`
 * (production bundle, production CSP) with Debian's Chromium. Extra arguments go to Playwright.
 */
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium';
import { E2E } from './ports';
import { E2E_BUILD_ENV, buildApp } from './servers';

export function runE2e(extraArgs: string[] = []): number {
	let chromium: string;
	try {
		chromium = ensureChromium();
	} catch (error) {
		console.error((error as Error).message);
		return 1;
	}
	const env = { ...process.env, CHROMIUM_PATH: chromium, ...E2E_BUILD_ENV };
	try {
		buildApp(E2E.outDir, E2E_BUILD_ENV);
		// The same app for a sub-path (static hosting under /tools/playground/), served by the subpath project.
		buildApp(E2E.subpath.outDir, { ...E2E_BUILD_ENV, VITE_BASE: E2E.subpath.base });
	} catch (error) {
		console.error((error as Error).message);
		return 1;
	}
	const tests = spawnSync(
		'npx',
		['playwright', 'test', '-c', 'tests/playwright.config.ts', ...extraArgs],
		{ stdio: 'inherit', env },
	);
	return tests.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	process.exit(runE2e(process.argv.slice(2)));
}
