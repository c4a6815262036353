/**
 * The prompt lab kept: a `{{name}}` is never sent as written, even before the lab was opened; the
 * lab survives a reload; a grid run is kept in history with its results and opens again without
 * sending anything; a `#lab=` link pasted into an open tab opens like one on load.
 */
import { deflateRawSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { E2E } from '../scripts/ports';
import { seriousViolations } from './axe';
import { KEYS, emulator, expect, saveKey, setRequest, test } from './fixtures';

const weather = {
	model: 'openai/gpt-4o-mini',
	messages: [{ role: 'user', content: 'Weather in {{city}}?' }],
	max_tokens: 20,
	stream: true,
};

const sendButton = (page: Page) => page.getByRole('button', { name: 'Send', exact: true });
const labRegion = (page: Page) => page.getByRole('region', { name: 'Prompt lab' });
const cell = (lab: Locator, row: number, column: number) =>
	lab.getByRole('button', { name: `Case ${row}, column ${column}`, exact: true });

async function openLab(page: Page): Promise<Locator> {
	await page.getByRole('button', { name: 'Lab', exact: true }).click();
	const lab = labRegion(page);
	await expect(lab).toBeVisible();
	return lab;
}

/** The kept lab's text as IndexedDB holds it, or null. */
function keptLab(page: Page): Promise<string | null> {
	return page.evaluate(
		() =>
			new Promise<string | null>((resolve) => {
				const open = indexedDB.open('openrouter-playground-drafts');
				open.onerror = () => resolve(null);
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('drafts')) return (db.close(), resolve(null));
					const get = db.transaction('drafts').objectStore('drafts').get('lab');
					get.onsuccess = () => {
						db.close();
						const value = get.result as { text?: string } | undefined;
						resolve(value?.text ?? null);
					};
					get.onerror = () => (db.close(), resolve(null));
				};
			}),
	);
}

test('a {{name}} typed before the lab was ever opened is refused by name, and nothing is sent', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	// The text and Ctrl+Enter in one go: Send must wait for the lab, which is not loaded yet.
	await page.getByRole('textbox', { name: 'Request JSON' }).evaluate(
		(field, text) => {
			(field as HTMLTextAreaElement).value = text;
			field.dispatchEvent(new Event('input', { bubbles: true }));
			field.dispatchEvent(
				new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
			);
		},
		JSON.stringify(weather, null, 2),
	);
	const send = sendButton(page);
	await expect(send).toHaveAttribute('title', 'Prompt lab: Missing value for city');
	await expect(send).toBeDisabled();
	// Compare sends the same body: it is refused the same way.
	await page.getByRole('button', { name: 'Compare' }).click();
	const compare = page.getByRole('dialog', { name: 'Compare' });
	await expect(compare.getByRole('button', { name: 'Run all' })).toHaveAttribute(
		'title',
		'Prompt lab: Missing value for city',
	);
	await compare.getByRole('button', { name: 'Close' }).click();
	expect(await emulator.chatRequests()).toEqual([]);
	await expect(
		page.getByRole('region', { name: 'Response' }).getByRole('status'),
	).not.toContainText(/Streaming|Done|Error|Stopped/);
});

test('the lab survives a reload: values and cases come back, and Send fills the values', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, weather);
	const lab = await openLab(page);
	await lab.getByRole('textbox', { name: 'city', exact: true }).fill('Lyon');
	await lab.getByRole('button', { name: 'Add case' }).click();
	await lab.getByRole('textbox', { name: 'city, case 1' }).fill('Oslo');
	await lab.getByLabel('At most at once').fill('2');
	await expect.poll(() => keptLab(page)).toContain('"Oslo"');
	await expect.poll(() => keptLab(page)).toContain('"concurrency":2');

	await page.reload();
	// Not opened yet: the lab loads for the request's {{city}}, with the values kept.
	const send = sendButton(page);
	await expect(send).toBeEnabled();
	await expect(page.getByRole('region', { name: 'Code' })).toContainText('Weather in Lyon?');
	await send.click();
	await expect(page.getByRole('region', { name: 'Response' }).getByRole('status')).toContainText(
		'Done',
	);
	const [posted] = await emulator.chatRequests();
	expect((posted?.body as { messages: { content: string }[] }).messages[0]?.content).toBe(
		'Weather in Lyon?',
	);

	const reopened = await openLab(page);
	await expect(reopened.getByRole('textbox', { name: 'city', exact: true })).toHaveValue('Lyon');
	await expect(reopened.getByRole('textbox', { name: 'city, case 1' })).toHaveValue('Oslo');
	await expect(reopened.getByLabel('At most at once')).toHaveValue('2');
});

