/**
 * Sets the benches up once: two emulators (HTTP/1.1, and HTTP/2 over TLS with a certificate made at
 * run time), a production build pointed at them, static servers for the build and the baseline
 * pages, and Debian's Chromium. `close()` stops everything it started.
 */
import { spawnSync } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import { startEmulator } from '../emulator/server';
import { ensureChromium } from '../scripts/chromium';
import { startStaticServer } from '../scripts/static-server';
import { selfSignedCert } from './tls';
import type { BenchContext } from './types';

export const OUT = 'bench-results';
const DIST = `${OUT}/dist`;
const KEY = 'sk-or-v1-test-bench-0001';

const urlOf = (server: Server, base = '/') =>
	`http://127.0.0.1:${(server.address() as AddressInfo).port}${base}`;

export async function createContext(): Promise<BenchContext & { close(): Promise<void> }> {
	const log = (message: string) => console.log(`  ${message}`);
	// 2 ms per token = 500 tok/s by default; benches pace faster with X-Emulator-Token-Delay.
	const emulator = await startEmulator({ tokenDelayMs: 2, generationDelayMs: 100 });
	const h2 = await startEmulator({
		tokenDelayMs: 2,
		generationDelayMs: 100,
		tls: selfSignedCert(),
	});
	log(`emulators: ${emulator.origin} (HTTP/1.1), ${h2.origin} (HTTP/2 + TLS)`);
	const built = spawnSync(
		'npx',
		['vite', 'build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'warn'],
		{
			stdio: 'inherit',
			env: {
				...process.env,
				VITE_OPENROUTER_BASE_URL: emulator.apiBaseUrl,
				VITE_ALLOWED_API_ORIGINS: h2.origin,
			},
		},
	);
	if (built.status !== 0) throw new Error('the production build failed');
	const app = await startStaticServer({ root: DIST, base: '/' });
	const baseline = await startStaticServer({ root: 'tests/bench/baseline', base: '/' });
	const browser = await chromium.launch({
		executablePath: ensureChromium(),
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
	});
	log(`app ${urlOf(app)}, baselines ${urlOf(baseline)}, ${browser.version()}`);
	return {
		appUrl: urlOf(app),
		dist: DIST,
		baselineUrl: urlOf(baseline),
		emulator,
		h2,
		browser,
		key: KEY,
		log,
		async newPage(options = {}) {
			const context = await browser.newContext({
				viewport: { width: 1440, height: 900 },
				ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false,
			});
			const page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			await cdp.send('Performance.enable');
			return { context, page, cdp };
		},
		async close() {
			await browser.close();
			await new Promise((resolve) => app.close(resolve));
			await new Promise((resolve) => baseline.close(resolve));
			await emulator.close();
			await h2.close();
		},
	};
}
