import type { Page } from '@playwright/test';
import { E2E } from '../scripts/ports';
import { KEYS, emulator, expect, response, saveKey, savedDraftText, test } from './fixtures';
import { storedEverywhere } from './leak-helpers';

/** A key the user pasted by mistake: it must be dropped, never stored, shown or sent. */
const PASTED_KEY = 'sk-or-v1-test-pasted-in-a-command-0123456789';
const body = {
	model: 'openai/gpt-4o-mini',
	messages: [{ role: 'user', content: 'Pasted as people paste' }],
};
const command = [
	`curl ${E2E.apiBaseUrl}/chat/completions \\`,
	`  -H "Authorization: Bearer ${PASTED_KEY}" \\`,
	`  -H "Content-Type: application/json" \\`,
	`  -d '${JSON.stringify(body)}'`,
];

async function paste(page: Page, text: string) {
	await page.evaluate((t) => navigator.clipboard.writeText(t), text);
	const editor = page.getByRole('textbox', { name: 'Request JSON' });
	await editor.focus();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('ControlOrMeta+V');
	return editor;
}

test('curl pasted after a comment, behind "> " or "time ", with blank lines and CRLF is imported without its key', async ({
	page,
	context,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('./');
	await saveKey(page, KEYS.good, 'This tab only');
	const forms = {
		'a comment line': `# Ask the model\n${command.join('\n')}`,
		'a Markdown quote': command.map((line) => `> ${line}`).join('\n'),
		'time in front': `time ${command.join('\n')}`,
		'blank lines and CRLF': `\r\n\r\n${command.join('\r\n')}\r\n`,
	};
	for (const [form, text] of Object.entries(forms)) {
		// Each form carries its own message, so the request seen is this paste's. Read from the saved
		// draft: focus swaps Monaco in, whose input element holds no text.
		const own = text.replace('Pasted as people paste', `Pasted as people paste (${form})`);
		await paste(page, own);
		const expected = {
			...body,
			messages: [{ role: 'user', content: `Pasted as people paste (${form})` }],
		};
		await expect
			.poll(() => savedDraftText(page), { message: form, timeout: 10_000 })
			.toBe(JSON.stringify(expected, null, 2));
		await expect(
			page.getByRole('status').filter({ hasText: 'Imported the curl command' }),
		).toContainText('API key, which was dropped');
		await page.getByRole('button', { name: 'Dismiss' }).click();
	}
	await expect.poll(() => storedEverywhere(page)).toContain('Pasted as people paste');
	expect(await storedEverywhere(page)).not.toContain(PASTED_KEY);
	expect(await page.content()).not.toContain(PASTED_KEY);

	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 20_000 });
	const [chat] = await emulator.chatRequests();
	expect(chat?.headers.authorization).toBe(`Bearer ${KEYS.good}`);
	expect(chat?.rawBody).not.toContain(PASTED_KEY);
});

test('a key pasted as plain text is kept out of the draft, with a warning that removes it', async ({
	page,
	context,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('./');
	await saveKey(page, KEYS.good, 'This tab only');
	const leaky = {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: `Draft marker 41, my key: ${PASTED_KEY}` }],
	};
	// Not a curl command: it goes into the editor as typed.
	// The text lands as pasted: the warning below is about it, and the draft saved once the key is
	// removed holds its marker (the editor may be Monaco by then, whose input element holds no text).
	await paste(page, `export KEY=${PASTED_KEY}\n${JSON.stringify(leaky)}`);
	const warning = page.getByRole('alert').filter({ hasText: 'looks like an API key' });
	await expect(warning).toBeVisible();
	// Shown once the debounced save ran and was refused.
	await expect(warning).toContainText('a save was skipped');
	expect(await storedEverywhere(page)).not.toContain(PASTED_KEY);

	await warning.getByRole('button', { name: 'Remove the key' }).click();
	await expect(warning).toBeHidden();
	await expect.poll(() => savedDraftText(page)).toContain('Draft marker 41');
	expect(await savedDraftText(page)).not.toContain(PASTED_KEY);
	await expect.poll(() => storedEverywhere(page)).toContain('Draft marker 41');
	expect(await storedEverywhere(page)).not.toContain(PASTED_KEY);
	expect(await page.content()).not.toContain(PASTED_KEY);
});
