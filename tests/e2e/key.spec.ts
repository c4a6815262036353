import { KEYS, emulator, expect, saveKey, test } from './fixtures';

test('a saved key survives a reload and is shown only masked', async ({ page }) => {
	await page.goto('./');
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('not set');
	await saveKey(page, KEYS.good);
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('sk-or-…0001');

	await page.reload();
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('sk-or-…0001');
	await expect(page.locator('body')).not.toContainText(KEYS.good);
	// The key is in IndexedDB (idb-keyval's default layout in our own store), not in web storage.
	const stored = await page.evaluate(
		() =>
			new Promise<unknown>((resolve, reject) => {
				const open = indexedDB.open('openrouter-playground');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('keys', 'readonly');
					const get = tx.objectStore('keys').get('openrouter-key');
					get.onsuccess = () => resolve(get.result);
					get.onerror = () => reject(get.error);
				};
			}),
	);
	expect(stored).toMatchObject({ v: 1, key: KEYS.good });
	expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain('sk-or-');
});

test('Send without a key opens the key dialog instead of sending', async ({ page }) => {
	await page.goto('./');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.getByRole('dialog', { name: 'API key' })).toBeVisible();
});

test('Forget key removes it for good', async ({ page }) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await page.getByRole('button', { name: 'API key' }).click();
	await page
		.getByRole('dialog', { name: 'API key' })
		.getByRole('button', { name: 'Forget key' })
		.click();
	// The button changes only once the store has removed the key, so the reload cannot race it.
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('not set');
	await page.reload();
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('not set');
});

test('after saving, /key details are shown, and a bad key is reported before any Send', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await page.getByRole('button', { name: 'API key' }).click();
	const details = page.getByRole('dialog', { name: 'API key' }).getByLabel('Key details');
	await expect(details).toContainText('Used');
	await expect(details).toContainText('Limit');
	await page.keyboard.press('Escape');

	await saveKey(page, KEYS.unknown);
	await expect(page.getByRole('alert')).toContainText('OpenRouter rejected this key (401)');
	await expect(page.getByRole('alert')).toContainText('User not found.');
	const chats = (await emulator.requests()).filter((r) => r.path.endsWith('/chat/completions'));
	expect(chats).toEqual([]);
});
