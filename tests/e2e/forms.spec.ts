import type { Page } from '@playwright/test';
import { KEYS, emulator, expect, response, saveKey, setRequest, test } from './fixtures';

const code = (page: Page) => page.getByRole('region', { name: 'Code' });
const json = (page: Page) => page.getByRole('textbox', { name: 'Request JSON' });

async function openTab(page: Page, name: string) {
	const request = page.getByRole('region', { name: 'Request' });
	await request.getByRole('tab', { name, exact: true }).click();
	return request.getByRole('tabpanel');
}

test('setting seed in the form shows in the JSON and the snippet, formatting kept', async ({
	page,
}) => {
	await page.goto('./');
	const before = await json(page).inputValue();
	const panel = await openTab(page, 'Parameters');
	await panel.getByLabel('seed').fill('1234');
	await panel.getByLabel('seed').press('Tab');
	await expect(json(page)).toHaveValue(
		before.replace('"stream": true\n', '"stream": true,\n  "seed": 1234\n'),
	);
	await expect(code(page)).toContainText('"seed": 1234');

	// And back: JSON edits show in the form; clearing the field removes the key.
	await setRequest(page, {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: 'x' }],
		seed: 7,
	});
	await expect(panel.getByLabel('seed')).toHaveValue('7');
	await panel.getByLabel('seed').fill('');
	await panel.getByLabel('seed').press('Tab');
	await expect(json(page)).not.toHaveValue(/seed/);
});

test('messages: edit content, add a message, attach an image as a data URL', async ({ page }) => {
	await page.goto('./');
	const panel = await openTab(page, 'Messages');
	await panel.getByLabel('Message 2 content').fill('What is in this picture?');
	await panel.getByLabel('Message 2 content').blur();
	await expect(code(page)).toContainText('What is in this picture?');
	await panel.getByLabel('Attach a file to message 2').setInputFiles({
		name: 'dot.png',
		mimeType: 'image/png',
		buffer: Buffer.from(
			'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
			'base64',
		),
	});
	await expect(json(page)).toHaveValue(
		/"type": "image_url",\n\s+"image_url": \{\n\s+"url": "data:image\/png;base64,iVBOR/,
	);
	await expect(json(page)).toHaveValue(/"type": "text",\n\s+"text": "What is in this picture\?"/);
	await panel.getByRole('button', { name: 'Add message' }).click();
	await expect(panel.getByRole('group', { name: 'Message 3' })).toBeVisible();
	const body = JSON.parse(await json(page).inputValue()) as { messages: { role: string }[] };
	expect(body.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
});

test('structured output and tool choice from the form', async ({ page }) => {
	await page.goto('./');
	let panel = await openTab(page, 'Output');
	await panel.getByLabel('type').selectOption('json_schema');
	await expect(json(page)).toHaveValue(/"response_format": \{\n\s+"type": "json_schema"/);
	await panel.getByLabel('name', { exact: true }).fill('city_facts');
	await panel.getByLabel('name', { exact: true }).blur();
	await expect(code(page)).toContainText('"name": "city_facts"');
	await panel.getByLabel('schema', { exact: true }).fill('{ "type": "object", ');
	await panel.getByLabel('schema', { exact: true }).blur();
	await expect(panel.getByRole('alert')).toContainText('Not saved: line 1');

	panel = await openTab(page, 'Tools');
	await panel.getByRole('button', { name: 'Add function tool' }).click();
	await panel.getByLabel('tool_choice').selectOption('function:get_weather');
	const body = JSON.parse(await json(page).inputValue()) as Record<string, unknown>;
	expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'get_weather' } });
	expect((body.tools as unknown[]).length).toBe(1);
});

test('attribution headers are sent and shown in the snippet when turned on', async ({ page }) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	const panel = await openTab(page, 'Headers');
	await expect(code(page)).not.toContainText('X-Title');
	await panel.getByLabel(/Send HTTP-Referer and X-Title/).check();
	await expect(code(page)).toContainText("-H 'X-Title: OpenRouter Playground'");
	await expect(code(page)).toContainText('HTTP-Referer: http://127.0.0.1');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });
	const [chat] = await emulator.chatRequests();
	expect(chat?.headers['x-title']).toBe('OpenRouter Playground');
	expect(chat?.headers['http-referer']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
});

test('the forms keep the last valid request, read-only, while the JSON does not parse', async ({
	page,
}) => {
	await page.goto('./');
	await setRequest(page, {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: 'x' }],
		seed: 42,
	});
	const panel = await openTab(page, 'Parameters');
	await expect(panel.getByLabel('seed')).toHaveValue('42');
	await setRequest(page, '{ "model": ');
	await expect(panel.getByRole('status')).toContainText('fix it below to edit with the form');
	await expect(panel.getByLabel('seed')).toHaveValue('42');
	await expect(panel.getByLabel('seed')).not.toBeEditable();
});

test('a form edit reaches Monaco as one undoable edit', async ({ page }) => {
	await page.goto('./');
	await json(page).focus();
	await expect(page.locator('.monaco-editor').first()).toBeVisible();
	const panel = await openTab(page, 'Parameters');
	await panel.getByLabel('temperature').fill('0.2');
	await panel.getByLabel('temperature').press('Tab');
	await expect(code(page)).toContainText('"temperature": 0.2');
	await json(page).focus();
	await page.keyboard.press('ControlOrMeta+Z');
	await expect(code(page)).toContainText('"temperature": 0.7');
	await expect(panel.getByLabel('temperature')).toHaveValue('0.7');
});