test('a grid run is kept in history; opened after a reload, the grid shows its results unsent', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, {
		model: 'emulator/by-content',
		messages: [{ role: 'user', content: 'Say {{word}}' }],
		stream: true,
	});
	const lab = await openLab(page);
	for (const [i, word] of ['alpha', 'beta'].entries()) {
		await lab.getByRole('button', { name: 'Add case' }).click();
		await lab.getByRole('textbox', { name: `word, case ${i + 1}` }).fill(word);
	}
	await lab.getByLabel('Check').selectOption('contains');
	await lab.getByLabel('Text', { exact: true }).fill('alpha');
	await lab.getByRole('button', { name: 'Add assertion' }).click();
	await lab.getByRole('button', { name: 'Run grid' }).click();
	await expect(cell(lab, 1, 1)).toHaveAccessibleDescription(/✓ pass/);
	await expect(cell(lab, 2, 1)).toHaveAccessibleDescription(/✗ fail/);
	const sent = (await emulator.chatRequests()).length;
	expect(sent).toBe(2);

	await page.reload();
	await page.getByRole('button', { name: 'History' }).click();
	const dialog = page.getByRole('dialog', { name: 'History' });
	const entry = dialog.getByRole('list', { name: 'Runs' }).getByRole('listitem').first();
	await expect(entry).toContainText('Lab · 2 × 1 · 1/2 passed');
	expect(await seriousViolations(page, { include: 'dialog.history' })).toEqual([]);
	await entry.getByRole('button').click();
	await dialog.getByRole('button', { name: 'Open in prompt lab' }).click();
	await expect(dialog).toBeHidden();

	const opened = labRegion(page);
	await expect(
		opened.getByRole('status').filter({ hasText: 'Nothing has been sent' }),
	).toBeVisible();
	await expect(cell(opened, 1, 1)).toHaveAccessibleDescription(/^done.*✓ pass/);
	await expect(cell(opened, 2, 1)).toHaveAccessibleDescription(
		/✗ fail: expected to contain "alpha"/,
	);
	await expect(opened.getByLabel('Totals for column 1')).toContainText('pass 1/2 (50 %)');
	await expect(opened.getByRole('textbox', { name: 'word, case 2' })).toHaveValue('beta');
	await cell(opened, 1, 1).click();
	const answer = opened.getByRole('region', { name: 'Answer of Case 1, column 1' });
	await expect(answer.getByTestId('answer')).toContainText('Say alpha');
	await expect(answer).toContainText('The raw response of this cell is not kept');
	expect(await emulator.chatRequests()).toHaveLength(sent);
});

const linkedLab = {
	v: 1,
	request: {
		model: 'emulator/by-content',
		messages: [{ role: 'user', content: 'Say {{word}}' }],
		stream: true,
	},
	variables: { word: 'pasted' },
	cases: { columns: ['word'], rows: [['from a pasted link']] },
	columns: [{}],
	assertions: [],
};
const linkedHash = `#lab=${deflateRawSync(JSON.stringify(linkedLab)).toString('base64url')}`;

test('a lab link pasted into an open tab opens that lab and sends nothing', async ({ page }) => {
	await page.goto('./');
	await expect(sendButton(page)).toBeEnabled();
	await page.evaluate((h) => (location.hash = h), linkedHash);
	const lab = labRegion(page);
	await expect(
		lab.getByRole('status').filter({ hasText: 'Opened a lab from a link' }),
	).toBeVisible();
	await expect(lab.getByRole('textbox', { name: 'word, case 1' })).toHaveValue(
		'from a pasted link',
	);
	await expect(lab.getByRole('textbox', { name: 'word', exact: true })).toHaveValue('pasted');
	await expect(page).toHaveURL((url) => url.hash === '');
	expect(await emulator.chatRequests()).toEqual([]);
});

test('framed by another site, a lab link given to the open frame is refused and nothing is sent', async ({
	page,
	context,
}) => {
	const framer = `${E2E.subpath.origin}/framer.html`;
	// As in framing.spec.ts: the framer is served by the test, both sites are public in real life.
	await context.grantPermissions(['local-network-access'], { origin: E2E.subpath.origin });
	await page.route(framer, (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: `<!doctype html><title>Win a prize</title><iframe src="${E2E.appOrigin}/" width="1200" height="900"></iframe>`,
		}),
	);
	await page.goto(framer);
	const frame = page.frameLocator('iframe');
	await expect(frame.getByRole('alert').filter({ hasText: 'inside another page' })).toBeVisible({
		timeout: 20_000,
	});
	await page.evaluate(
		(src) => ((document.querySelector('iframe') as HTMLIFrameElement).src = src),
		`${E2E.appOrigin}/${linkedHash}`,
	);
	const lab = frame.getByRole('region', { name: 'Prompt lab' });
	await expect(lab.getByRole('alert')).toContainText('the lab in the link was not opened');
	await expect(lab.getByRole('textbox', { name: 'word', exact: true })).toHaveCount(0);
	expect(await emulator.chatRequests()).toEqual([]);
});
