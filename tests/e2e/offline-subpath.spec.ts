/**
 * The service worker of a build served under a sub-path (VITE_BASE=/tools/playground/, the static
 * host of tests/scripts/static-server.ts). Runs in the `subpath` Playwright project (file name ends
 * in subpath.spec.ts).
 */
import { E2E } from '../scripts/ports';
import { KEYS, expect, response, saveKey, setRequest, test } from './fixtures';
import { cachedEntries, waitForWorker } from './offline-helpers';

// These tests are about the service worker: blocked everywhere else (playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

const { base, origin, appUrl } = E2E.subpath;

test('under the sub-path the worker is scoped to it, precaches the shell, and the app reloads offline', async ({
	page,
	context,
}) => {
	await page.goto('./');
	await waitForWorker(page);
	const registration = await page.evaluate(async () => {
		const found = await navigator.serviceWorker.getRegistration();
		return { scope: found?.scope, script: found?.active?.scriptURL };
	});
	expect(registration).toEqual({ scope: appUrl, script: `${appUrl}sw.js` });
	// Nothing at the site root is claimed by it.
	expect(await page.evaluate((o) => navigator.serviceWorker.getRegistration(`${o}/`), origin)).toBe(
		undefined,
	);

	const shell = (await cachedEntries(page)).filter((e) => e.cache.startsWith('playground-shell-'));
	const paths = shell.map((entry) => new URL(entry.url).pathname);
	expect(paths).toContain(`${base}index.html`);
	expect(paths.some((path) => new RegExp(`^${base}assets/index-[\\w-]+\\.js$`).test(path))).toBe(
		true,
	);
	expect(paths.some((path) => path.endsWith('.css'))).toBe(true);
	expect(paths.every((path) => path.startsWith(base))).toBe(true);
	expect(paths).not.toContain(`${base}sw.js`);

	await context.setOffline(true);
	await page.reload();
	expect(page.url()).toBe(appUrl);
	await expect(page.getByRole('status', { name: 'Offline' })).toContainText(
		'Send needs a network connection',
	);
	await setRequest(page, {
		model: 'mistralai/mistral-small',
		messages: [{ role: 'user', content: 'offline under a sub-path' }],
	});
	await expect(page.getByRole('region', { name: 'Code' }).getByRole('tabpanel')).toContainText(
		'offline under a sub-path',
	);
	await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
});

test('under the sub-path the caches never hold an API answer, a key, or anything sent with one', async ({
	page,
}) => {
	await page.goto('./');
	await waitForWorker(page);
	await saveKey(page, KEYS.good);
	await setRequest(page, {
		model: 'emulator/text',
		messages: [{ role: 'user', content: 'cache nothing of this' }],
		stream: true,
	});
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });
	// The key check and the generation stats went out with the key too.
	await expect(
		response(page).region.getByLabel('Generation stats').getByText('Provider latency'),
	).toBeVisible({ timeout: 15_000 });

	const entries = await cachedEntries(page);
	expect(entries.length).toBeGreaterThan(3);
	const api = entries.filter((entry) => entry.url.startsWith(E2E.apiBaseUrl));
	// The keyless model list is the only API answer ever kept, stamped with its fetch time.
	expect(api.filter((entry) => new URL(entry.url).pathname !== '/api/v1/models')).toEqual([]);
	for (const entry of api) expect(entry.responseHeaders['x-playground-fetched-at']).toBeTruthy();
	for (const entry of entries) {
		expect(entry.headers.authorization, entry.url).toBeUndefined();
		expect(entry.url, entry.url).not.toContain('sk-or-');
		expect(entry.body.includes(KEYS.good), entry.url).toBe(false);
		expect(JSON.stringify(entry.responseHeaders)).not.toContain('sk-or-');
		// Nothing of the API by path either (chat/completions, /key, /generation, /auth …).
		const path = new URL(entry.url).pathname;
		if (path.startsWith('/api/')) expect(path).toBe('/api/v1/models');
	}
});
