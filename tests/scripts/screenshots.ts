/**
 * `npx tsx tests/scripts/screenshots.ts`: looks at the app as a new user would, at desktop and
 * narrow widths (first load, key dialog, a streamed answer, bad JSON, an API error). PNGs go to
 * test-results/screens/. Run `npm run test:e2e` once first so dist-e2e/ exists.
 */
import { spawn } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { ensureChromium } from './chromium';
import { E2E } from './ports';

const OUT = 'test-results/screens';
// Each server in its own process group, so the whole npx → node tree goes when we are done.
const start = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
	spawn('npx', args, { env, detached: true, stdio: 'ignore' });
const servers = [
	start(['tsx', 'tests/emulator/main.ts'], { ...process.env, PORT: String(E2E.emulatorPort) }),
	start([
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
const stopServers = () => {
	for (const server of servers) if (server.pid) process.kill(-server.pid, 'SIGTERM');
};

/** Like the e2e `setRequest`: the plain field without focusing it, or typed over in Monaco. */
async function setText(page: Page, text: string): Promise<void> {
	const box = page.getByRole('textbox', { name: 'Request JSON' });
	if ((await page.locator('.monaco-editor').count()) > 0) {
		await box.focus();
		await page.keyboard.press('ControlOrMeta+A');
		await page.keyboard.insertText(text);
		return;
	}
	await box.evaluate((field, value) => {
		(field as HTMLTextAreaElement).value = value;
		field.dispatchEvent(new Event('input', { bubbles: true }));
	}, text);
}

async function waitFor(url: string): Promise<void> {
	for (let tries = 0; tries < 150; tries++) {
		const ok = await fetch(url).then(
			(res) => res.ok,
			() => false,
		);
		if (ok) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`${url} did not answer within 30 s`);
}

let browser: Browser | undefined;
try {
	await waitFor(`${E2E.emulatorOrigin}/__emulator/health`);
	await waitFor(`${E2E.appOrigin}/`);
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
			await page.goto(`${E2E.appOrigin}/`);
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
			await setText(
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
			await setText(
				page,
				'{\n  "model": "x",\n  "messages": [\n    {"role": "user" "content": "hi"}\n  ]\n}',
			);
			await shot('4-bad-json');
			await setText(
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
	stopServers();
}
