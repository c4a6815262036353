/**
 * Diagnostic for B8 (not a bench): builds the app (unminified unless MINIFY=1, so constructors
 * keep their names), runs B8's steps and writes V8 heap snapshots for heap-diff.ts: before.
 * (warm, history cleared), kept (three long runs and a short one, history kept) and cleared.
 * `npx tsx tests/bench/heap-snapshots.ts <outDir>`; diff with
 * `NODE_OPTIONS=--max-old-space-size=4096 npx tsx tests/bench/heap-diff.ts <outDir>/before.heapsnapshot <outDir>/cleared.heapsnapshot`
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type CDPSession } from '@playwright/test';
import { startEmulator } from '../emulator/server';
import { bin } from '../scripts/bin';
import { ensureChromium } from '../scripts/chromium';
import { serveStatic } from '../scripts/servers';
import { saveKeyInUi } from './app-driver';
import { clearHistory, settledRun } from './bench-b8-memory';
import { chooseEditor } from './editor-driver';
import { takeSnapshot } from './heap-graph';
import { heapAfterGc, paceChat } from './page-probes';

const out = process.argv[2] ?? 'bench-results/heap';
const DIST = 'bench-results/dist-heap';

async function snapshot(cdp: CDPSession, tag: string): Promise<void> {
	const heap = await heapAfterGc(cdp);
	writeFileSync(`${out}/${tag}.heapsnapshot`, await takeSnapshot(cdp));
	console.log(`${tag}: JS heap ${(heap / 1024 / 1024).toFixed(2)} MB`);
}

async function main() {
	mkdirSync(out, { recursive: true });
	const emulator = await startEmulator({ tokenDelayMs: 2, generationDelayMs: 100 });
	const minify = process.env.MINIFY ? [] : ['--minify', 'false'];
	const args = ['build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'warn', ...minify];
	const env = { ...process.env, VITE_OPENROUTER_BASE_URL: emulator.apiBaseUrl };
	if (spawnSync(bin('vite'), args, { stdio: 'inherit', env }).status !== 0)
		throw new Error('build failed');
	const app = await serveStatic({ root: DIST });
	const browser = await chromium.launch({
		executablePath: ensureChromium(),
		args: ['--no-sandbox', '--disable-gpu'],
	});
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable');
		await paceChat(page, 0.2);
		await chooseEditor(page, 'plain');
		await page.goto(app.url);
		await page.getByRole('region', { name: 'Code' }).getByRole('tab').first().waitFor();
		await page.getByRole('tab', { name: 'Messages', exact: true }).waitFor();
		await saveKeyInUi(page, 'sk-or-v1-test-bench-0001');
		await settledRun(page, 50);
		for (let i = 0; i < 2; i++) await settledRun(page, 20_000);
		await settledRun(page, 50);
		await clearHistory(page);
		await snapshot(cdp, 'before');
		for (let i = 0; i < 3; i++) await settledRun(page, 20_000);
		await settledRun(page, 50);
		await snapshot(cdp, 'kept');
		await clearHistory(page);
		await snapshot(cdp, 'cleared');
	} finally {
		await browser.close();
		await app.close();
		await emulator.close();
	}
}

await main();
