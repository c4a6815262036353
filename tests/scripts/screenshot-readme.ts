/**
 * `npx tsx tests/scripts/screenshot-readme.ts`: the README's picture, `docs/screenshot.png`. The
 * built app (dist-e2e/, built first when missing) against the local emulator, one streamed answer
 * at a laptop-sized window. The emulator's `echo` scenario streams the user message back, so the
 * picture shows readable markdown rather than generated filler. When `pngquant` is installed the PNG is quantised to
 * keep the repository small.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { setRequest } from '../e2e/fixtures';
import { ensureChromium } from './chromium';
import { E2E } from './ports';
import { buildE2eApp, startAppServers } from './servers';

const OUT = 'docs/screenshot.png';

buildE2eApp();
const servers = await startAppServers({
	dist: E2E.outDir,
	appPort: E2E.appPort,
	emulator: { port: E2E.emulatorPort },
});
const browser = await chromium.launch({
	executablePath: ensureChromium(),
	args: ['--no-sandbox', '--disable-gpu'],
});
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await page.goto(servers.appUrl);
	await page.getByRole('button', { name: 'API key' }).click();
	await page.getByLabel('OpenRouter API key').fill('sk-or-v1-test-readme-0001');
	await page.getByRole('button', { name: 'Save key' }).click();
	await setRequest(
		page,
		JSON.stringify(
			{
				model: 'emulator/echo',
				messages: [
					{ role: 'system', content: 'You are a helpful assistant. Answer briefly.' },
					{
						role: 'user',
						content:
							'**OpenRouter** is one API for hundreds of models. This playground lets you:\n\n' +
							'- write a request as JSON, or with the forms above it;\n' +
							'- watch the answer stream in, with reasoning, tool calls and cost;\n' +
							'- copy the exact request as `curl`, TypeScript or Python.',
					},
				],
				max_tokens: 200,
				stream: true,
			},
			null,
			2,
		),
	);
	await page.getByRole('button', { name: 'Send' }).click();
	await page
		.getByRole('region', { name: 'Response' })
		.getByRole('status')
		.filter({ hasText: 'Done' })
		.waitFor({ timeout: 60_000 });
	// The generation stats arrive a moment after the run; the picture shows the settled pane.
	await page
		.getByText("Waiting for OpenRouter's generation stats", { exact: false })
		.waitFor({ state: 'hidden', timeout: 60_000 });
	await page.screenshot({ path: OUT });
} finally {
	await browser.close();
	await servers.close();
}
if (spawnSync('pngquant', ['--version']).status === 0)
	spawnSync('pngquant', ['--force', '--skip-if-larger', '--output', OUT, '--', OUT]);
console.log(`${OUT}: ${Math.round(statSync(OUT).size / 1024)} KB`);
