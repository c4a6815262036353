/**
 * The model browser and a model's providers, against the emulator's 500+ model catalog (generated
 * from a fixed seed, so the cheapest image-input model with tools is always the same one).
 */
import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { KEYS, emulator, expect, saveKey, setRequest, test } from './fixtures';

/** The cheapest image-input model with tools under $1/M in the seeded catalog, and its providers. */
const CHEAPEST = 'baidu/ernie-vl-3.2-14b-large:free';
const TOOLS = [
	{
		type: 'function',
		function: { name: 'lookup', description: 'Look up', parameters: { type: 'object' } },
	},
];
const REQUEST = {
	model: 'openai/gpt-4o-mini',
	messages: [{ role: 'user', content: 'What is in this picture?' }],
	tools: TOOLS,
	max_tokens: 30,
	stream: true,
};

/** The rows of the list (the filters' selects have options too). */
const found = (dialog: Locator) =>
	dialog.getByRole('listbox', { name: 'Models found' }).getByRole('option');
const json = (page: Page) => page.getByRole('textbox', { name: 'Request JSON' });

async function openBrowser(page: Page): Promise<Locator> {
	const request = page.getByRole('region', { name: 'Request' });
	await request.getByRole('tab', { name: 'Model' }).click();
	await request.getByRole('button', { name: 'Browse models' }).click();
	const dialog = page.getByRole('dialog', { name: 'Models' });
	await expect(dialog).toBeVisible();
	return dialog;
}

/** "$0.15/M" → 0.15, "free" → 0, "varies" → Infinity. */
const perMillion = (text: string) =>
	text === 'free' ? 0 : text === 'varies' ? Infinity : Number(text.replace(/[$/M]/g, ''));

test('filter, sort and pick a model; route to its providers; the emulator gets provider.only and order', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, REQUEST);
	const dialog = await openBrowser(page);
	const status = dialog.getByRole('status').first();
	await expect(status).toContainText(/of \d{3} models/);
	const total = Number(/of (\d+) models/.exec((await status.textContent()) ?? '')?.[1]);
	expect(total).toBeGreaterThanOrEqual(500);

	await dialog
		.getByRole('group', { name: 'Input' })
		.getByRole('checkbox', { name: 'image' })
		.check();
	await dialog
		.getByRole('group', { name: 'Supports' })
		.getByRole('checkbox', { name: 'tools' })
		.check();
	await dialog.getByRole('spinbutton', { name: 'Max prompt $/M' }).fill('1');
	await dialog.getByRole('combobox', { name: 'Sort', exact: true }).selectOption('prompt');
	await expect(status).not.toContainText(`${total} of`);

	const options = found(dialog);
	await expect(options.first()).toContainText(CHEAPEST);
	// Every row shown: image input, and prompt prices in ascending order, none above $1/M.
	const facts = await options.locator('.facts').allTextContents();
	expect(facts.length).toBeGreaterThan(5);
	const prompts = await options.locator('.facts > span:first-child').allTextContents();
	const prices = prompts.map((f) => perMillion(f.replace(/^in /, '')));
	expect(prices.every((p) => Number.isFinite(p))).toBe(true);
	expect(prices).toEqual([...prices].sort((a, b) => a - b));
	expect(prices.every((p) => p <= 1)).toBe(true);
	expect(facts.every((f) => /text\+image|image\+/.test(f) || f.includes('image'))).toBe(true);

	await options.first().click();
	await expect(json(page)).toHaveValue(new RegExp(`"model": "${CHEAPEST}"`));

	// Its providers: groq serves tools, chutes does not, and the request has tools.
	const providers = dialog.getByRole('table', { name: 'Providers' });
	await expect(providers.getByRole('row')).toHaveCount(3);
	const note = dialog.getByRole('note').filter({ hasText: 'do not support' });
	await expect(note).toContainText('tools');
	await expect(note).toContainText('chutes');
	await expect(note.getByRole('checkbox', { name: /provider\.require_parameters/ })).toBeVisible();

	const row = (tag: string) => providers.getByRole('row').filter({ hasText: tag });
	await row('chutes').getByRole('button', { name: 'Prefer this order' }).click();
	await row('groq').getByRole('button', { name: 'Prefer this order' }).click();
	await expect(json(page)).toHaveValue(/"order": \[\s*"chutes",\s*"groq"\s*\]/);
	await dialog.getByRole('button', { name: 'Move groq up' }).click();
	await expect(json(page)).toHaveValue(/"order": \[\s*"groq",\s*"chutes"\s*\]/);
	await row('groq').getByRole('button', { name: 'Use only this provider' }).click();
	await expect(json(page)).toHaveValue(/"only": \[\s*"groq"\s*\]/);
	await expect(row('groq').getByRole('button', { name: 'Use only this provider' })).toHaveAttribute(
		'aria-pressed',
		'true',
	);
	// Only groq can serve now, and it supports tools: the warning is gone.
	await expect(note).toBeHidden();
	// The Code panel shows it at once.
	await expect(page.getByRole('region', { name: 'Code' })).toContainText('"only"');

	await dialog.getByRole('button', { name: 'Close' }).click();
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.getByRole('region', { name: 'Response' }).getByRole('status')).toContainText(
		'Done',
		{ timeout: 30_000 },
	);
	const [chat] = await emulator.chatRequests();
	const body = chat?.body as { model: string; provider: { only: string[]; order: string[] } };
	expect(body.model).toBe(CHEAPEST);
	expect(body.provider).toEqual({ order: ['groq', 'chutes'], only: ['groq'] });
	// Endpoints were asked for once per model (the model in use first), without a key.
	const lists = (await emulator.requests()).filter((r) => r.path.endsWith('/endpoints'));
	expect(lists.map((r) => decodeURIComponent(r.path))).toEqual([
		'/api/v1/models/openai/gpt-4o-mini/endpoints',
		`/api/v1/models/${CHEAPEST}/endpoints`,
	]);
	expect(lists.every((r) => !r.headers.authorization)).toBe(true);
});

