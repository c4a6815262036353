import { expect, type Page } from '@playwright/test';

/** Waits until the service worker controls the page (it claims it on first install). */
export async function waitForWorker(page: Page): Promise<void> {
	await expect
		.poll(
			() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length),
			{
				message:
					"no service worker registered: the browser tests block it unless a spec asks (test.use({ serviceWorkers: 'allow' }))",
			},
		)
		.toBeGreaterThan(0);
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
		.toBe(true);
}

export type CachedEntry = {
	cache: string;
	url: string;
	/** Request headers as stored (lower-case names). */
	headers: Record<string, string>;
	/** Response headers and body text, to look for anything that holds a key. */
	responseHeaders: Record<string, string>;
	body: string;
};

/** Every entry of every Cache Storage cache of the page's origin, with request and response. */
export async function cachedEntries(page: Page): Promise<CachedEntry[]> {
	return page.evaluate(async () => {
		const entries: CachedEntry[] = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) {
				const response = await cache.match(request);
				entries.push({
					cache: name,
					url: request.url,
					headers: Object.fromEntries(request.headers.entries()),
					responseHeaders: Object.fromEntries(response?.headers.entries() ?? []),
					body: response ? await response.text() : '',
				});
			}
		}
		return entries;
	});
}

/** Every URL held in any Cache Storage cache of the page's origin. */
export async function cachedUrls(page: Page): Promise<string[]> {
	return (await cachedEntries(page)).map((entry) => entry.url);
}
