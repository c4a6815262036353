import { defineConfig, devices } from '@playwright/test';
import { E2E, E2E_WORKERS, e2ePorts, SUBPATH_SPECS, type E2ePorts } from './scripts/ports';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A worker slot's servers: its emulator, the app built against it, the same app under a sub-path. */
const servers = (ports: E2ePorts) => [
	{
		command: `node --import tsx tests/emulator/main.ts`,
		cwd: '..',
		env: { PORT: String(ports.emulatorPort) },
		url: `${ports.emulatorOrigin}/__emulator/health`,
		reuseExistingServer: false,
		timeout: 30_000,
	},
	{
		// The app on a host that sends no headers of its own (GitHub Pages): the CSP is the page's
		// meta tag, and nothing stops framing but the app itself (framing.spec.ts). A path that is
		// no file gets index.html, as from `vite preview` (sw-cache.spec.ts).
		command: `node --import tsx tests/scripts/static-server.ts --root ${ports.outDir} --port ${ports.appPort} --no-headers --spa`,
		cwd: '..',
		url: `${ports.appOrigin}/`,
		reuseExistingServer: false,
		timeout: 30_000,
	},
	{
		// Built with VITE_BASE, served under that path with the production headers of _headers.
		command: `node --import tsx tests/scripts/static-server.ts --root ${ports.subpath.outDir} --base ${ports.subpath.base} --port ${ports.subpath.port}`,
		cwd: '..',
		url: ports.subpath.appUrl,
		reuseExistingServer: false,
		timeout: 30_000,
	},
];

export default defineConfig({
	testDir: './e2e',
	outputDir: '../test-results',
	// A spec file's tests run in order in one worker; the next file goes to whichever worker is free.
	fullyParallel: false,
	// The emulator records requests for assertions: each worker has an emulator of its own, and the
	// app built against it (tests/scripts/e2e.ts, the `baseURL` fixture in e2e/fixtures.ts).
	workers: E2E_WORKERS,
	retries: 0,
	forbidOnly: true,
	timeout: 30_000,
	expect: { timeout: 10_000 },
	reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? '../.reports/e2e.json' }]],
	use: {
		// This worker's app (the fixture in e2e/fixtures.ts); the sub-path project's is its own.
		baseURL: `${E2E.appOrigin}/`,
		// A failed test keeps a trace of its actions with their logs, the console and errors (and a
		// screenshot). DOM snapshots and network capture cost about a seventh of the suite's CPU, for
		// traces almost all thrown away; `--trace on` records everything when a failure needs it.
		// Under CI nothing is kept but the printed log, so no trace is recorded there at all: even
		// this light one cost about 3 % of the suite's CPU. The log has each failure's call log.
		trace: {
			mode: process.env.CI ? 'off' : 'retain-on-failure',
			snapshots: false,
			screenshots: false,
			sources: false,
		},
		// The service worker installs, caches the shell and then fetches the rich editor's files
		// (4 MB) in every new context: about half a second of CPU a test, for no test's sake. The
		// specs about offline use and the worker allow it (`test.use({ serviceWorkers: 'allow' })`).
		serviceWorkers: 'block',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		},
	},
	projects: [
		{
			name: 'chromium',
			testIgnore: SUBPATH_SPECS,
			use: { ...devices['Desktop Chrome'], channel: undefined },
		},
		{
			// dist built with VITE_BASE, served under that path with the production headers of _headers.
			name: 'subpath',
			testMatch: SUBPATH_SPECS,
			use: { ...devices['Desktop Chrome'], channel: undefined, baseURL: E2E.subpath.appUrl },
		},
	],
	// Each worker's own emulator, the app built against it, and the same app under a sub-path.
	webServer: Array.from({ length: E2E_WORKERS }, (_, slot) => servers(e2ePorts(slot))).flat(),
});
