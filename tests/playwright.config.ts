import { defineConfig, devices } from '@playwright/test';
import { E2E, SUBPATH_SPECS } from './scripts/ports';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
	testDir: './e2e',
	// One folder and one report per shard (tests/scripts/e2e.ts runs shards side by side).
	outputDir: `../test-results${E2E.slot ? `-${E2E.slot + 1}` : ''}`,
	fullyParallel: false,
	// The emulator records requests for assertions; one worker keeps each test's record its own
	// (the gate runs shards side by side instead, each with an emulator of its own: scripts/e2e.ts).
	workers: 1,
	retries: 0,
	forbidOnly: true,
	timeout: 30_000,
	expect: { timeout: 10_000 },
	reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? '../.reports/e2e.json' }]],
	use: {
		baseURL: `${E2E.appOrigin}/`,
		// A failed test keeps a trace of its actions with their logs, the console and errors (and a
		// screenshot). DOM snapshots and network capture cost about a seventh of the suite's CPU, for
		// traces almost all thrown away; `--trace on` records everything when a failure needs it.
		trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false, sources: false },
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
	webServer: [
		{
			command: `npx tsx tests/emulator/main.ts`,
			cwd: '..',
			env: { PORT: String(E2E.emulatorPort), EMULATOR_TOKEN_DELAY_MS: '15' },
			url: `${E2E.emulatorOrigin}/__emulator/health`,
			reuseExistingServer: false,
			timeout: 30_000,
		},
		{
			// The app on a host that sends no headers of its own (GitHub Pages): the CSP is the page's
			// meta tag, and nothing stops framing but the app itself (framing.spec.ts). A path that is
			// no file gets index.html, as from `vite preview` (sw-cache.spec.ts).
			command: `npx tsx tests/scripts/static-server.ts --root ${E2E.outDir} --port ${E2E.appPort} --no-headers --spa`,
			cwd: '..',
			url: `${E2E.appOrigin}/`,
			reuseExistingServer: false,
			timeout: 30_000,
		},
		// Not for a shard given no sub-path spec (tests/scripts/e2e.ts builds that app only where needed).
		...(process.env.E2E_NO_SUBPATH
			? []
			: [
					{
						command: `npx tsx tests/scripts/static-server.ts --root ${E2E.subpath.outDir} --base ${E2E.subpath.base} --port ${E2E.subpath.port}`,
						cwd: '..',
						url: E2E.subpath.appUrl,
						reuseExistingServer: false,
						timeout: 30_000,
					},
				]),
	],
});
