/**
 * Static deployment under a sub-path: dist built with VITE_BASE=/tools/playground/ and served there
 * by a static host that applies `_headers` (tests/scripts/static-server.ts), as Netlify or
 * Cloudflare Pages would. Runs in the `subpath` Playwright project.
 */
import { E2E } from '../scripts/ports';
import { KEYS, emulator, expect, response, saveKey, setRequest, test } from './fixtures';

const { base, origin, appUrl } = E2E.subpath;

test('the app loads under the sub-path with the production headers, every asset from there', async ({
	page,
}) => {
	const assets: string[] = [];
	const failed: string[] = [];
	page.on('response', (res) => {
		if (res.url().startsWith(origin)) assets.push(new URL(res.url()).pathname);
		if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
	});
	const document = await page.goto('./');
	expect(page.url()).toBe(appUrl);
	const headers = (await document?.allHeaders()) ?? {};
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toContain("script-src 'self'");
	expect(headers['referrer-policy']).toBe('no-referrer');
	expect(headers['x-content-type-options']).toBe('nosniff');
	await expect(page.getByRole('textbox', { name: 'Request JSON' })).toBeVisible();
	expect(failed).toEqual([]);
	expect(assets.some((path) => /\.js$/.test(path))).toBe(true);
	expect(assets.every((path) => path.startsWith(base))).toBe(true);
	// Nothing is served outside the base: the sub-path is real, not a copy of the root.
	expect((await page.request.get(`${origin}/index.html`)).status()).toBe(404);
});

test('under the sub-path a request streams from the API', async ({ page }) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, {
		model: 'emulator/text',
		messages: [{ role: 'user', content: 'Hello from a sub-path' }],
		stream: true,
	});
	await page.getByRole('button', { name: 'Send' }).click();
	const { status, answer } = response(page);
	await expect(status).toContainText('Done');
	await expect(answer).not.toBeEmpty();
	const [chat] = await emulator.chatRequests();
	expect(chat?.headers.authorization).toBe(`Bearer ${KEYS.good}`);
	expect(chat?.headers.origin).toBe(origin);
});

test('Sign in with OpenRouter returns to the sub-path and completes there', async ({ page }) => {
	await page.goto('./');
	await page.getByRole('button', { name: 'API key' }).click();
	await page.getByRole('button', { name: 'Sign in with OpenRouter' }).click();
	await page.waitForURL((url) => url.origin === origin && !url.search.includes('code='));
	expect(page.url()).toBe(appUrl);
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('sk-or-…');

	const requests = await emulator.requests();
	const consent = requests.find((r) => r.path.startsWith('/auth?'));
	const query = new URL(consent?.path ?? '/', E2E.emulatorOrigin).searchParams;
	expect(query.get('callback_url')).toBe(appUrl);
	const exchange = requests.find((r) => r.path === '/api/v1/auth/keys');
	expect(exchange?.body).toMatchObject({ code_challenge_method: 'S256' });
});
