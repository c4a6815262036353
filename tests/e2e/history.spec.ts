import { readFile } from 'node:fs/promises';
import {
	KEYS,
	emulator,
	expect,
	response,
	saveKey,
	setRequest,
	storedRunCount,
	test,
} from './fixtures';
import type { Page } from '@playwright/test';

const request = {
	model: 'deepseek/deepseek-chat',
	messages: [{ role: 'user', content: 'History keeps me: rivers of Europe' }],
	seed: 11,
	max_tokens: 24,
	temperature: 0.3,
	stream: true,
};

async function sendAndWait(page: Page, body: unknown) {
	await setRequest(page, body);
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });
}

function openHistory(page: Page) {
	return page
		.getByRole('button', { name: 'History' })
		.click()
		.then(() => page.getByRole('dialog', { name: 'History' }));
}

test('a run appears in history after a reload and re-runs identically', async ({ page }) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await sendAndWait(page, request);
	const answer = await response(page).answer.textContent();
	expect(answer?.length).toBeGreaterThan(10);

	// The run is written once it ends, a moment after Done shows (and later on a busy machine):
	// a reload before the write is over would test the write's speed, not what history keeps.
	await expect.poll(() => storedRunCount(page), { timeout: 10_000 }).toBe(1);
	await page.reload();
	const dialog = await openHistory(page);
	const runs = dialog.getByRole('list', { name: 'Runs' }).getByRole('listitem');
	await expect(runs).toHaveCount(1);
	await expect(runs.first()).toContainText('deepseek/deepseek-chat');
	await expect(runs.first()).toContainText('rivers of Europe');
	await runs.first().getByRole('button').click();

	// Read-only: the answer and the request as it was sent.
	await expect(dialog.getByRole('region', { name: 'Run answer' })).toContainText(answer ?? '');
	const sent = dialog.getByRole('region', { name: 'Run request' });
	expect(JSON.parse((await sent.locator('pre').textContent()) ?? '')).toEqual(request);
	await expect(dialog.getByText('Cost')).toBeVisible();

	await dialog.getByRole('button', { name: 'Re-run' }).click();
	await expect(dialog).toBeHidden();
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });
	const chats = await emulator.chatRequests();
	expect(chats).toHaveLength(2);
	expect(chats[1]?.body).toEqual(chats[0]?.body);
	expect(chats[1]?.body).toEqual(request);
	await expect(response(page).answer).toHaveText(answer ?? '');

	await openHistory(page);
	await expect(runs).toHaveCount(2);
});

test('search and filters narrow the list; delete one; clear all after confirming', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await sendAndWait(page, request);
	await sendAndWait(page, {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: 'A haiku about tides' }],
		max_tokens: 12,
		stream: true,
	});
	await setRequest(page, {
		model: 'emulator/http-502',
		messages: [{ role: 'user', content: 'This one fails' }],
		stream: true,
	});
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Error');

	const dialog = await openHistory(page);
	const runs = dialog.getByRole('list', { name: 'Runs' }).getByRole('listitem');
	await expect(runs).toHaveCount(3);
	await dialog.getByRole('searchbox', { name: 'Search history' }).fill('haiku');
	await expect(runs).toHaveCount(1);
	await expect(runs.first()).toContainText('openai/gpt-4o-mini');
	await dialog.getByRole('searchbox', { name: 'Search history' }).fill('');
	await dialog.getByLabel('Status', { exact: true }).selectOption('error');
	await expect(runs).toHaveCount(1);
	await expect(runs.first()).toContainText('emulator/http-502');
	await dialog.getByLabel('Status', { exact: true }).selectOption('');
	await dialog.getByLabel('Model', { exact: true }).selectOption('deepseek/deepseek-chat');
	await expect(runs).toHaveCount(1);
	await dialog.getByLabel('Date', { exact: true }).selectOption('day');
	await expect(runs).toHaveCount(1);
	await dialog.getByLabel('Model', { exact: true }).selectOption('');

	await runs.filter({ hasText: 'haiku' }).getByRole('button').click();
	await dialog.getByRole('button', { name: 'Delete run' }).click();
	await expect(runs).toHaveCount(2);
	await expect(runs.filter({ hasText: 'haiku' })).toHaveCount(0);

	await dialog.getByRole('button', { name: 'Clear all' }).click();
	await expect(runs).toHaveCount(2);
	await dialog.getByRole('button', { name: 'Delete all runs' }).click();
	await expect(dialog.getByText('No runs yet')).toBeVisible();
	await page.reload();
	await openHistory(page);
	await expect(page.getByText('No runs yet')).toBeVisible();
});

test('export holds the runs and never the key; a newer file is refused and changes nothing', async ({
	page,
}, testInfo) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await sendAndWait(page, request);
	const dialog = await openHistory(page);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		dialog.getByRole('button', { name: 'Export' }).click(),
	]);
	const path = testInfo.outputPath('export.json');
	await download.saveAs(path);
	const text = await readFile(path, 'utf8');
	expect(text).not.toContain(KEYS.good);
	const file = JSON.parse(text);
	expect(file).toMatchObject({ format: 'openrouter-playground-export', v: 1 });
	expect(file.runs).toHaveLength(1);
	expect(file.runs[0].request).toEqual(request);

	const newer = JSON.stringify({ ...file, v: 2 });
	const picker = dialog.getByLabel('Import history file');
	await picker.setInputFiles({
		name: 'newer.json',
		mimeType: 'application/json',
		buffer: Buffer.from(newer),
	});
	await expect(dialog.getByRole('alert')).toContainText('from a newer version of the app');
	await expect(dialog.getByRole('alert')).toContainText('Nothing was imported');
	const runs = dialog.getByRole('list', { name: 'Runs' }).getByRole('listitem');
	await expect(runs).toHaveCount(1);

	await dialog.getByRole('button', { name: 'Clear all' }).click();
	await dialog.getByRole('button', { name: 'Delete all runs' }).click();
	await picker.setInputFiles({
		name: 'export.json',
		mimeType: 'application/json',
		buffer: Buffer.from(text),
	});
	await expect(dialog.getByRole('status').filter({ hasText: 'Imported 1 run' })).toBeVisible();
	await expect(runs).toHaveCount(1);
	await expect(runs.first()).toContainText('rivers of Europe');
});

test('without IndexedDB, history says so and sending still works', async ({ page }) => {
	await page.addInitScript(() => {
		IDBFactory.prototype.open = () => {
			throw new DOMException('blocked', 'InvalidStateError');
		};
	});
	await page.goto('./');
	await expect(
		page.getByRole('status').filter({ hasText: 'history is kept in this tab only' }),
	).toBeVisible();
	await saveKey(page, KEYS.good, 'This tab only');
	await sendAndWait(page, request);
	const dialog = await openHistory(page);
	await expect(dialog.getByRole('list', { name: 'Runs' }).getByRole('listitem')).toHaveCount(1);
});
