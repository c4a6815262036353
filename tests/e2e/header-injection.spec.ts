import type { Page } from '@playwright/test';
import { E2E } from '../scripts/ports';
import { KEYS, emulator, expect, response, saveKey, test } from './fixtures';

const body = { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };

async function pasteIntoEditor(page: Page, text: string) {
	await page.evaluate((t) => navigator.clipboard.writeText(t), text);
	const editor = page.getByRole('textbox', { name: 'Request JSON' });
	await editor.focus();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('ControlOrMeta+V');
	return editor;
}

async function sendAndExpectDone(page: Page) {
	await page.getByRole('button', { name: 'Send' }).click();
	const { status, region } = response(page);
	await expect(status).toContainText(/Done|Error/, { timeout: 20_000 });
	await expect(status).toContainText('Done');
	await expect(region).not.toContainText('Connection lost');
	const [chat] = await emulator.chatRequests();
	return chat;
}

test('a pasted curl command with CR/LF in a header is refused, naming it; Send keeps working', async ({
	page,
	context,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('./');
	await saveKey(page, KEYS.good);
	const before = await page.getByRole('textbox', { name: 'Request JSON' }).inputValue();
	const command = `curl ${E2E.apiBaseUrl}/chat/completions \\
  -H 'Authorization: Bearer $OPENROUTER_API_KEY' \\
  -H $'X-Title: a\\r\\nX-Injected: 1' \\
  -d '${JSON.stringify(body)}'`;
	await pasteIntoEditor(page, command);

	const dialog = page.getByRole('dialog', { name: 'Import curl' });
	await expect(dialog.getByRole('alert')).toContainText('X-Title has a line break');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	// The request is the one from before the paste (the editor may have become Monaco on focus, whose
	// input element holds no text: what is sent shows it).
	const chat = await sendAndExpectDone(page);
	expect(chat?.body).toMatchObject(JSON.parse(before) as Record<string, unknown>);
	expect(chat?.headers['x-injected']).toBeUndefined();
	expect(chat?.headers['x-title']).toBeUndefined();
});

test('the headers form names a value fetch would refuse and sends without it', async ({ page }) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	const request = page.getByRole('region', { name: 'Request' });
	await request.getByRole('tab', { name: 'Headers', exact: true }).click();
	const panel = request.getByRole('tabpanel');
	await panel.getByLabel(/Send HTTP-Referer and X-Title/).check();
	const referer = panel.getByLabel('HTTP-Referer', { exact: true });
	await referer.fill('https://例え.jp/');
	await referer.press('Tab');
	await expect(panel.getByRole('alert')).toContainText('HTTP-Referer contains "例"');
	await expect(referer).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByRole('region', { name: 'Code' })).not.toContainText('例え');

	const chat = await sendAndExpectDone(page);
	expect(chat?.headers['http-referer']).toBeUndefined();
	expect(chat?.headers['x-title']).toBe('OpenRouter Playground');
});
