/**
 * Monaco, the default editor, typed into key by key as a user does: what is typed is what is sent
 * (no auto-inserted closers left over), and the keyboard can always leave the editor and come back.
 */
import type { Page } from '@playwright/test';
import { KEYS, emulator, expect, response, saveKey, test } from './fixtures';

async function openMonaco(page: Page) {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await page.getByRole('textbox', { name: 'Request JSON' }).focus();
	await expect(page.locator('.monaco-editor').first()).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Request JSON' })).toBeFocused();
}

test('a request typed key by key in Monaco is sent exactly as typed', async ({ page }) => {
	// A hundred keystrokes, each through Monaco's input handling: slow on a busy machine.
	test.slow();
	await openMonaco(page);
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('Delete');
	const typed =
		'{"model": "emulator/text", "messages": [{"role": "user", "content": "Typed \\"here\\" {x}"}], "max_tokens": 9}';
	await page.keyboard.type(typed);
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done');
	const [sent] = await emulator.chatRequests();
	expect(sent?.body).toEqual(JSON.parse(typed));
});

test('a pretty-printed request typed line by line in Monaco is sent as typed', async ({ page }) => {
	// A hundred keystrokes, each through Monaco's input handling: slow on a busy machine.
	test.slow();
	await openMonaco(page);
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('Delete');
	const lines = [
		'{',
		'"model": "emulator/text",',
		'"messages": [',
		'{',
		'"role": "user",',
		'"content": "Line by line"',
		'}',
		'],',
		'"stream": false',
		'}',
	];
	for (const [i, line] of lines.entries()) {
		await page.keyboard.type(line);
		if (i < lines.length - 1) await page.keyboard.press('Enter');
	}
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done');
	const [sent] = await emulator.chatRequests();
	expect(sent?.body).toEqual({
		model: 'emulator/text',
		messages: [{ role: 'user', content: 'Line by line' }],
		stream: false,
	});
});

test('Enter typed while the suggestion list is open is a new line, not a suggestion', async ({
	page,
}) => {
	await openMonaco(page);
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('Delete');
	await page.keyboard.type(
		'{"model": "emulator/text", "messages": [{"role": "user", "content": "x"}],',
	);
	await page.keyboard.press('Enter');
	// A fast typist is ahead of the list: it opens on `"` and stays while a key is typed.
	await page.keyboard.type('"');
	await page.keyboard.press('Control+Space');
	const suggest = page.getByRole('listbox', { name: 'Suggest' });
	await expect(suggest).toBeVisible();
	await page.keyboard.type('seed');
	await expect(suggest).toBeVisible();
	await page.keyboard.type('"');
	await page.keyboard.press('Enter');
	await page.keyboard.type(': 3}');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done');
	const [sent] = await emulator.chatRequests();
	expect(sent?.body).toEqual({
		model: 'emulator/text',
		messages: [{ role: 'user', content: 'x' }],
		seed: 3,
	});
});

test('a request pasted into Monaco is sent as pasted', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await openMonaco(page);
	const body = { model: 'emulator/text', messages: [{ role: 'user', content: 'Pasted {"x"}' }] };
	await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(body));
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('ControlOrMeta+V');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done');
	const [sent] = await emulator.chatRequests();
	expect(sent?.body).toEqual(body);
});

test('Tab reaches Monaco, indents inside it, and Escape then Tab leaves it (no keyboard trap)', async ({
	page,
}) => {
	await openMonaco(page);
	const editor = page.getByRole('textbox', { name: 'Request JSON' });
	const code = page.getByRole('region', { name: 'Code' });
	const inEditor = () =>
		page.evaluate(() => !!document.activeElement?.closest('[data-testid="monaco-host"]'));
	/** Where focus is, against the editor: 'after' it in the page, 'before' it, or 'inside'. */
	const whereIsFocus = () =>
		page.evaluate(() => {
			const host = document.querySelector('[data-testid="monaco-host"]');
			const active = document.activeElement;
			if (!host || !active || active === document.body) return 'nowhere';
			if (host.contains(active)) return 'inside';
			const following = host.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING;
			return following ? 'after' : 'before';
		});

	// Tab inside the editor indents and keeps focus.
	await page.keyboard.press('ControlOrMeta+Home');
	await page.keyboard.press('End');
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	expect(await inEditor()).toBe(true);
	await page.keyboard.type('"top_p": 1,');
	await expect(code).toContainText('"top_p": 1');

	// Escape, then Tab: focus goes on to the next control after the editor.
	await page.keyboard.press('Escape');
	await page.keyboard.press('Tab');
	expect(await whereIsFocus()).toBe('after');
	await expect(page.locator(':focus')).toBeVisible();

	// Shift+Tab comes back into the editor; Escape then Shift+Tab leaves it backwards.
	await page.keyboard.press('Shift+Tab');
	await expect(editor).toBeFocused();
	await page.keyboard.press('Escape');
	await page.keyboard.press('Shift+Tab');
	expect(await whereIsFocus()).toBe('before');

	// Tab from the control before it goes into the editor, where Tab indents again.
	await page.keyboard.press('Tab');
	await expect(editor).toBeFocused();
	await page.keyboard.press('Tab');
	expect(await inEditor()).toBe(true);
	await page.keyboard.type(' "seed": 2,');
	await expect(code).toContainText('"seed": 2');
});
