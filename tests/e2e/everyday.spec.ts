import type { Page } from '@playwright/test';
import { generateCurl } from '../../src/core/codegen/curl';
import { E2E } from '../scripts/ports';
import { KEYS, emulator, expect, response, saveKey, setRequest, test } from './fixtures';

/** The everyday loop (edit, send, read, continue): what is on screen is what is sent. */

type Body = { messages: { role: string; content: unknown }[]; temperature?: number };
const json = (page: Page) => page.getByRole('textbox', { name: 'Request JSON' });
const code = (page: Page) => page.getByRole('region', { name: 'Code' }).getByRole('tabpanel');

async function openTab(page: Page, name: string) {
	const request = page.getByRole('region', { name: 'Request' });
	await request.getByRole('tab', { name, exact: true }).click();
	return request.getByRole('tabpanel');
}

async function lastBody(): Promise<Body> {
	await expect.poll(async () => (await emulator.chatRequests()).length).toBeGreaterThan(0);
	return (await emulator.chatRequests()).at(-1)!.body as Body;
}

test('typing in a message and a number field, then Ctrl/⌘+Enter without leaving the box, sends what was typed', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, {
		model: 'openai/gpt-4o-mini',
		messages: [
			{ role: 'user', content: 'Say hello.' },
			{ role: 'assistant', content: 'Hello!' },
		],
		temperature: 0.2,
		stream: true,
	});
	const messages = await openTab(page, 'Messages');
	await messages.getByRole('button', { name: 'Add message' }).click();
	const added = messages.getByLabel('Message 3 content');
	// "Add message" puts the cursor in the new message: typing goes there directly.
	await expect(added).toBeFocused();
	await page.keyboard.type('Now say it in French.');
	// The Code panel follows the typing before the box is left.
	await expect(code(page)).toContainText('Now say it in French.');
	await page.keyboard.press('ControlOrMeta+Enter');
	await expect(response(page).status).toContainText('Done', { timeout: 20_000 });
	expect((await lastBody()).messages.at(-1)).toEqual({
		role: 'user',
		content: 'Now say it in French.',
	});

	const params = await openTab(page, 'Parameters');
	const temperature = params.getByLabel('temperature');
	await temperature.click();
	await temperature.press('ControlOrMeta+A');
	// Typed key by key: "0." is no number yet, and must neither be sent nor wiped from the box.
	await page.keyboard.type('0.9');
	await expect(temperature).toHaveValue('0.9');
	await expect(temperature).toBeFocused();
	await page.keyboard.press('ControlOrMeta+Enter');
	await expect.poll(async () => (await emulator.chatRequests()).length).toBe(2);
	expect((await lastBody()).temperature).toBe(0.9);
	expect(JSON.parse(await json(page).inputValue()).temperature).toBe(0.9);
});

test('a list typed in the routing form keeps its comma while typing, and reaches the JSON at once', async ({
	page,
}) => {
	await page.goto('./');
	const routing = await openTab(page, 'Routing');
	const order = routing.getByLabel('order');
	await order.click();
	await page.keyboard.type('openai, azure');
	await expect(order).toHaveValue('openai, azure');
	await expect(json(page)).toHaveValue(/"order": \[\s*"openai",\s*"azure"\s*\]/);
	await expect(code(page)).toContainText('azure');
});

test('headers from an imported curl command survive a reload and are sent', async ({ page }) => {
	const attribution = { 'HTTP-Referer': 'https://my-app.example/', 'X-Title': 'My app' };
	const body = {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: 'Imported with headers' }],
		stream: true,
	};
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await page.getByRole('button', { name: 'Import curl' }).click();
	const dialog = page.getByRole('dialog', { name: 'Import curl' });
	await dialog
		.getByRole('textbox', { name: 'curl command' })
		.fill(generateCurl(body, { baseUrl: E2E.apiBaseUrl, headers: attribution }));
	await dialog.getByRole('button', { name: 'Import' }).click();
	await expect(dialog).toBeHidden();
	await expect(code(page)).toContainText('X-Title: My app');

	// The draft is saved a moment after the last edit; reload once it holds the headers.
	await expect
		.poll(() =>
			page.evaluate(
				() =>
					new Promise<string>((resolve) => {
						const open = indexedDB.open('openrouter-playground-drafts');
						open.onsuccess = () => {
							const db = open.result;
							if (!db.objectStoreNames.length) return resolve('');
							const all = db.transaction('drafts').objectStore('drafts').getAll();
							all.onsuccess = () => resolve(JSON.stringify(all.result));
						};
						open.onerror = () => resolve('');
					}),
			),
		)
		.toContain('My app');
	await page.reload();
	await expect(json(page)).toHaveValue(/Imported with headers/);
	await expect(code(page)).toContainText('X-Title: My app');
	await expect(code(page)).toContainText('HTTP-Referer: https://my-app.example/');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 20_000 });
	const [received] = await emulator.chatRequests();
	expect(received?.headers['x-title']).toBe('My app');
	expect(received?.headers['http-referer']).toBe('https://my-app.example/');
});

test('Add to conversation adds the answer once, then a reply message with the cursor in it', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: 'Hello?' }],
		stream: true,
	});
	await page.getByRole('button', { name: 'Send' }).click();
	const { region, status, answer } = response(page);
	await expect(status).toContainText('Done', { timeout: 20_000 });
	const add = region.getByRole('button', { name: 'Add to conversation' });
	await add.click();
	await add.click();
	const request = JSON.parse(await json(page).inputValue()) as Body;
	expect(request.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
	expect(String(request.messages[1]?.content).trim()).toBe((await answer.textContent())?.trim());
	expect(request.messages[2]?.content).toBe('');

	const reply = page.getByRole('region', { name: 'Request' }).getByLabel('Message 3 content');
	await expect(reply).toBeFocused();
	await expect(reply).toBeInViewport();
	await page.keyboard.type('And in French?');
	await page.keyboard.press('ControlOrMeta+Enter');
	await expect.poll(async () => (await emulator.chatRequests()).length).toBe(2);
	expect((await lastBody()).messages.at(-1)).toEqual({ role: 'user', content: 'And in French?' });
});