test('keyboard only: search with capability words, arrows, Enter, then a provider row', async ({
	page,
}) => {
	await page.goto('./');
	await setRequest(page, REQUEST);
	const request = page.getByRole('region', { name: 'Request' });
	await request.getByRole('tab', { name: 'Model' }).click();
	const button = request.getByRole('button', { name: 'Browse models' });
	await button.focus();
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'Models' });
	const search = dialog.getByRole('searchbox', { name: 'Search models' });
	await expect(search).toBeFocused();
	await page.keyboard.type('vision free tools');
	const options = found(dialog);
	await expect(options.first()).toContainText(':free');
	const count = await options.count();
	expect(count).toBeGreaterThan(1);
	await page.keyboard.press('ArrowDown');
	await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
	const id = (await options.nth(1).locator('.id').textContent()) ?? '';
	expect(id).toMatch(/:free$/);
	await page.keyboard.press('Enter');
	await expect(json(page)).toHaveValue(new RegExp(`"model": "${id.replace(/[.]/g, '\\.')}"`));

	const providers = dialog.getByRole('table', { name: 'Providers' });
	await expect(providers).toBeVisible();
	const exclude = providers.getByRole('button', { name: 'Exclude' }).first();
	for (let i = 0; i < 80 && !(await exclude.evaluate((el) => el === document.activeElement)); i++)
		await page.keyboard.press('Tab');
	await expect(exclude).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(json(page)).toHaveValue(/"ignore": \[/);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(button).toBeFocused();
});

test('a failure to load the providers says so and leaves the request untouched', async ({
	page,
}) => {
	await page.goto('./');
	await setRequest(page, REQUEST);
	// On the context: the service worker's fetches are not the page's.
	await page.context().route('**/endpoints', (route) => route.abort('internetdisconnected'));
	const dialog = await openBrowser(page);
	await dialog.getByRole('searchbox', { name: 'Search models' }).fill('deepseek/deepseek-chat');
	await found(dialog).first().click();
	await expect(dialog.getByRole('alert')).toContainText('could not be loaded');
	await expect(dialog.getByRole('table', { name: 'Providers' })).toBeHidden();
	await expect(json(page)).not.toHaveValue(/"provider"/);
	// Online again: "Try again" lists them.
	await page.context().unroute('**/endpoints');
	await dialog.getByRole('button', { name: 'Try again' }).click();
	await expect(dialog.getByRole('table', { name: 'Providers' }).getByRole('row')).toHaveCount(4);
});

for (const scheme of ['light', 'dark'] as const)
	test(`axe: the browser and a providers table, ${scheme}, no serious violation`, async ({
		page,
	}, testInfo) => {
		test.setTimeout(120_000);
		await page.emulateMedia({ colorScheme: scheme });
		for (const width of [1440, 390]) {
			await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
			await page.goto('./');
			await setRequest(page, REQUEST);
			const dialog = await openBrowser(page);
			await dialog.getByRole('searchbox', { name: 'Search models' }).fill('deepseek/deepseek-chat');
			await found(dialog).first().click();
			await expect(dialog.getByRole('table', { name: 'Providers' })).toBeVisible();
			await dialog.getByRole('searchbox', { name: 'Search models' }).fill('');
			expect(await seriousViolations(page, { include: 'dialog[open]' })).toEqual([]);
			await page.screenshot({
				path: testInfo.outputPath(`models-${width}-${scheme}.png`),
				fullPage: false,
			});
			await dialog.getByRole('table', { name: 'Providers' }).scrollIntoViewIfNeeded();
			await page.screenshot({ path: testInfo.outputPath(`providers-${width}-${scheme}.png`) });
		}
	});

test('Compare picks its models through the same browser', async ({ page }) => {
	await page.goto('./');
	await setRequest(page, REQUEST);
	await page.getByRole('button', { name: 'Compare' }).click();
	const compare = page.getByRole('dialog', { name: 'Compare' });
	await compare.getByRole('button', { name: 'Browse models to compare' }).click();
	const browser = page.getByRole('dialog', { name: 'Models' });
	await browser.getByRole('searchbox', { name: 'Search models' }).fill('reasoning free');
	const first = found(browser).first();
	const id = ((await first.locator('.id').textContent()) ?? '').trim();
	expect(id).toMatch(/:free$/);
	await page.keyboard.press('Enter');
	await expect(browser).toBeHidden();
	const columns = compare.getByRole('combobox', { name: /^Model \d$/ });
	const values = await columns.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
	expect(values).toContain(id);
});

test('the prompt lab adds a column per model picked in the same browser', async ({ page }) => {
	await page.goto('./');
	await setRequest(page, REQUEST);
	await page.getByRole('button', { name: 'Lab', exact: true }).click();
	const lab = page.getByRole('region', { name: 'Prompt lab' });
	await lab.getByRole('button', { name: 'Browse models for a column' }).click();
	const browser = page.getByRole('dialog', { name: 'Models' });
	await browser.getByRole('searchbox', { name: 'Search models' }).fill('vision');
	const first = found(browser).first();
	const id = ((await first.locator('.id').textContent()) ?? '').trim();
	await page.keyboard.press('Enter');
	await expect(browser).toBeHidden();
	const patch = lab.getByRole('textbox', { name: 'Patch for column 2' });
	await expect(patch).toBeVisible();
	expect(JSON.parse(await patch.inputValue())).toEqual({ model: id });
});
