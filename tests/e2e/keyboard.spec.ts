/** The whole flow by keyboard with a visible focus ring; dialogs keep and give back focus; `?`. */
import type { Locator, Page } from '@playwright/test';
import { KEYS, expect, response, savedDraftText, test } from './fixtures';

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab (or `key`) until `target` has focus (or fails after `max` presses). */
async function tabTo(page: Page, target: Locator, max = 30, key = 'Tab'): Promise<void> {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press(key);
		if (await isFocused(target)) return;
	}
	throw new Error(`Tab never reached ${target.toString()}`);
}

/** The focus ring is drawn: a real outline, not just the browser default being removed. */
async function expectVisibleFocus(target: Locator): Promise<void> {
	const ring = await target.evaluate((el) => {
		const style = getComputedStyle(el);
		return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
	});
	expect(ring.style).not.toBe('none');
	expect(ring.width).toBeGreaterThanOrEqual(2);
}

const focusedInside = (dialog: Locator) =>
	dialog.evaluate((el) => el.contains(document.activeElement));

test('key, request, send, code tab and copy: all by keyboard, focus always visible', async ({
	page,
	context,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	// The plain editor, chosen as a user can under "Editor": typing is not raced by Monaco's swap.
	await page.addInitScript(() =>
		localStorage.setItem('openrouter-playground:editor', JSON.stringify({ v: 1, mode: 'plain' })),
	);
	await page.goto('./');
	const keyButton = page.getByRole('button', { name: 'API key' });
	await tabTo(page, keyButton);
	await expectVisibleFocus(keyButton);
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'API key' });
	await expect(dialog).toBeVisible();
	const field = dialog.getByLabel('OpenRouter API key');
	await tabTo(page, field);
	await expectVisibleFocus(field);
	await page.keyboard.type(KEYS.good);
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await expect(keyButton).toBeFocused();

	const editor = page.getByRole('textbox', { name: 'Request JSON' });
	await tabTo(page, editor);
	await expectVisibleFocus(editor);
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type(
		'{"model": "emulator/text", "messages": [{"role": "user", "content": "Typed"}]}',
	);
	await page.keyboard.press('Control+Enter');
	await expect(response(page).status).toContainText('Done');
	await expect(response(page).answer).not.toBeEmpty();

	// Tab indents inside the editor; Escape then Tab leaves it.
	await page.keyboard.press('Escape');
	const curl = page.getByRole('region', { name: 'Code' }).getByRole('tab', { name: 'curl' });
	// Past the answer's controls (actions, bill, replay, inspector) to the Code panel's tabs.
	await tabTo(page, curl, 80);
	await expectVisibleFocus(curl);
	// Copy code sits in the panel's header, just before the tabs.
	const copy = page.getByRole('button', { name: 'Copy code' });
	await tabTo(page, copy, 4, 'Shift+Tab');
	await expectVisibleFocus(copy);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('region', { name: 'Code' })).toContainText('Copied');
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toContain('emulator/text');
	expect(copied).not.toContain(KEYS.good);
});

for (const name of ['API key', 'Settings', 'Keyboard shortcuts'] as const) {
	test(`the ${name} dialog keeps focus inside while open and gives it back when closed`, async ({
		page,
	}) => {
		await page.goto('./');
		const opener = page.getByRole('button', { name, exact: true });
		await tabTo(page, opener);
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog', { name });
		await expect(dialog).toBeVisible();
		expect(await focusedInside(dialog)).toBe(true);
		for (let i = 0; i < 12; i++) {
			await page.keyboard.press('Tab');
			expect(await focusedInside(dialog), `after ${i + 1} Tab presses`).toBe(true);
		}
		for (let i = 0; i < 4; i++) {
			await page.keyboard.press('Shift+Tab');
			expect(await focusedInside(dialog), `after ${i + 1} Shift+Tab presses`).toBe(true);
		}
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(opener).toBeFocused();
	});
}

test('? opens the keyboard shortcut list outside text fields, and types ? inside them', async ({
	page,
}) => {
	await page.goto('./');
	const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
	const editor = page.getByRole('textbox', { name: 'Request JSON' });
	await editor.focus();
	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.type('?');
	await expect(list).toBeHidden();
	// The text, whichever editor holds it by now (focus swaps Monaco in, whose input element is empty).
	await expect.poll(() => savedDraftText(page), { timeout: 10_000 }).toMatch(/\?$/);

	const settings = page.getByRole('button', { name: 'Settings' });
	await settings.focus();
	await page.keyboard.press('?');
	await expect(list).toBeVisible();
	await expect(list.getByRole('row', { name: /Send the request/ })).toContainText('Enter');
	expect(await focusedInside(list)).toBe(true);
	await page.keyboard.press('Escape');
	await expect(list).toBeHidden();
	await expect(settings).toBeFocused();

	// Also reachable without knowing the key.
	await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
	await expect(list).toBeVisible();
	await list.getByRole('button', { name: 'Close' }).click();
	await expect(list).toBeHidden();
});

test('prefers-reduced-motion switches transitions off', async ({ page }) => {
	await page.goto('./');
	const send = page.getByRole('button', { name: 'Settings' });
	const duration = () => send.evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration));
	await page.emulateMedia({ reducedMotion: 'no-preference' });
	expect(await duration()).toBeGreaterThan(0.05);
	await page.emulateMedia({ reducedMotion: 'reduce' });
	expect(await duration()).toBeLessThan(0.001);
});
