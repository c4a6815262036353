import { KEYS, expect, response, saveKey, setRequest, test, draftSaved } from './fixtures';

/** Private mode and blocked storage: indexedDB.open throws (what Firefox private windows used to do). */
const NO_INDEXEDDB = () => {
	IDBFactory.prototype.open = () => {
		throw new DOMException(
			'The user denied permission to access the database.',
			'InvalidStateError',
		);
	};
};
/** A full disk: every write is refused with QuotaExceededError. */
const QUOTA_FULL = () => {
	IDBObjectStore.prototype.put = () => {
		throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
	};
};

test('without IndexedDB the app says so, keeps the key for this tab and loses no draft', async ({
	page,
}) => {
	await page.addInitScript(NO_INDEXEDDB);
	await page.goto('./');
	await expect(page.getByRole('status').filter({ hasText: 'unavailable' }).first()).toBeVisible();

	await saveKey(page, KEYS.good, 'Remember on this device');
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('sk-or-…0001');
	const draft = {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: 'still here' }],
		stream: true,
	};
	await setRequest(page, draft);
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });

	await draftSaved(page);
	await page.reload();
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('sk-or-…0001');
	await expect(page.getByRole('textbox', { name: 'Request JSON' })).toHaveValue(
		JSON.stringify(draft, null, 2),
	);
});

test('a full disk falls back to this tab with a notice', async ({ page }) => {
	await page.addInitScript(QUOTA_FULL);
	await page.goto('./');
	await saveKey(page, KEYS.good, 'Remember on this device');
	// The draft, saved on load, meets the same full disk and says so in its own notice.
	await expect(
		page.getByRole('status').filter({ hasText: /key could not be saved.*storage is full/ }),
	).toBeVisible();
	await page.getByRole('button', { name: 'API key' }).click();
	await expect(page.getByRole('dialog', { name: 'API key' })).toContainText('this tab only');
	await page.keyboard.press('Escape');
	await page.reload();
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('sk-or-…0001');
});

test('"This tab only" survives a reload but not a new tab; "Remember" reaches new tabs', async ({
	page,
	context,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good, 'This tab only');
	await page.reload();
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('sk-or-…0001');
	const other = await context.newPage();
	await other.goto('./');
	await expect(other.getByRole('button', { name: 'API key' })).toContainText('not set');

	await saveKey(other, 'sk-or-v1-test-device-9999', 'Remember on this device');
	const third = await context.newPage();
	await third.goto('./');
	await expect(third.getByRole('button', { name: 'API key' })).toContainText('sk-or-…9999');
	// The first tab keeps its own tab-only key.
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('sk-or-…0001');
});

test('a key forgotten in another tab is gone here too, with a notice', async ({
	page,
	context,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	const other = await context.newPage();
	await other.goto('./');
	await expect(other.getByRole('button', { name: 'API key' })).toContainText('sk-or-…0001');
	await other.getByRole('button', { name: 'API key' }).click();
	await other.getByRole('button', { name: 'Forget key' }).click();
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('not set');
	await expect(
		page.getByRole('status').filter({ hasText: 'forgotten in another tab' }),
	).toBeVisible();
});

test('a key removed between visits (storage evicted) just asks for a key again', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const request = indexedDB.deleteDatabase('openrouter-playground');
				request.onsuccess = request.onerror = request.onblocked = () => resolve();
			}),
	);
	await page.reload();
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('not set');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.getByRole('dialog', { name: 'API key' })).toBeVisible();
});
