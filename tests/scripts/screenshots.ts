/**
 * `npx tsx tests/scripts/screenshots.ts`: looks at the app as a new user would, at desktop and
 * narrow widths (first load, key dialog, a streamed answer, bad JSON, an API error). PNGs go to
 * test-results/screens/. Run `npm run test:e2e` once first so dist-e2e/ exists.
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { ensureChromium } from './chromium';
import { E2E } from './ports';

const OUT = 'test-results/screens';
const servers = [
	spawn('npx', ['tsx', 'tests/emulator/main.ts'], {
		env: { ...process.env, PORT: String(E2E.emulatorPort) },
	}),
	spawn('npx', [
		'vite',
		'preview',
		'--outDir',
		E2E.outDir,
		'--port',
		String(E2E.appPort),
		'--strictPort',
		'--host',
		'127.0.0.1',
	]),
];
await new Promise((resolve) => setTimeout(resolve, 2500));

const browser = await chromium.launch({
	executablePath: ensureChromium(),
	args: ['--no-sandbox', '--disable-gpu'],
});
try {
	for (const [name, viewport] of [
		['desktop', { width: 1440, height: 900 }],
		['narrow', { width: 390, height: 844 }],
	] as const) {
		for (const scheme of ['light', 'dark'] as const) {
			const page = await browser.newPage({ viewport, colorScheme: scheme });
			const shot = (step: string) =>
				page.screenshot({
					path: `${OUT}/${name}-${scheme}-${step}.png`,
					fullPage: name === 'narrow',
				});
			await page.goto(`${E2E.appOrigin}/`);
			await shot('1-first-load');
			await page.getByRole('button', { name: 'API key' }).click();
			await shot('2-key-dialog');
			await page.getByLabel('OpenRouter API key').fill('sk-or-v1-test-screens-0001');
			await page.getByRole('button', { name: 'Save key' }).click();
			await page.getByRole('textbox', { name: 'Request JSON' }).fill(
				JSON.stringify(
					{
						model: 'emulator/reasoning',
						messages: [{ role: 'user', content: 'Explain streaming.' }],
						max_tokens: 60,
						stream: true,
					},
					null,
					2,
				),
			);
			await page.getByRole('button', { name: 'Send' }).click();
			await page.getByRole('status').filter({ hasText: 'Done' }).waitFor();
			await shot('3-answer');
			await page
				.getByRole('textbox', { name: 'Request JSON' })
				.fill('{\n  "model": "x",\n  "messages": [\n    {"role": "user" "content": "hi"}\n  ]\n}');
			await shot('4-bad-json');
			await page.getByRole('textbox', { name: 'Request JSON' }).fill(
				JSON.stringify(
					{
						model: 'emulator/http-502',
						messages: [{ role: 'user', content: 'hi' }],
						stream: true,
					},
					null,
					2,
				),
			);
			await page.getByRole('button', { name: 'Send' }).click();
			await page.getByRole('status').filter({ hasText: 'Error' }).waitFor();
			await shot('5-api-error');
			await page.getByRole('heading', { name: 'OpenRouter Playground' }).click();
			await page.keyboard.press('?');
			await shot('6-shortcuts');
			await page.keyboard.press('Escape');
			await page.keyboard.press('Tab');
			await shot('7-focus-ring');
			await page.close();
		}
	}
	console.log(`screenshots in ${OUT}/`);
} finally {
	await browser.close();
	for (const server of servers) server.kill();
}
