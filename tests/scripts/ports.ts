/**
 * Where the browser tests serve the app and the emulator. Uncommon ports, so a dev server can run
 * beside them. The gate may run two Playwright workers side by side (tests/scripts/e2e.ts): worker
 * `slot` gets ports ten above the one before and build folders of its own, so each has its own
 * emulator (whose request log a test reads) and its own copy of the app pointed at it.
 */
const BASE_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 18787);
const BASE_APP_PORT = Number(process.env.E2E_APP_PORT ?? 14173);
const BASE_SUBPATH_PORT = Number(process.env.E2E_SUBPATH_PORT ?? BASE_APP_PORT + 100);
const SUBPATH_BASE = '/tools/playground/';

export function e2ePorts(slot = 0) {
	const emulatorPort = BASE_EMULATOR_PORT + slot * 10;
	const appPort = BASE_APP_PORT + slot * 10;
	const subpathPort = BASE_SUBPATH_PORT + slot * 10;
	const suffix = slot === 0 ? '' : `-${slot}`;
	return {
		slot,
		emulatorPort,
		appPort,
		emulatorOrigin: `http://127.0.0.1:${emulatorPort}`,
		apiBaseUrl: `http://127.0.0.1:${emulatorPort}/api/v1`,
		/** The same emulator under another host name: a second allowed API origin for Settings tests. */
		altApiOrigin: `http://localhost:${emulatorPort}`,
		appOrigin: `http://127.0.0.1:${appPort}`,
		outDir: `dist-e2e${suffix}`,
		/** The same app built with VITE_BASE and served under that path by a static host with `_headers`. */
		subpath: {
			port: subpathPort,
			base: SUBPATH_BASE,
			origin: `http://127.0.0.1:${subpathPort}`,
			appUrl: `http://127.0.0.1:${subpathPort}${SUBPATH_BASE}`,
			outDir: `dist-e2e-subpath${suffix}`,
		},
	} as const;
}

export type E2ePorts = ReturnType<typeof e2ePorts>;

/** What the app built for slot `from` must say instead to talk to slot `to`'s emulator. */
export const emulatorOrigins = (from: E2ePorts, to: E2ePorts) =>
	[
		[from.emulatorOrigin, to.emulatorOrigin],
		[from.altApiOrigin, to.altApiOrigin],
	] as const;

/** The specs the sub-path build serves (the `subpath` project in playwright.config.ts). */
export const SUBPATH_SPECS = /subpath\.spec\.ts$/;

/**
 * How many Playwright workers run side by side (`E2E_WORKERS`, set by tests/scripts/e2e.ts; 1 when
 * run alone): each has its own slot of ports, emulator and builds.
 */
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS) || 1);

/**
 * This process's slot: a Playwright worker's parallel index (kept by a worker that replaces a
 * failed one), so the tests a worker runs see only its own emulator; 0 anywhere else.
 */
export const E2E = e2ePorts(Number(process.env.TEST_PARALLEL_INDEX ?? 0));
