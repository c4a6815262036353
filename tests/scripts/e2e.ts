/**
 * Browser tests: build the app pointed at the emulator, then run Playwright against `vite preview`
 * (production bundle, production CSP) with Debian's Chromium. Extra arguments go to Playwright.
 */
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium';
import { E2E } from './ports';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
	const result = spawnSync(command, args, { stdio: 'inherit', env });
	return result.status ?? 1;
}

export function runE2e(extraArgs: string[] = []): number {
	let chromium: string;
	try {
		chromium = ensureChromium();
	} catch (error) {
		console.error((error as Error).message);
		return 1;
	}
	const env = {
		...process.env,
		CHROMIUM_PATH: chromium,
		VITE_OPENROUTER_BASE_URL: E2E.apiBaseUrl,
		VITE_ALLOWED_API_ORIGINS: E2E.altApiOrigin,
		// Monaco only when a test focuses the editor (or opts into idle loading); see io/editor-prefs.ts.
		VITE_EDITOR_MODE: 'focus',
	};
	const built = run(
		'npx',
		['vite', 'build', '--outDir', E2E.outDir, '--emptyOutDir', '--logLevel', 'warn'],
		env,
	);
	if (built !== 0) return built;
	// The same app for a sub-path (static hosting under /tools/playground/), served by the subpath project.
	const builtSubpath = run(
		'npx',
		['vite', 'build', '--outDir', E2E.subpath.outDir, '--emptyOutDir', '--logLevel', 'warn'],
		{ ...env, VITE_BASE: E2E.subpath.base },
	);
	if (builtSubpath !== 0) return builtSubpath;
	return run('npx', ['playwright', 'test', '-c', 'tests/playwright.config.ts', ...extraArgs], env);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	process.exit(runE2e(process.argv.slice(2)));
}
