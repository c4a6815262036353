/**
 * Tests with the same options share their worker's browser context (fixtures.ts). These tests, in
 * order in one worker, show that each starts as in a new context all the same: what the one before
 * stored, granted, cached, switched off or did to the clock is gone.
 */
import type { BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures';

let first: BrowserContext | null = null;

test('a test leaves storage, a permission, a cached page and the network off behind', async ({
	page,
	context,
}) => {
	first = context;
	await context.grantPermissions(['clipboard-read']);
	await page.goto('./');
	await page.evaluate(async () => {
		localStorage.setItem('left-behind', '1');
		await new Promise((resolve, reject) => {
			const open = indexedDB.open('left-behind');
			open.onsuccess = () => (open.result.close(), resolve(null));
			open.onerror = () => reject(open.error);
		});
	});
	await context.setOffline(true);
});

test('the next test in the same context finds none of it', async ({ page, context }) => {
	expect(context, 'the two tests share the context').toBe(first);
	expect(context.pages()).toEqual([page]);
	await page.goto('./');
	const state = await page.evaluate(async () => ({
		online: navigator.onLine,
		stored: localStorage.getItem('left-behind'),
		databases: (await indexedDB.databases()).filter((db) => db.name === 'left-behind').length,
		clipboard: (await navigator.permissions.query({ name: 'clipboard-read' as PermissionName }))
			.state,
		// A response from the HTTP cache transfers no bytes.
		fetched: performance
			.getEntriesByType('resource')
			.filter((entry) => entry.name.endsWith('.js'))
			.every((entry) => (entry as PerformanceResourceTiming).transferSize > 0),
	}));
	expect(state).toEqual({
		online: true,
		stored: null,
		databases: 0,
		clipboard: 'prompt',
		fetched: true,
	});
});

test('a test moves the page clock an hour on', async ({ page }) => {
	await page.clock.install();
	await page.goto('./');
	await page.clock.fastForward('01:00:00');
	expect(await page.evaluate(() => Date.now())).toBeGreaterThan(Date.now() + 3_000_000);
});

test('the next test has the real clock and the real performance timeline', async ({ page }) => {
	await page.goto('./');
	const shown = await page.evaluate(() => {
		performance.mark('isolation-check');
		return {
			now: Date.now(),
			marks: performance.getEntriesByName('isolation-check').length,
		};
	});
	expect(Math.abs(shown.now - Date.now())).toBeLessThan(60_000);
	expect(shown.marks).toBe(1);
});
