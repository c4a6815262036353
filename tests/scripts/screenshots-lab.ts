/**
 * `npx tsx tests/scripts/screenshots-lab.ts`: the prompt lab at 1440 and 390 px, light and dark:
 * cases, three columns, an assertion, and a finished grid with a rate-limited retry and an error,
 * one cell opened; then that grid in the history list and opened again from it. PNGs go to
 * test-results/screens/. Builds dist-e2e/ first when it is missing. Every step waits for what it
 * needs to see, with generous time: a loaded machine only slows it.
 */
import { chromium, type Browser } from '@playwright/test';
import { KEYS, saveKey, setRequest } from '../e2e/fixtures';
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
			servers.emulator.reset(); // the 429-once bodies are rate-limited again
			const page = await browser.newPage({ viewport, colorScheme: scheme });
			page.setDefaultTimeout(60_000);
			const shot = (step: string) =>
				page.screenshot({ path: `${OUT}/lab-${name}-${scheme}-${step}.png` });
			await page.goto(servers.appUrl);
			await saveKey(page, KEYS.good);
			await setRequest(page, {
				model: 'emulator/by-content',
				messages: [{ role: 'user', content: 'Describe {{city}} in {{style}}' }],
				max_tokens: 60,
				stream: true,
			});
			await page.getByRole('button', { name: 'Lab', exact: true }).click();
			const lab = page.getByRole('region', { name: 'Prompt lab' });
			await lab.getByRole('textbox', { name: 'city', exact: true }).fill('Lyon');
			await lab.getByRole('textbox', { name: 'style', exact: true }).fill('one line');
			const cases = [
				['Paris', 'a haiku'],
				['Lyon [429-once]', 'one line'],
				['Nice [mid-stream-error@temperature=0.2]', 'two words'],
			];
			for (const [i, [city, style]] of cases.entries()) {
				await lab.getByRole('button', { name: 'Add case' }).click();
				await lab.getByRole('textbox', { name: `city, case ${i + 1}` }).fill(city ?? '');
				await lab.getByRole('textbox', { name: `style, case ${i + 1}` }).fill(style ?? '');
			}
			await lab.getByRole('button', { name: 'Add column' }).click();
			await lab.getByRole('textbox', { name: 'Patch for column 2' }).fill('{"temperature": 0.2}');
			await lab.getByLabel('Model for a new column').fill('emulator/echo');
			await lab.getByRole('button', { name: 'Add column' }).click();
			await lab.getByLabel('Text', { exact: true }).fill('Paris');
			await lab.getByRole('button', { name: 'Add assertion' }).click();
			await shot('1-setup');
			await lab.getByRole('button', { name: 'Run grid' }).click();
			// Finished: every cell ended (one mid-stream error), and every column's checks are in.
			await lab
				.getByLabel('Grid totals')
				.filter({ hasText: '8/9 done · 1 failed' })
				.waitFor({ timeout: 120_000 });
			for (const column of [1, 2, 3])
				await lab
					.getByLabel(`Totals for column ${column}`)
					.filter({ hasText: 'pass ' })
					.waitFor({ timeout: 60_000 });
			await lab.getByRole('button', { name: 'Case 2, column 2', exact: true }).click();
			await lab.getByRole('region', { name: 'Answer of Case 2, column 2' }).waitFor();
			await lab.getByRole('heading', { name: 'Grid' }).scrollIntoViewIfNeeded();
			await shot('2-grid');
			await lab.getByRole('region', { name: /^Answer of/ }).scrollIntoViewIfNeeded();
			await shot('3-answer');
			// The ended grid is kept in history; opened from there, it shows its results again.
			await lab.getByRole('button', { name: 'Run grid' }).and(page.locator(':enabled')).waitFor();
			await page.keyboard.press('Escape');
			await page.getByRole('button', { name: 'History' }).click();
			const history = page.getByRole('dialog', { name: 'History' });
			const entry = history.getByRole('listitem').filter({ hasText: 'Lab · 3 × 3' });
			await entry.waitFor();
			await shot('4-history');
			await entry.getByRole('button').click();
			await history.getByRole('button', { name: 'Open in prompt lab' }).click();
			await lab.getByRole('status').filter({ hasText: 'Nothing has been sent' }).waitFor();
			await lab.getByRole('heading', { name: 'Grid' }).scrollIntoViewIfNeeded();
			await shot('5-restored');
			await page.close();
		}
	}
} finally {
	await browser?.close();
	await servers.close();
}
