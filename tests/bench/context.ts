/**
 * Sets the benches up once: two emulators (HTTP/1.1, and HTTP/2 over TLS with a certificate made at
 * run time), a production build pointed at them, static servers for the build and the baseline
 * pages, and Debian's Chromium. `close()` stops everything it started.
 */
import { chromium } from '@playwright/test';
import { startEmulator } from '../emulator/server';
import { ensureChromium } from '../scripts/chromium';
import { buildApp, serveStatic } from '../scripts/servers';
import { selfSignedCert } from './tls';
import type { BenchContext } from './types';

export const OUT = 'bench-results';
const DIST = `${OUT}/dist`;
const KEY = 'sk-or-v1-test-bench-0001';

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
	buildApp(DIST, {
		VITE_OPENROUTER_BASE_URL: emulator.apiBaseUrl,
		VITE_ALLOWED_API_ORIGINS: h2.origin,
	});
	const app = await serveStatic({ root: DIST });
	const baseline = await serveStatic({ root: 'tests/bench/baseline' });
	const browser = await chromium.launch({
		executablePath: ensureChromium(),
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
	});
	log(`app ${app.url}, baselines ${baseline.url}, ${browser.version()}`);
	return {
		appUrl: app.url,
		dist: DIST,
		baselineUrl: baseline.url,
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
			await app.close();
			await baseline.close();
			await emulator.close();
			await h2.close();
		},
	};
}
