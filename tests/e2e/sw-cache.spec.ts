import { expect, test } from './fixtures';
import { cachedEntries, cachedUrls, waitForWorker } from './offline-helpers';

// These tests are about the service worker: blocked everywhere else (playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

test('the service worker caches only the build’s own files: a GET with ?token= or ?code= goes to the network', async ({
	page,
}) => {
	await page.goto('./');
	await waitForWorker(page);
	const asset = (await cachedUrls(page)).find((url) => /\/assets\/index-[\w-]+\.js$/.test(url));
	expect(asset).toBeDefined();

	const statuses = await page.evaluate(async (assetUrl) => {
		const urls = [
			'./signin-return?token=secret-token-1',
			'./?token=secret-token-2',
			`${assetUrl}?token=secret-token-3`,
			'./not-a-file-of-the-build.json?code=secret-code-4',
		];
		return Promise.all(urls.map(async (url) => (await fetch(url)).status));
	}, asset as string);
	// Each was answered (by the network: the test host serves index.html for unknown paths).
	expect(statuses).toEqual([200, 200, 200, 200]);

	const entries = await cachedEntries(page);
	const leaked = entries.filter(
		(e) => /secret-|\?/.test(e.url) || /signin-return|not-a-file/.test(e.url),
	);
	expect(leaked.map((e) => e.url)).toEqual([]);
	// The shell is still there: caching was narrowed, not switched off.
	expect(entries.some((e) => e.url.endsWith('/index.html'))).toBe(true);
	expect(entries.some((e) => e.url === asset)).toBe(true);
});
