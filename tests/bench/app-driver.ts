/** Drives the app through its UI contract (roles and names), as the e2e tests do. */
import type { Page } from '@playwright/test';

export async function saveKeyInUi(page: Page, key: string): Promise<void> {
	await page.getByRole('button', { name: 'API key' }).click();
	const dialog = page.getByRole('dialog', { name: 'API key' });
	await dialog.getByLabel('OpenRouter API key').fill(key);
	await dialog.getByRole('button', { name: 'Save key' }).click();
	await dialog.waitFor({ state: 'hidden' });
}

export const benchRequest = (
	tokens: number,
	model = 'emulator/bench',
	history: Record<string, unknown>[] = [],
) =>
	JSON.stringify(
		{
			model,
			messages: [...history, { role: 'user', content: 'Benchmark stream.' }],
			max_tokens: tokens,
			stream: true,
		},
		null,
		2,
	);

/** Monaco (loaded 1.5 s after load, sooner than that on a busy machine) takes typed text only. */
export async function setRequestText(page: Page, text: string): Promise<void> {
	const box = page.getByRole('textbox', { name: 'Request JSON' });
	if ((await page.locator('.monaco-editor').count()) === 0) return box.fill(text);
	await box.focus();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.insertText(text);
}

const status = (page: Page) => page.getByRole('region', { name: 'Response' }).getByRole('status');

/** Clicks Send and resolves when the status says Done (or throws on Error/Stopped). */
export async function sendAndWait(page: Page, timeout = 120_000): Promise<void> {
	await page.getByRole('button', { name: 'Send' }).click();
	await status(page)
		.filter({ hasText: /Done|Error|Stopped/ })
		.waitFor({ timeout });
	const text = (await status(page).textContent()) ?? '';
	if (!text.includes('Done')) throw new Error(`the run ended with "${text}"`);
}
