/**
 * `npx tsx tests/scripts/screenshots-response.ts`: the response pane in its main states (markdown
 * with code, tool calls with the results form, logprobs, image, error, raw inspector) at desktop and
 * narrow widths. PNGs go to test-results/screens/response-*.png. Builds dist-e2e/ first when it is
 * missing.
 */
import { chromium, type Page } from '@playwright/test';
import { setRequest } from '../e2e/fixtures';
import { ensureChromium } from './chromium';
import { E2E } from './ports';
import { buildE2eApp, startAppServers } from './servers';

const OUT = 'test-results/screens';
const MARKDOWN =
	'# Streaming, explained\n\nThe answer arrives **token by token**; settled blocks are never re-rendered.\n\n```ts\nconst res = await fetch(url, { method: "POST" });\nfor await (const chunk of res.body) render(chunk);\n```\n\n| tokens | time |\n| --- | ---: |\n| 20 000 | 4 s |\n\n- a [link](https://example.org) and `inline code`\n- ![a chart](https://example.org/chart.png)\n\n> <img src=x onerror=alert(1)> stays text';
const TOOL = {
	type: 'function',
	function: {
		name: 'get_weather',
		parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
	},
};
const STATES: [string, Record<string, unknown>, string?][] = [
	['markdown', { model: 'emulator/echo', messages: [{ role: 'user', content: MARKDOWN }] }],
	['tools', { model: 'emulator/parallel-tool-calls', tools: [TOOL] }],
	['reasoning-logprobs', { model: 'emulator/reasoning', logprobs: true, max_tokens: 40 }],
	['logprobs', { model: 'emulator/logprobs', logprobs: true, top_logprobs: 2, max_tokens: 40 }],
	['image', { model: 'emulator/image' }],
	['error', { model: 'emulator/http-429' }, 'Error'],
	// Long enough for the open block to grow in parts (markdown-dom.ts), coloured once Done.
	['long-code', { model: 'emulator/bench-code', max_tokens: 3000 }],
	// 200 rows: held past its first hundred (markdown-dom.ts), so it ends as grid rows.
	['long-table', { model: 'emulator/bench-table', max_tokens: 3000 }],
	['inspector', { model: 'emulator/text', max_tokens: 20 }],
];

buildE2eApp();
const servers = await startAppServers({
	dist: E2E.outDir,
	appPort: E2E.appPort,
	emulator: { port: E2E.emulatorPort, tokenDelayMs: 5 },
});

async function show(page: Page, name: string, body: Record<string, unknown>, until = 'Done') {
	const request = {
		messages: [{ role: 'user', content: 'Weather in Paris?' }],
		stream: true,
		...body,
	};
	await setRequest(page, request);
	await page.getByRole('button', { name: 'Send' }).click();
	await page.getByRole('status').filter({ hasText: until }).waitFor();
	if (name === 'logprobs')
		await page
			.getByRole('region', { name: 'Token probabilities' })
			.getByRole('button')
			.nth(2)
			.click();
	if (name === 'inspector') await page.getByText('Raw request and response').click();
	await page.waitForTimeout(300);
}

const browser = await chromium.launch({
	executablePath: ensureChromium(),
	args: ['--no-sandbox', '--disable-gpu'],
});
try {
	for (const [width, height, label] of [
		[1440, 900, 'desktop'],
		[390, 844, 'narrow'],
	] as const) {
		const page = await browser.newPage({ viewport: { width, height } });
		await page.goto(servers.appUrl);
		await page.getByRole('button', { name: 'API key' }).click();
		await page.getByLabel('OpenRouter API key').fill('sk-or-v1-test-screens-0001');
		await page.getByRole('button', { name: 'Save key' }).click();
		for (const [name, body, until] of STATES) {
			await show(page, name, body, until);
			const region = page.getByRole('region', { name: 'Response' });
			await (label === 'narrow' ? region : page).screenshot({
				path: `${OUT}/response-${label}-${name}.png`,
			});
		}
		await page.close();
	}
	console.log(`screenshots in ${OUT}/response-*.png`);
} finally {
	await browser.close();
	await servers.close();
}
