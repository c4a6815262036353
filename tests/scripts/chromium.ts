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

function onPath(name: string): string | null {
	const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
	const path = found.stdout.trim();
	return found.status === 0 && path ? path : null;
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
	const override = env.CHROMIUM_PATH ?? env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
	if (override) return existsSync(override) ? override : null;
	for (const path of CANDIDATES) if (existsSync(path)) return path;
	for (const name of NAMES) {
		const path = onPath(name);
		if (path) return path;
	}
	return null;
}

/**
 * Finds a Chromium, or installs Debian's when we are root with apt-get (CI and fresh machines);
 * otherwise throws with the exact command to run. Playwright's own browser download cannot work here.
 */
export function ensureChromium(): string {
	const found = findChromium();
	if (found) return found;
	if (process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE) {
		throw new Error(`CHROMIUM_PATH points to a file that does not exist.`);
	}
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (isRoot && onPath('apt-get')) {
		console.log('No Chromium found: installing Debian chromium with apt-get (one time)…');
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
		execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
		const installed = findChromium();
		if (installed) return installed;
	}
	throw new Error(
		`No Chromium found for the browser tests. Install one and run again:\n  ${INSTALL_COMMAND}\n` +
			'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
	);
}
