import type { Page } from '@playwright/test';
import { KEYS, expect, response, saveKey, setRequest, test } from './fixtures';

const json = (page: Page) => page.getByRole('textbox', { name: 'Request JSON' });

async function presetsTab(page: Page) {
	const request = page.getByRole('region', { name: 'Request' });
	await request.getByRole('tab', { name: 'Presets', exact: true }).click();
	return request.getByRole('tabpanel');
}

test('presets save, survive a reload, load, rename and delete', async ({ page }) => {
	await page.goto('./');
	const mine = {
		model: 'deepseek/deepseek-chat',
		messages: [{ role: 'user', content: 'preset one' }],
	};
	await setRequest(page, mine);
	let panel = await presetsTab(page);
	await panel.getByLabel('Preset name').fill('Greeting');
	await panel.getByRole('button', { name: 'Save preset' }).click();
	await expect(panel.getByRole('list', { name: 'Saved presets' })).toContainText('Greeting');

	await setRequest(page, {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: 'other' }],
	});
	await page.reload();
	panel = await presetsTab(page);
	await panel.getByRole('button', { name: 'Load Greeting' }).click();
	await expect(json(page)).toHaveValue(JSON.stringify(mine, null, 2));

	await panel.getByRole('button', { name: 'Rename Greeting' }).click();
	await panel.getByLabel('New name for Greeting').fill('Hello there');
	await panel.getByRole('button', { name: 'Save name' }).click();
	await expect(panel.getByRole('button', { name: 'Load Hello there' })).toBeVisible();
	await page.reload();
	panel = await presetsTab(page);
	await expect(panel.getByRole('list', { name: 'Saved presets' })).toContainText('Hello there');
	await panel.getByRole('button', { name: 'Delete Hello there' }).click();
	await expect(panel.getByRole('list', { name: 'Saved presets' })).toBeHidden();
	await page.reload();
	panel = await presetsTab(page);
	await expect(panel).toContainText('No presets yet');
});

test('the examples menu loads a working request, even over broken JSON', async ({ page }) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, '{ "broken": ');
	const panel = await presetsTab(page);
	await panel
		.getByRole('group', { name: 'Examples' })
		.getByRole('button', { name: 'Tools' })
		.click();
	await expect(json(page)).toHaveValue(/"name": "get_weather"/);
	await expect(page.getByRole('region', { name: 'Checks' }).getByRole('list')).toHaveCount(0);
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });
});
