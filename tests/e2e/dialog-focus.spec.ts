/**
 * Every dialog the keyboard can open keeps focus inside while open and gives it back to its opener
 * when closed (by Escape or by its own Close/Cancel button). keyboard.spec.ts covers API key,
 * Settings and Keyboard shortcuts the same way; these are the others.
 */
import type { Locator, Page } from '@playwright/test';
import { KEYS, expect, response, saveKey, setRequest, test } from './fixtures';

const focusedInside = (dialog: Locator) =>
	dialog.evaluate((el) => el.contains(document.activeElement));

const DIALOGS = [
	{ opener: 'History', dialog: 'History', close: 'Close' },
	{ opener: 'Compare', dialog: 'Compare', close: 'Close' },
	{ opener: 'Import curl', dialog: 'Import curl', close: 'Cancel' },
] as const;

/** A finished run, so History has a list and a run view to Tab through. */
async function oneRun(page: Page) {
	await saveKey(page, KEYS.good);
	await setRequest(page, {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: 'Focus' }],
		max_tokens: 8,
		stream: true,
	});
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done');
}

for (const { opener: openerName, dialog: name, close } of DIALOGS) {
	test(`the ${name} dialog keeps focus inside while open and gives it back when closed`, async ({
		page,
	}) => {
		await page.goto('./');
		await oneRun(page);
		const opener = page.getByRole('button', { name: openerName, exact: true });
		const dialog = page.getByRole('dialog', { name });
		for (const how of ['Escape', close] as const) {
			await opener.focus();
			await page.keyboard.press('Enter');
			await expect(dialog).toBeVisible();
			expect(await focusedInside(dialog)).toBe(true);
			for (let i = 0; i < 25; i++) {
				await page.keyboard.press('Tab');
				expect(await focusedInside(dialog), `after ${i + 1} Tab presses`).toBe(true);
			}
			for (let i = 0; i < 6; i++) {
				await page.keyboard.press('Shift+Tab');
				expect(await focusedInside(dialog), `after ${i + 1} Shift+Tab presses`).toBe(true);
			}
			if (how === 'Escape') await page.keyboard.press('Escape');
			else {
				await dialog.getByRole('button', { name: close, exact: true }).focus();
				await page.keyboard.press('Enter');
			}
			await expect(dialog).toBeHidden();
			await expect(opener, `focus back on the opener after ${how}`).toBeFocused();
		}
	});
}

test('Tab from a model field with its list open goes to the next control, not into the closing list', async ({
	page,
}) => {
	await page.goto('./');
	await page.getByRole('button', { name: 'Compare', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: 'Compare' });
	const field = dialog.getByRole('combobox', { name: 'Model 2' });
	await field.focus();
	await expect(dialog.getByRole('listbox', { name: 'Model 2 results' })).toBeVisible();
	await page.keyboard.press('Tab');
	// The list closes once the field loses focus; focus must still be on a control in the dialog.
	await expect(dialog.getByRole('listbox')).toHaveCount(0);
	expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe(
		'listbox',
	);
	expect(await focusedInside(dialog)).toBe(true);
	expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
});

test('a dialog closed and opened again before its close event stays open', async ({ page }) => {
	await page.goto('./');
	const opener = page.getByRole('button', { name: 'Import curl', exact: true });
	const dialog = page.getByRole('dialog', { name: 'Import curl' });
	await opener.click();
	await expect(dialog).toBeVisible();
	// Closed (as Esc closes it) and opened again in one task: its close event comes after both.
	// Resolves once that event has run, and the task after it (where the owner reacts).
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				addEventListener('close', () => setTimeout(resolve), { capture: true, once: true });
				(document.querySelector('dialog[open]') as HTMLDialogElement).close();
				const opener = [...document.querySelectorAll('button')].find(
					(button) => button.textContent?.trim() === 'Import curl',
				);
				opener?.click();
			}),
	);
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('textbox')).toBeVisible();
});
