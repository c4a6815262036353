/**
 * `npx tsx tests/scripts/screenshots-conversation.ts`: the conversation view at 1440 and 390 px,
 * light and dark: a reasoning model answered, replied to twice, regenerated, a turn being edited.
 * PNGs go to test-results/screens/. Builds dist-e2e/ first when it is missing.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { KEYS, saveKey, setRequest } from '../e2e/fixtures';
import { ensureChromium } from './chromium';
import { E2E } from './ports';
import { buildE2eApp, startAppServers } from './servers';

const OUT = 'test-results/screens';

async function done(page: Page) {
	await page
		.getByRole('region', { name: 'Response' })
		.getByText(/^Done/)
		.waitFor({ timeout: 20_000 });
}

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
					path: `${OUT}/conv-${name}-${scheme}-${step}.png`,
					fullPage: name === 'narrow',
				});
			await page.goto(servers.appUrl);
			await saveKey(page, KEYS.good);
			await setRequest(page, {
				model: 'emulator/reasoning',
				messages: [
					{ role: 'system', content: 'You are a concise travel guide.' },
					{ role: 'user', content: 'What should I see in Paris?' },
				],
				stream: true,
			});
			await shot('1-before-send');
			await page.getByRole('button', { name: 'Send', exact: true }).click();
			await done(page);
			const box = page.getByRole('textbox', { name: 'Reply' });
			for (const text of ['And in Lyon?', 'Which is cheaper?']) {
				await box.fill(text);
				await box.press('Enter');
				await page
					.getByRole('region', { name: 'Response' })
					.getByText(/^Streaming/)
					.waitFor()
					.catch(() => undefined);
				await done(page);
			}
			await shot('2-three-turns');
			await page.getByRole('button', { name: 'Regenerate' }).first().click();
			await done(page);
			await shot('3-regenerated');
			const turn = page.getByRole('listitem', { name: 'User, turn 4' });
			await turn.getByRole('button', { name: 'Edit' }).click();
			await turn.getByRole('textbox').fill('And in Marseille?');
			await shot('4-editing');
			await page.close();
		}
	}
} finally {
	await browser?.close();
	await servers.close();
}
