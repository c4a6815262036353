import { E2E } from '../scripts/ports';
import { KEYS, emulator, expect, response, saveKey, setRequest, test } from './fixtures';

/**
 * A hostile page on another origin frames the app, as any site can on a host that sends no
 * `frame-ancestors` header (GitHub Pages; the test host of the main app sends none either), with a request
 * preloaded in the fragment.
 */
const FRAMER = `${E2E.subpath.origin}/framer.html`;
const planted = {
	model: 'emulator/text',
	messages: [{ role: 'user', content: 'Planted by the framer' }],
};
const link = `${E2E.appOrigin}/#r=${Buffer.from(JSON.stringify(planted)).toString('base64url')}`;

test('framed by another site, the app loads no request from the link and sends nothing', async ({
	page,
	context,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	// The framer is served by the test (no address), so Chromium's Local Network Access checks take
	// it for a public site and would refuse its frame to 127.0.0.1 (net::ERR_BLOCKED_BY_LOCAL_NETWORK_
	// ACCESS_CHECKS, in some runs). Both sites are public in real life: the check is not the subject.
	await context.grantPermissions(['local-network-access'], { origin: E2E.subpath.origin });
	await page.route(FRAMER, (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: `<!doctype html><title>Win a prize</title><iframe src="${link}" width="1200" height="900"></iframe>`,
		}),
	);
	await page.goto(FRAMER);
	const frame = page.frameLocator('iframe');
	const warning = frame.getByRole('alert').filter({ hasText: 'inside another page' });
	await expect(warning).toBeVisible({ timeout: 20_000 });
	const ownTab = warning.getByRole('link', { name: 'Open the playground in its own tab' });
	await expect(ownTab).toHaveAttribute('href', `${E2E.appOrigin}/`);
	await expect(ownTab).toHaveAttribute('target', '_blank');
	await expect(frame.getByRole('status').filter({ hasText: 'was not loaded' })).toBeVisible();
	const editor = frame.getByRole('textbox', { name: 'Request JSON' });
	await expect(editor).not.toHaveValue(/Planted by the framer/);

	const sendButton = frame.getByRole('button', { name: 'Send' });
	await expect(sendButton).toBeDisabled();
	await editor.focus();
	await page.keyboard.press('ControlOrMeta+Enter');
	await expect(
		frame.getByRole('region', { name: 'Response' }).getByRole('status'),
	).not.toContainText(/Streaming|Done|Error/);
	expect(await page.content()).not.toContain(KEYS.good);

	// In its own tab the app works as usual, and the framed attempt above never reached the API.
	const [tab] = await Promise.all([context.waitForEvent('page'), ownTab.click()]);
	await tab.waitForLoadState();
	expect(new URL(tab.url()).hash).toBe('');
	await setRequest(tab, { ...planted, messages: [{ role: 'user', content: 'From my own tab' }] });
	await tab.getByRole('button', { name: 'Send' }).click();
	await expect(response(tab).status).toContainText('Done', { timeout: 20_000 });
	const chats = await emulator.chatRequests();
	expect(chats.map((c) => JSON.stringify(c.body))).toEqual([
		expect.stringContaining('From my own tab'),
	]);
});
