import { DEFAULT_REQUEST } from '../../src/core/request/normalize';
import { KEYS, emulator, expect, response, saveKey, test, settled } from './fixtures';

test('#model= opens the default request with that model and sends nothing', async ({ page }) => {
	await page.goto('./#model=mistralai/mistral-small');
	const editor = page.getByRole('textbox', { name: 'Request JSON' });
	await expect(editor).toHaveValue(
		JSON.stringify({ ...DEFAULT_REQUEST, model: 'mistralai/mistral-small' }, null, 2),
	);
	await expect(
		page.getByRole('status').filter({ hasText: 'mistralai/mistral-small' }),
	).toContainText('Nothing has been sent');
	await expect(page.getByRole('region', { name: 'Code' }).getByRole('tabpanel')).toContainText(
		'mistralai/mistral-small',
	);
	await expect(page).not.toHaveURL(/#/);
	await settled(page);
	expect(await emulator.chatRequests()).toEqual([]);

	await saveKey(page, KEYS.good);
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });
	const [chat] = await emulator.chatRequests();
	expect((chat?.body as { model?: string }).model).toBe('mistralai/mistral-small');
});

test('#model= with an odd id loads nothing and says why', async ({ page }) => {
	await page.goto(`./#model=${encodeURIComponent('openai/gpt"><img src=x>')}`);
	await expect(page.getByRole('status').filter({ hasText: 'not valid' })).toContainText(
		'Nothing was loaded',
	);
	await expect(page.getByRole('textbox', { name: 'Request JSON' })).toHaveValue(
		JSON.stringify(DEFAULT_REQUEST, null, 2),
	);
	await expect(page).not.toHaveURL(/#/);
});
