import { generateCurl } from '../../src/core/codegen/curl';
import { E2E } from '../scripts/ports';
import { KEYS, emulator, expect, response, saveKey, savedDraftText, test } from './fixtures';

/** A key the user pasted by mistake: it must be dropped, never stored, shown or sent. */
const PASTED_KEY = 'sk-or-v1-test-pasted-by-mistake-0123456789';
const body = {
	model: 'openai/gpt-4o-mini',
	messages: [
		{ role: 'system', content: `It's "$5" and \`date\` 🚀` },
		{ role: 'user', content: 'Imported from curl' },
	],
	max_tokens: 40,
	stream: true,
};
const attribution = { 'HTTP-Referer': 'https://my-app.example/', 'X-Title': 'My app' };
/** Our own curl target, with the placeholder replaced by a literal key, as people do. */
const command = generateCurl(body, { baseUrl: E2E.apiBaseUrl, headers: attribution }).replace(
	'$OPENROUTER_API_KEY',
	PASTED_KEY,
);

test('a curl command pasted into the editor loads the request and drops the key', async ({
	page,
	context,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await page.evaluate((text) => navigator.clipboard.writeText(text), command);
	const editor = page.getByRole('textbox', { name: 'Request JSON' });
	await editor.focus();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('ControlOrMeta+V');

	// Read from the saved draft: focus swaps Monaco in, whose input element holds no text.
	await expect
		.poll(() => savedDraftText(page), { timeout: 10_000 })
		.toBe(JSON.stringify(body, null, 2));
	const notice = page.getByRole('status').filter({ hasText: 'Imported the curl command' });
	await expect(notice).toContainText('API key, which was dropped');
	await expect(notice).toContainText('HTTP-Referer, X-Title');

	const code = page.getByRole('region', { name: 'Code' });
	expect(await code.getByRole('tabpanel').textContent()).toBe(
		generateCurl(body, { baseUrl: E2E.apiBaseUrl, headers: attribution }),
	);
	// Look everywhere the page keeps things, once the draft (saved 300 ms after an edit) is there.
	const readStored = () =>
		page.evaluate(async () => {
			const drafts = await new Promise<unknown[]>((resolve) => {
				const open = indexedDB.open('openrouter-playground-drafts');
				// Never create the app's database ourselves: abort if it does not exist yet.
				open.onupgradeneeded = () => open.transaction?.abort();
				open.onerror = () => resolve([]);
				open.onsuccess = () => {
					const db = open.result;
					const names = [...db.objectStoreNames];
					if (!names.length) return resolve([]);
					const all = db.transaction(names).objectStore(names[0]!).getAll();
					all.onsuccess = () => resolve(all.result);
				};
			});
			return JSON.stringify([drafts, { ...localStorage }, { ...sessionStorage }]);
		});
	await expect.poll(readStored).toContain('Imported from curl');
	expect(await readStored()).not.toContain(PASTED_KEY);
	expect(await page.content()).not.toContain(PASTED_KEY);

	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });
	const [received] = await emulator.chatRequests();
	expect(received?.body).toEqual(body);
	expect(received?.headers.authorization).toBe(`Bearer ${KEYS.good}`);
	expect(received?.headers['http-referer']).toBe(attribution['HTTP-Referer']);
	expect(received?.headers['x-title']).toBe(attribution['X-Title']);
});

test('Import curl explains a command it cannot load and keeps the request', async ({ page }) => {
	await page.goto('./');
	const editor = page.getByRole('textbox', { name: 'Request JSON' });
	const before = await editor.inputValue();
	await page.getByRole('button', { name: 'Import curl' }).click();
	const dialog = page.getByRole('dialog', { name: 'Import curl' });
	const field = dialog.getByRole('textbox', { name: 'curl command' });
	await field.fill(
		`curl ${E2E.apiBaseUrl}/chat/completions -H "Authorization: Bearer ${PASTED_KEY}" -d '{"model": '`,
	);
	await dialog.getByRole('button', { name: 'Import' }).click();
	await expect(dialog.getByRole('alert')).toContainText('The body is not JSON');
	await expect(editor).toHaveValue(before);

	await field.fill(
		`curl ${E2E.apiBaseUrl}/chat/completions --json '{"model": "m/x", "messages": []}'`,
	);
	await dialog.getByRole('button', { name: 'Import' }).click();
	await expect(dialog).toBeHidden();
	await expect(editor).toHaveValue(JSON.stringify({ model: 'm/x', messages: [] }, null, 2));
	expect(await page.content()).not.toContain(PASTED_KEY);
});
