import type { Locator, Page } from '@playwright/test';
import { KEYS, emulator, expect, response, saveKey, setRequest, test } from './fixtures';

/** Honest read-outs and small things that should just work: timings, cut answers, the key, forms. */

type Body = { max_tokens?: number; stream?: boolean };
const json = (page: Page) => page.getByRole('textbox', { name: 'Request JSON' });
const keyDialog = (page: Page) => page.getByRole('dialog', { name: 'API key' });
const ask = (extra: Record<string, unknown>) => ({
	model: 'openai/gpt-4o-mini',
	messages: [{ role: 'user', content: 'Tell me about lighthouses.' }],
	...extra,
});

async function openTab(page: Page, name: string) {
	const request = page.getByRole('region', { name: 'Request' });
	await request.getByRole('tab', { name, exact: true }).click();
	return request.getByRole('tabpanel');
}

async function send(page: Page) {
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 20_000 });
}

async function bodies(): Promise<Body[]> {
	return (await emulator.chatRequests()).map((r) => r.body as Body);
}

/** WCAG contrast of an element's text colour (or its placeholder's) on the colour behind it. */
async function contrast(field: Locator, pseudo: '' | '::placeholder' = ''): Promise<number> {
	return field.evaluate((element, pseudoElement) => {
		const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 4).map(Number);
		const background = (el: Element | null): number[] => {
			for (; el; el = el.parentElement) {
				const c = rgb(getComputedStyle(el).backgroundColor);
				if (c.length === 3 || (c[3] ?? 0) > 0) return c.slice(0, 3);
			}
			return [255, 255, 255];
		};
		const luminance = ([r, g, b]: number[]) => {
			const lin = (v: number) =>
				v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4;
			return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
		};
		const text = luminance(rgb(getComputedStyle(element, pseudoElement || null).color));
		const back = luminance(background(element));
		return (Math.max(text, back) + 0.05) / (Math.min(text, back) + 0.05);
	}, pseudo);
}

test('a non-streamed answer shows its total and generation time, no first token and no tokens/s', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, ask({ stream: false }));
	await send(page);
	const usage = response(page).region.getByRole('region', { name: 'Usage' });
	await expect(usage).toContainText('Total');
	await expect(usage).toContainText('not measured (one body, not streamed)');
	await expect(usage.getByLabel('Generation stats')).toContainText('Generation time', {
		timeout: 15_000,
	});
	await expect(usage).not.toContainText('tok/s');
	await expect(usage).not.toContainText('First token');
	expect((await bodies()).at(-1)?.stream).toBe(false);
});

test('an answer cut at max_tokens says so, and the raise changes the request without sending it', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, ask({ max_tokens: 8, stream: true }));
	await send(page);
	await expect(response(page).status).toContainText('length');
	const note = response(page).region.getByRole('note', { name: 'Answer cut off' });
	await expect(note).toContainText('The answer was cut off at max_tokens (8 tokens)');
	await note.getByRole('button', { name: 'Raise max_tokens to 16' }).click();
	// What is on screen is what is sent: the JSON shows the new limit, and nothing went out yet.
	await expect(json(page)).toHaveValue(/"max_tokens": 16/);
	await expect(note).toContainText('max_tokens is now 16 in the request: press Send');
	expect(await bodies()).toHaveLength(1);
	await send(page);
	expect((await bodies()).map((b) => b.max_tokens)).toEqual([8, 16]);
});

test('a value that cannot be an OpenRouter key needs Save anyway; Forget clears the message', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await page.getByRole('button', { name: 'API key' }).click();
	const dialog = keyDialog(page);
	const field = dialog.getByLabel('OpenRouter API key');
	await field.fill('hello');
	await dialog.getByRole('button', { name: 'Save key' }).click();
	const warning = dialog.getByRole('alert');
	await expect(warning).toContainText('This does not look like an OpenRouter key');
	await expect(dialog).toBeVisible();
	// Save key again does not slip it through: only the explicit button does.
	await dialog.getByRole('button', { name: 'Save key' }).click();
	await expect(dialog).toContainText('Current key: sk-or-…0001');

	await dialog.getByRole('button', { name: 'Forget key' }).click();
	await expect(warning).toBeHidden();
	await expect(field).toHaveValue('');

	await field.fill('hello');
	await dialog.getByRole('button', { name: 'Save key' }).click();
	await dialog.getByRole('button', { name: 'Save anyway' }).click();
	await expect(dialog).toBeHidden();
	await page.getByRole('button', { name: 'API key' }).click();
	await expect(dialog).toContainText('Current key: …ello');
});

test('choosing where to keep the key moves the saved key without pasting it again', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	const inTab = () => page.evaluate(() => sessionStorage.getItem('openrouter-playground:key'));
	expect(await inTab()).toBeNull();
	await page.getByRole('button', { name: 'API key' }).click();
	const dialog = keyDialog(page);
	await dialog.getByRole('radio', { name: 'This tab only' }).check();
	await expect(dialog.getByRole('status')).toContainText('kept for this tab only');
	await expect(dialog).toContainText('(this tab only)');
	expect(await inTab()).toBe(KEYS.good);

	await dialog.getByRole('radio', { name: 'Remember on this device' }).check();
	await expect(dialog).toContainText('(on this device)');
	expect(await inTab()).toBeNull();
	// Still there after a reload: it lives on this device now.
	await page.reload();
	await page.getByRole('button', { name: 'API key' }).click();
	await expect(keyDialog(page)).toContainText('Current key: sk-or-…0001');
	await expect(keyDialog(page)).toContainText('(on this device)');
});

