/** Where the browser tests serve the app and the emulator. Uncommon ports, so a dev server can run beside them. */
const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 18787);
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 14173);

export const E2E = {
	emulatorPort: EMULATOR_PORT,
	appPort: APP_PORT,
	emulatorOrigin: `http://127.0.0.1:${EMULATOR_PORT}`,
	apiBaseUrl: `http://127.0.0.1:${EMULATOR_PORT}/api/v1`,
	/** The same emulator under another host name: a second allowed API origin for Settings tests. */
	altApiOrigin: `http://localhost:${EMULATOR_PORT}`,
	appOrigin: `http://127.0.0.1:${APP_PORT}`,
	outDir: 'dist-e2e',
} as const;
