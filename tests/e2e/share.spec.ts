import { E2E } from '../scripts/ports';
import {
	KEYS,
	emulator,
	expect,
	response,
	saveKey,
	setRequest,
	test,
	settled,
	draftSaved,
} from './fixtures';

const request = {
	model: 'deepseek/deepseek-chat',
	messages: [{ role: 'user', content: 'Shared from a link: 日本 🚀' }],
	seed: 7,
	max_tokens: 32,
	stream: true,
};
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

test('Share copies a link that restores the request in a fresh context and sends nothing', async ({
	page,
	browser,
	context,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('./');
	await setRequest(page, request);
	await page.getByRole('button', { name: 'Share' }).click();
	await expect(page.getByText('Link copied')).toBeVisible();
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(link).toMatch(new RegExp(`^${E2E.appOrigin}/#[rz]=[A-Za-z0-9_-]+$`));

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await emulator.reset();
	await other.goto(link);
	const editor = other.getByRole('textbox', { name: 'Request JSON' });
	await expect(editor).toHaveValue(JSON.stringify(request, null, 2));
	await expect(other.getByRole('status').filter({ hasText: 'shared link' })).toContainText(
		'Nothing has been sent',
	);
	expect(other.url()).not.toContain('#');
	await settled(other);
	expect(await emulator.chatRequests()).toEqual([]);
	await fresh.close();
});

test('a link pasted into an open tab loads without a reload', async ({ page }) => {
	await page.goto('./');
	await page.goto(`./#r=${b64(request)}`);
	await expect(page.getByRole('textbox', { name: 'Request JSON' })).toHaveValue(
		JSON.stringify(request, null, 2),
	);
});

test('a link pasted while the app is still starting is not lost', async ({ page }) => {
	// The fragment changes after the first paint (the app has read the address) and before the
	// shell mounts: the moment the hashchange would once find no listener.
	await page.addInitScript(
		(hash) => {
			const state = window as unknown as { pasted?: boolean; mountedAtPaste?: boolean };
			let painted = false;
			const raf = window.requestAnimationFrame.bind(window);
			window.requestAnimationFrame = (callback) => {
				if (painted && !state.pasted) {
					state.pasted = true;
					state.mountedAtPaste = document.querySelector('main') !== null;
					location.hash = hash;
				}
				return raf((time) => {
					painted = true;
					callback(time);
				});
			};
		},
		`#r=${b64(request)}`,
	);
	await page.goto('./');
	await expect(page.getByRole('textbox', { name: 'Request JSON' })).toHaveValue(
		JSON.stringify(request, null, 2),
	);
	expect(await page.evaluate(() => (window as { mountedAtPaste?: boolean }).mountedAtPaste)).toBe(
		false,
	);
	await expect.poll(() => page.url()).not.toContain('#');
});

test('a #r= link in the contract format loads; Send then posts exactly that request', async ({
	page,
}) => {
	await page.goto(`./#r=${b64(request)}`);
	await saveKey(page, KEYS.good);
	expect(await emulator.chatRequests()).toEqual([]);
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });
	const [chat] = await emulator.chatRequests();
	expect(chat?.body).toEqual(request);
});

test('a hostile link cannot set the key, the base URL or headers', async ({ page }) => {
	const hostile = {
		...request,
		api_key: 'sk-or-v1-test-from-link',
		base_url: 'https://evil.example/api/v1',
		headers: { Authorization: 'Bearer sk-or-v1-test-from-link', 'X-Evil': '1' },
	};
	await page.goto(
		`./#r=${b64(hostile)}&base_url=https://evil.example/api/v1&key=sk-or-v1-test-from-link`,
	);
	await expect(page.getByRole('status').filter({ hasText: 'shared link' })).toContainText(
		'api_key, base_url, headers',
	);
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('not set');
	await saveKey(page, KEYS.good);
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });
	const [chat] = await emulator.chatRequests();
	expect(chat?.headers.authorization).toBe(`Bearer ${KEYS.good}`);
	expect(chat?.headers['x-evil']).toBeUndefined();
	expect(chat?.body).toEqual(request);
	expect(chat?.headers.host).toBe(new URL(E2E.apiBaseUrl).host);
});

test('a 1 MB share payload is refused with a message and the draft is kept', async ({ page }) => {
	await page.goto('./');
	const draft = { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'my draft' }] };
	await setRequest(page, draft);
	await draftSaved(page);
	const huge = { messages: [{ role: 'user', content: 'x'.repeat(1_050_000) }] };
	await page.goto(`./#r=${b64(huge)}`);
	await expect(page.getByRole('status').filter({ hasText: 'more than 1 MB' })).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Request JSON' })).toHaveValue(
		JSON.stringify(draft, null, 2),
	);
	// The refused link leaves the address: a reload meets the draft, not the link again.
	await expect(page).not.toHaveURL(/#/);
	await page.reload();
	await expect(page.getByRole('textbox', { name: 'Request JSON' })).toHaveValue(
		JSON.stringify(draft, null, 2),
	);
	await expect(page.getByRole('status').filter({ hasText: 'more than 1 MB' })).toHaveCount(0);
});

test('a request too big for a link offers a file instead', async ({ page }) => {
	await page.goto('./');
	const noise = Array.from({ length: 30_000 }, (_, i) =>
		((i * 2654435761) % 4294967296).toString(36),
	).join('');
	await setRequest(page, {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: noise }],
	});
	await page.getByRole('button', { name: 'Share' }).click();
	const alert = page.getByRole('alert').filter({ hasText: 'too big for a link' });
	await expect(alert).toBeVisible();
	const download = page.waitForEvent('download');
	await alert.getByRole('button', { name: 'Download request.json' }).click();
	expect((await download).suggestedFilename()).toBe('request.json');
});
