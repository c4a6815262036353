import { E2E } from '../scripts/ports';
import { emulator, expect, test } from './fixtures';

test('Sign in with OpenRouter: PKCE round trip saves a key and clears the code from the URL', async ({
	page,
}) => {
	await page.goto('./');
	await page.getByRole('button', { name: 'API key' }).click();
	await page.getByRole('button', { name: 'Sign in with OpenRouter' }).click();
	await page.waitForURL((url) => url.origin === E2E.appOrigin && !url.search.includes('code='));
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('sk-or-…');

	const requests = await emulator.requests();
	const consent = requests.find((r) => r.path.startsWith('/auth?'));
	const query = new URL(consent?.path ?? '/', E2E.emulatorOrigin).searchParams;
	expect(query.get('callback_url')).toBe(`${E2E.appOrigin}/`);
	expect(query.get('code_challenge_method')).toBe('S256');
	expect(query.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
	const exchange = requests.find((r) => r.path === '/api/v1/auth/keys');
	expect(exchange?.body).toMatchObject({ code_challenge_method: 'S256' });
	expect(exchange?.headers.authorization).toBeUndefined();
});

test('a code without a pending sign-in in this tab is refused with a clear message', async ({
	page,
}) => {
	await page.goto('./?code=stray-code-from-somewhere');
	const dialog = page.getByRole('dialog', { name: 'API key' });
	await expect(dialog).toContainText('no record of starting it');
	await expect(page).not.toHaveURL(/code=/);
	expect((await emulator.requests()).some((r) => r.path === '/api/v1/auth/keys')).toBe(false);
});

test('a reused code is rejected by the API and reported', async ({ page }) => {
	await page.goto('./');
	await page.getByRole('button', { name: 'API key' }).click();
	await page.getByRole('button', { name: 'Sign in with OpenRouter' }).click();
	await page.waitForURL((url) => url.origin === E2E.appOrigin && !url.search.includes('code='));
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('sk-or-…');
	const consent = (await emulator.requests()).find((r) => r.path.startsWith('/auth?'));
	const used = (await emulator.requests()).find((r) => r.path === '/api/v1/auth/keys');
	const code = (used?.body as { code: string }).code;

	// Start a new sign-in so a verifier is pending, then come back with the old code.
	await page.getByRole('button', { name: 'API key' }).click();
	await page.route(`${E2E.emulatorOrigin}/auth?**`, (route) =>
		route.fulfill({ status: 302, headers: { location: `${E2E.appOrigin}/?code=${code}` } }),
	);
	await page.getByRole('button', { name: 'Sign in with OpenRouter' }).click();
	await expect(page.getByRole('dialog', { name: 'API key' })).toContainText(
		'did not accept the code',
	);
	expect(consent).toBeDefined();
});

test('an expired code is reported as expired', async ({ page }) => {
	await page.goto('./');
	await page.getByRole('button', { name: 'API key' }).click();
	await page.route(`${E2E.emulatorOrigin}/auth?**`, (route) =>
		route.continue({ url: `${route.request().url()}&emulator_expire=1` }),
	);
	await page.getByRole('button', { name: 'Sign in with OpenRouter' }).click();
	await expect(page.getByRole('dialog', { name: 'API key' })).toContainText('expired');
});

test('coming back without approving says sign-in was cancelled', async ({ page }) => {
	await page.goto('./');
	await page.getByRole('button', { name: 'API key' }).click();
	await page.route(`${E2E.emulatorOrigin}/auth?**`, (route) =>
		route.continue({ url: `${route.request().url()}&emulator_deny=1` }),
	);
	await page.getByRole('button', { name: 'Sign in with OpenRouter' }).click();
	await expect(page.getByRole('dialog', { name: 'API key' })).toContainText('cancelled');
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('not set');
});
