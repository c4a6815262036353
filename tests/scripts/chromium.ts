import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/snap/bin/chromium',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
	'/Applications/Chromium.app/Contents/MacOS/Chromium',
];
const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
export const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium';

/** Chromium's headless shell: the same engine without the browser around it (Debian ships it apart). */
const SHELL_CANDIDATES = [
	'/usr/bin/chromium-headless-shell',
	'/usr/lib/chromium/chromium-headless-shell',
];
const SHELL_PACKAGE = 'chromium-headless-shell';

/** The browser the environment names (`CHROMIUM_PATH`, or Playwright's own variable), if any. */
const chosenBrowser = (env: NodeJS.ProcessEnv = process.env) =>
	env.CHROMIUM_PATH || env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || null;

function onPath(name: string): string | null {
	const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
	const path = found.stdout.trim();
	return found.status === 0 && path ? path : null;
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
	const override = chosenBrowser(env);
	if (override) return existsSync(override) ? override : null;
	for (const path of CANDIDATES) if (existsSync(path)) return path;
	for (const name of NAMES) {
		const path = onPath(name);
		if (path) return path;
	}
	return null;
}

/** Chromium's headless shell where Debian puts it, or on the PATH; null if none. */
export function findHeadlessShell(
	exists: (path: string) => boolean = existsSync,
	onPathNamed: (name: string) => string | null = onPath,
): string | null {
	return SHELL_CANDIDATES.find(exists) ?? onPathNamed(SHELL_PACKAGE);
}

const canApt = () =>
	typeof process.getuid === 'function' && process.getuid() === 0 && onPath('apt-get') !== null;

function aptInstall(name: string): void {
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
	execFileSync('apt-get', ['install', '-y', '-qq', name], {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
}

/**
 * The browser for the browser tests. `CHROMIUM_PATH` chooses one outright; otherwise Chromium's
 * headless shell, installed with apt-get when we are root and it is missing: the same Blink and V8
 * as Chromium, with none of the browser around them, and a fifth less CPU for the same tests on
 * this 2-core machine (the suite is CPU-bound). Without it, the full Chromium (ensureChromium).
 */
export function ensureTestBrowser(): string {
	if (chosenBrowser()) return ensureChromium();
	const shell = findHeadlessShell();
	if (shell) return shell;
	if (canApt()) {
		try {
			console.log(`No headless shell found: installing Debian ${SHELL_PACKAGE} (one time)…`);
			aptInstall(SHELL_PACKAGE);
		} catch {
			console.log(`Installing ${SHELL_PACKAGE} failed: the browser tests use the full Chromium.`);
		}
		const installed = findHeadlessShell();
		if (installed) return installed;
	}
	return ensureChromium();
}

/**
 * Finds a Chromium, or installs Debian's when we are root with apt-get (CI and fresh machines);
 * otherwise throws with the exact command to run. Playwright's own browser download cannot work here.
 */
export function ensureChromium(): string {
	const found = findChromium();
	if (found) return found;
	if (chosenBrowser()) {
		throw new Error(`CHROMIUM_PATH points to a file that does not exist.`);
	}
	if (canApt()) {
		console.log('No Chromium found: installing Debian chromium with apt-get (one time)…');
		aptInstall('chromium');
		const installed = findChromium();
		if (installed) return installed;
	}
	throw new Error(
		`No Chromium found for the browser tests. Install one and run again:\n  ${INSTALL_COMMAND}\n` +
			'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
	);
}
