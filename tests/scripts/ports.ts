/** Where the browser tests serve the app and the emulator. Uncommon ports, so a dev server can run beside them. */
const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 18787);
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 14173);
const SUBPATH_PORT = Number(process.env.E2E_SUBPATH_PORT ?? APP_PORT + 100);
const SUBPATH_BASE = '/tools/playground/';

export const E2E = {
	emulatorPort: EMULATOR_PORT,
	appPort: APP_PORT,
	emulatorOrigin: `http://127.0.0.1:${EMULATOR_PORT}`,
	apiBaseUrl: `http://127.0.0.1:${EMULATOR_PORT}/api/v1`,
	/** The same emulator under another host name: a second allowed API origin for Settings tests. */
	altApiOrigin: `http://localhost:${EMULATOR_PORT}`,
	appOrigin: `http://127.0.0.1:${APP_PORT}`,
	outDir: 'dist-e2e',
	/** The same app built with VITE_BASE and served under that path by a static host with `_headers`. */
	subpath: {
		port: SUBPATH_PORT,
		base: SUBPATH_BASE,
		origin: `http://127.0.0.1:${SUBPATH_PORT}`,
		appUrl: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH_BASE}`,
		outDir: 'dist-e2e-subpath',
	},
} as const;