test('Send without a key opens the dialog, and saving a key there sends the request', async ({
	page,
}) => {
	await page.goto('./');
	await setRequest(page, ask({ stream: true }));
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	const dialog = keyDialog(page);
	await expect(dialog).toBeVisible();
	expect(await bodies()).toHaveLength(0);
	await dialog.getByLabel('OpenRouter API key').fill(KEYS.good);
	await dialog.getByRole('button', { name: 'Save key' }).click();
	await expect(dialog).toBeHidden();
	await expect(response(page).status).toContainText('Done', { timeout: 20_000 });
	expect(await bodies()).toHaveLength(1);
});

test('form values read as text and placeholders as lighter italics, both above 4.5:1', async ({
	page,
}) => {
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto('./');
		await setRequest(page, ask({ temperature: 0.7 }));
		const params = await openTab(page, 'Parameters');
		const filled = params.getByRole('spinbutton', { name: /^temperature\b/ });
		const empty = params.getByRole('spinbutton', { name: /^top_p\b/ });
		await expect(filled).toHaveValue('0.7');
		await expect(empty).toHaveValue('');
		const style = await empty.evaluate((el) => {
			const own = getComputedStyle(el);
			const hint = getComputedStyle(el, '::placeholder');
			return { value: own.color, placeholder: hint.color, italic: hint.fontStyle };
		});
		const text = await page.evaluate(() => getComputedStyle(document.body).color);
		expect(await filled.evaluate((el) => getComputedStyle(el).color)).toBe(text);
		expect(style.placeholder).not.toBe(style.value);
		expect(style.italic).toBe('italic');
		expect(await contrast(filled)).toBeGreaterThanOrEqual(4.5);
		expect(await contrast(empty, '::placeholder')).toBeGreaterThanOrEqual(4.5);
	}
});

test('the model search list is not clipped by the Request pane', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.goto('./');
	const search = page.getByRole('combobox', { name: 'Add fallback model' });
	await search.scrollIntoViewIfNeeded();
	await search.fill('gpt');
	const list = page.getByRole('listbox', { name: 'Add fallback model results' });
	await expect(list.getByRole('option').first()).toBeVisible();
	// Every corner of the list is the list's own (not the pane's edge or what lies beyond it).
	const corners = await list.evaluate((el) => {
		const r = el.getBoundingClientRect();
		return [
			[r.left + 4, r.top + 4],
			[r.right - 4, r.top + 4],
			[r.left + 4, r.bottom - 4],
			[r.right - 4, r.bottom - 4],
		].map(([x, y]) => el.contains(document.elementFromPoint(x!, y!)));
	});
	expect(corners).toEqual([true, true, true, true]);
	const box = (await list.boundingBox())!;
	expect(box.height).toBeGreaterThanOrEqual(120);
	expect(box.y + box.height).toBeLessThanOrEqual(900);
});

test('Rename on a preset puts the cursor in its name', async ({ page }) => {
	await page.goto('./');
	const presets = await openTab(page, 'Presets');
	await presets.getByLabel('Preset name').fill('Lighthouses');
	await presets.getByRole('button', { name: 'Save preset' }).click();
	await presets.getByRole('button', { name: 'Rename Lighthouses' }).click();
	const name = presets.getByLabel('New name for Lighthouses');
	await expect(name).toBeFocused();
	await page.keyboard.type('Beacons');
	await page.keyboard.press('Enter');
	await expect(presets.getByRole('list', { name: 'Saved presets' })).toContainText('Beacons');
});

test('a theme chosen in Settings is kept across reloads, whatever the system prefers', async ({
	page,
}) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('./');
	const background = () =>
		page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
	const light = await background();
	await page.getByRole('button', { name: 'Settings' }).click();
	const dialog = page.getByRole('dialog', { name: 'Settings' });
	await dialog.getByRole('radio', { name: 'Dark' }).check();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	const dark = await background();
	expect(dark).not.toBe(light);

	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	expect(await background()).toBe(dark);
	await page.getByRole('button', { name: 'Settings' }).click();
	await expect(dialog.getByRole('radio', { name: 'Dark' })).toBeChecked();
	await dialog.getByRole('radio', { name: 'System' }).check();
	await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
	expect(await background()).toBe(light);
	await page.reload();
	expect(await background()).toBe(light);
});

test('a chosen theme is on the first paint, before any code of the app has run', async ({
	page,
}) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('./');
	await page.getByRole('button', { name: 'Settings' }).click();
	await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: 'Dark' }).check();
	const bar = page.locator('header.top-bar');
	const colours = () => bar.evaluate((el) => getComputedStyle(el).backgroundColor);
	const dark = await colours();
	// The page as first painted: index.html alone, the app's scripts refused.
	await page.route('**/assets/*.js', (route) => route.abort());
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	expect(await colours()).toBe(dark);
});
