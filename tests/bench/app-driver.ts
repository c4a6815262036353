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

/**
 * Puts `request` in the editor, opens the prompt lab and gives it `cases` cases of the variable
 * `n` (1, 2, …, pasted as from a spreadsheet) and `columns` columns, column c patched with
 * `{"seed": c}` (column 1 too with `seedFirst`). Returns the lab's region.
 */
export async function openLabGrid(
	page: Page,
	request: Record<string, unknown>,
	{ cases, columns, seedFirst = false }: { cases: number; columns: number; seedFirst?: boolean },
) {
	await setRequestText(page, JSON.stringify(request, null, 2));
	await page.getByRole('button', { name: 'Lab', exact: true }).click();
	const lab = page.getByRole('region', { name: 'Prompt lab' });
	await lab.getByText('Paste from a spreadsheet').click();
	const rows = Array.from({ length: cases }, (_, i) => String(i + 1));
	await lab.getByLabel('Rows from a spreadsheet, header first').fill(['n', ...rows].join('\n'));
	await lab.getByRole('button', { name: 'Add pasted rows' }).click();
	if (seedFirst) await lab.getByRole('textbox', { name: 'Patch for column 1' }).fill('{"seed": 1}');
	for (let c = 2; c <= columns; c++) {
		await lab.getByRole('button', { name: 'Add column' }).click();
		await lab.getByRole('textbox', { name: `Patch for column ${c}` }).fill(`{"seed": ${c}}`);
	}
	return lab;
}
