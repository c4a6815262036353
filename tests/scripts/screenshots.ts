/**
 * `npx tsx tests/scripts/screenshots.ts`: looks at the app as a new user would, at desktop and
 * narrow widths (first load, key dialog, a streamed answer, bad JSON, an API error). PNGs go to
 * test-results/screens/. Builds dist-e2e/ first when it is missing (`npm run test:e2e` rebuilds it).
 */
import { chromium, type Browser } from '@playwright/test';
import { setRequest } from '../e2e/fixtures';
import { ensureChromium } from './chromium';
import { E2E } from './ports';
import { buildE2eApp, startAppServers } from './servers';

const OUT = 'test-results/screens';

buildE2eApp();
const servers = await startAppServers({
	dist: E2E.outDir,
	appPort: E2E.appPort,
	emulator: { port: E2E.emulatorPort },
});
let browser: Browser | undefined;
try {
	browser = await chromium.launch({
		executablePath: ensureChromium(),
		args: ['--no-sandbox', '--disable-gpu'],
	});
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
			await page.goto(servers.appUrl);
			await shot('1-first-load');
			await page.getByRole('combobox', { name: 'Search models' }).fill('claude');
			await shot('1b-model-search');
			await page.keyboard.press('Escape');
			for (const tab of [
				'Messages',
				'Parameters',
				'Tools',
				'Output',
				'Routing',
				'Headers',
				'Presets',
			]) {
				const button = page.getByRole('tab', { name: tab, exact: true });
				if ((await button.count()) === 0) continue;
				await button.click();
				await shot(`1c-builder-${tab.toLowerCase()}`);
			}
			await page.getByRole('tab', { name: 'Model', exact: true }).click();
			await page.getByRole('button', { name: 'API key' }).click();
			// The dialog arrives in a chunk of its own on first use.
			await page.getByRole('dialog', { name: 'API key' }).waitFor();
			await shot('2-key-dialog');
			await page.getByLabel('OpenRouter API key').fill('sk-or-v1-test-screens-0001');
			await page.getByRole('button', { name: 'Save key' }).click();
			await setRequest(
				page,
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
			// Explain the bill, once the generation stats are in (they appear a moment after the run).
			const responseRegion = page.getByRole('region', { name: 'Response' });
			await responseRegion.getByText('Explain the bill').click();
			await responseRegion.getByText('Served by').waitFor({ timeout: 15_000 });
			await responseRegion
				.getByRole('region', { name: 'Bill' })
				.screenshot({ path: `${OUT}/${name}-${scheme}-3b-bill.png` });
			await setRequest(
				page,
				'{\n  "model": "x",\n  "messages": [\n    {"role": "user" "content": "hi"}\n  ]\n}',
			);
			await shot('4-bad-json');
			await setRequest(
				page,
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
			await page.getByRole('textbox', { name: 'Request JSON' }).fill(
				JSON.stringify(
					{
						model: 'google/gemini-2.5-flash',
						messages: [
							{
								role: 'user',
								content: [
									{ type: 'text', text: "What's in this image? It costs $5." },
									{
										type: 'image_url',
										image_url: { url: `data:image/png;base64,${'iVBORw0KGgo'.repeat(900)}` },
									},
								],
							},
						],
						max_tokens: 200,
					},
					null,
					2,
				),
			);
			const code = page.getByRole('region', { name: 'Code' });
			await code.getByRole('tab', { name: 'Python (OpenAI SDK)' }).click();
			await code.getByRole('checkbox', { name: 'Shorten inline data for reading' }).check();
			await shot('6-code-python');
			await page.getByRole('button', { name: 'Import curl' }).click();
			await page
				.getByRole('textbox', { name: 'curl command' })
				.fill(`curl https://openrouter.ai/api/v1/chat/completions \\\n  -d '{"model": }'`);
			await page.getByRole('button', { name: 'Import', exact: true }).click();
			await shot('7-import-curl');
			await page.keyboard.press('Escape');
			await page.getByRole('heading', { name: 'OpenRouter Playground' }).click();
			await page.keyboard.press('?');
			await shot('8-shortcuts');
			await page.keyboard.press('Escape');
			await page.keyboard.press('Tab');
			await shot('9-focus-ring');
			await page.close();
		}
	}
	console.log(`screenshots in ${OUT}/`);
} finally {
	await browser?.close();
	await servers.close();
}
