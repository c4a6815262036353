import { E2E } from '../scripts/ports';
import { KEYS, emulator, expect, response, saveKey, test } from './fixtures';

test('changing the API base URL needs a confirmation naming the new host', async ({ page }) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await page.getByRole('button', { name: 'Settings' }).click();
	const dialog = page.getByRole('dialog', { name: 'Settings' });
	const field = dialog.getByLabel('API base URL');
	await expect(field).toHaveValue(E2E.apiBaseUrl);

	// Declining leaves everything as it was.
	page.once('dialog', (confirm) => {
		expect(confirm.message()).toContain('localhost:');
		void confirm.dismiss();
	});
	await field.fill(`${E2E.altApiOrigin}/api/v1`);
	await dialog.getByRole('button', { name: 'Save settings' }).click();
	await expect(dialog.getByRole('alert')).toContainText('did not confirm');

	let asked = '';
	page.once('dialog', (confirm) => {
		asked = confirm.message();
		void confirm.accept();
	});
	await dialog.getByRole('button', { name: 'Save settings' }).click();
	await expect(dialog).toBeHidden();
	expect(asked).toContain(`Send your OpenRouter API key to ${new URL(E2E.altApiOrigin).host}?`);
	await expect(page.getByRole('region', { name: 'Code' })).toContainText(
		`${E2E.altApiOrigin}/api/v1/chat/completions`,
	);

	await emulator.reset();
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });
	const [chat] = await emulator.chatRequests();
	expect(chat?.headers.host).toBe(new URL(E2E.altApiOrigin).host);

	await page.reload();
	await expect(page.getByRole('region', { name: 'Code' })).toContainText(E2E.altApiOrigin);
});

test('a host outside the build allow-list is refused with the reason', async ({ page }) => {
	await page.goto('./');
	await page.getByRole('button', { name: 'Settings' }).click();
	const dialog = page.getByRole('dialog', { name: 'Settings' });
	await dialog.getByLabel('API base URL').fill('https://evil.example/api/v1');
	await dialog.getByRole('button', { name: 'Save settings' }).click();
	await expect(dialog.getByRole('alert')).toContainText("evil.example is not in this build's list");
	await page.getByRole('button', { name: 'Close' }).click();
	await expect(page.getByRole('region', { name: 'Code' })).toContainText(E2E.apiBaseUrl);
});

test('the address bar cannot choose the API, headers or key', async ({ page }) => {
	await page.goto(
		`./?base_url=https://evil.example/api/v1&baseUrl=https://evil.example&api_key=sk-or-v1-test-from-url&key=sk-or-v1-test-from-url#base_url=https://evil.example`,
	);
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('not set');
	await expect(page.getByRole('region', { name: 'Code' })).toContainText(E2E.apiBaseUrl);
	await saveKey(page, KEYS.good);
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });
	const [chat] = await emulator.chatRequests();
	expect(chat?.headers.authorization).toBe(`Bearer ${KEYS.good}`);
});
