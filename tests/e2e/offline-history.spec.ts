import { deflateRawSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { KEYS, emulator, expect, response, saveKey, setRequest, test } from './fixtures';
import { waitForWorker } from './offline-helpers';

// These tests are about the service worker: blocked everywhere else (playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

const request = {
	model: 'deepseek/deepseek-chat',
	messages: [{ role: 'user', content: 'Kept for the train: lakes of Finland' }],
	seed: 5,
	max_tokens: 20,
	stream: true,
};
const shared = {
	model: 'openai/gpt-4o-mini',
	messages: [{ role: 'user', content: 'Opened from a link with no network ✈' }],
	max_tokens: 16,
};
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const editorValue = async (page: Page) =>
	JSON.parse(await page.getByRole('textbox', { name: 'Request JSON' }).inputValue()) as unknown;

test('offline after load: history lists, opens and restores a run, share links open, Send says why not', async ({
	page,
	context,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await waitForWorker(page);
	await setRequest(page, request);
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });
	const answer = (await response(page).answer.textContent()) ?? '';
	expect(answer.length).toBeGreaterThan(5);

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('status', { name: 'Offline' })).toContainText(
		'Send needs a network connection',
	);
	await setRequest(page, { model: 'x-ai/grok-4-fast', messages: [{ role: 'user', content: 'x' }] });

	await page.getByRole('button', { name: 'History' }).click();
	const dialog = page.getByRole('dialog', { name: 'History' });
	const runs = dialog.getByRole('list', { name: 'Runs' }).getByRole('listitem');
	await expect(runs).toHaveCount(1);
	await expect(runs.first()).toContainText('lakes of Finland');
	await runs.first().getByRole('button').click();
	await expect(dialog.getByRole('region', { name: 'Run answer' })).toContainText(answer);
	const sent = dialog.getByRole('region', { name: 'Run request' });
	expect(JSON.parse((await sent.locator('pre').textContent()) ?? '')).toEqual(request);
	// Re-running needs the network, and says so.
	const rerun = dialog.getByRole('button', { name: 'Re-run' });
	await expect(rerun).toBeDisabled();
	await expect(dialog).toContainText('Offline: re-running needs a network connection');
	await dialog.getByRole('button', { name: 'Load into editor' }).click();
	await expect.poll(() => editorValue(page)).toEqual(request);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	const send = page.getByRole('button', { name: 'Send' });
	await expect(send).toBeDisabled();
	await expect(send).toHaveAttribute('title', /offline: sending needs a network connection/);

	// Share links of both forms open in a new tab with no network.
	for (const link of [
		`./#r=${json(shared).toString('base64url')}`,
		`./#z=${deflateRawSync(json(shared)).toString('base64url')}`,
	]) {
		const tab = await context.newPage();
		await tab.goto(link);
		await expect.poll(() => editorValue(tab)).toEqual(shared);
		await expect(tab.getByRole('status', { name: 'Offline' })).toBeVisible();
		await expect(tab.getByRole('button', { name: 'Send' })).toBeDisabled();
		await tab.close();
	}
	expect(await emulator.chatRequests()).toHaveLength(1);
});
