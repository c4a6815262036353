import type { Locator, Page } from '@playwright/test';
import { generateCurl } from '../../src/core/codegen/curl';
import { E2E } from '../scripts/ports';
import {
	KEYS,
	emulator,
	expect,
	response,
	saveKey,
	setRequest,
	test,
	WATCHED_PACE,
} from './fixtures';

/** The everyday loop (edit, send, read, continue): what is on screen is what is sent. */

type Body = { messages: { role: string; content: unknown }[]; temperature?: number };
const json = (page: Page) => page.getByRole('textbox', { name: 'Request JSON' });
const code = (page: Page) => page.getByRole('region', { name: 'Code' }).getByRole('tabpanel');

async function openTab(page: Page, name: string) {
	const request = page.getByRole('region', { name: 'Request' });
	await request.getByRole('tab', { name, exact: true }).click();
	return request.getByRole('tabpanel');
}

/** The element's box once it has stopped changing (Monaco lays itself out over a few frames). */
async function settledBox(locator: Locator) {
	return locator.evaluate(
		(element) =>
			new Promise<string>((resolve) => {
				let last = '';
				let same = 0;
				const tick = () => {
					const r = element.getBoundingClientRect();
					const now = `${r.x},${r.y},${r.width},${r.height}`;
					same = now === last ? same + 1 : 0;
					last = now;
					if (same >= 10) resolve(now);
					else requestAnimationFrame(tick);
				};
				tick();
			}),
	);
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
	// The answer is added once its code has loaded (a moment after the click).
	await expect
		.poll(async () => (JSON.parse(await json(page).inputValue()) as Body).messages.length)
		.toBe(3);
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

test('invalid JSON moves nothing: the forms and the code stay, marked out of date', async ({
	page,
}) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.goto('./');
	const params = await openTab(page, 'Parameters');
	await expect(params.getByLabel('seed')).toBeVisible();
	await expect(code(page)).toContainText('"model"');
	const before = await code(page).textContent();
	// A trailing comma, typed where a user would type it: in the editor, before the closing brace.
	await json(page).focus();
	const monaco = page.locator('.monaco-editor').first();
	await expect(monaco).toBeVisible();
	const editor = await settledBox(monaco);
	const panel = await settledBox(params);
	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('End');
	await page.keyboard.type(',');
	await expect(params.getByRole('status')).toContainText('JSON has an error');
	await expect(page.getByRole('region', { name: 'Code' }).getByRole('status')).toContainText(
		'Out of date',
	);
	expect(await code(page).textContent()).toContain(before!.trim().slice(0, 200));
	await expect(page.getByRole('button', { name: 'Copy code' })).toBeDisabled();
	expect(await settledBox(monaco)).toBe(editor);
	expect(await settledBox(params)).toBe(panel);
	await expect(params.getByLabel('seed')).not.toBeEditable();

	await page.keyboard.press('Backspace');
	await expect(params.getByRole('status')).toHaveCount(0);
	await expect(params.getByLabel('seed')).toBeEditable();
});

test('two notices at 1440×900 leave the bottom of every pane in the window', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	const shared = Buffer.from(
		JSON.stringify({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] }),
	).toString('base64url');
	await page.goto(`./#r=${shared}`);
	await expect(page.getByText('Loaded a request from a shared link')).toBeVisible();
	await page.context().setOffline(true);
	await page.evaluate(() => window.dispatchEvent(new Event('offline')));
	await expect(page.getByText(/offline/i).first()).toBeVisible();
	await expect.poll(() => page.locator('.banner').count()).toBeGreaterThanOrEqual(2);
	for (const name of ['Request', 'Response', 'Code']) {
		const box = await page.getByRole('region', { name, exact: true }).boundingBox();
		expect(box!.y + box!.height, `bottom of ${name}`).toBeLessThanOrEqual(900);
	}
	await page.context().setOffline(false);
});

test.describe(() => {
	test.use({ tokenDelayMs: WATCHED_PACE });
	test('the answer follows the stream until the user scrolls up; Jump to latest and Esc', async ({
		page,
	}) => {
		await page.setViewportSize({ width: 1440, height: 900 });
		await page.goto('./');
		await saveKey(page, KEYS.good);
		await setRequest(page, {
			model: 'emulator/long',
			messages: [{ role: 'user', content: 'Write a long story.' }],
			max_tokens: 2000,
			stream: true,
		});
		await page.getByRole('button', { name: 'Send' }).click();
		const { region, status } = response(page);
		const scroller = region.locator('.pane-body');
		const gap = () =>
			scroller.evaluate((el) => ({
				below: el.scrollHeight - el.scrollTop - el.clientHeight,
				top: el.scrollTop,
				overflow: el.scrollHeight - el.clientHeight,
			}));
		// Long enough to scroll, and pinned to the newest text while it streams.
		await expect.poll(async () => (await gap()).overflow, { timeout: 20_000 }).toBeGreaterThan(200);
		await expect(status).toContainText('Streaming');
		await expect.poll(async () => (await gap()).below).toBeLessThanOrEqual(40);

		// Scrolling up stops following: the text stays where the user reads while more arrives.
		await scroller.hover();
		await page.mouse.wheel(0, -400);
		const jump = region.getByRole('button', { name: 'Jump to latest' });
		await expect(jump).toBeVisible();
		const reading = (await gap()).top;
		const grown = (await gap()).overflow;
		await expect.poll(async () => (await gap()).overflow).toBeGreaterThan(grown + 50);
		expect((await gap()).top).toBe(reading);

		await jump.click();
		await expect(jump).toBeHidden();
		await expect.poll(async () => (await gap()).below).toBeLessThanOrEqual(40);

		// Esc stops the stream (no dialog is open) and keeps what arrived.
		await page.keyboard.press('Escape');
		await expect(status).toContainText('Stopped');
		await expect(response(page).answer).not.toBeEmpty();
	});
});

test('at 390 px, Send brings the answer into view', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).region).toBeInViewport();
	await expect(response(page).status).toContainText('Done', { timeout: 20_000 });
});
