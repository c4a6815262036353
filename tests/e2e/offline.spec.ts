import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { E2E } from '../scripts/ports';
import { KEYS, emulator, expect, response, saveKey, setRequest, test } from './fixtures';
import { cachedUrls, waitForWorker } from './offline-helpers';

// These tests are about the service worker: blocked everywhere else (playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

test('after one load the app reloads offline, edits, generates code, and explains Send', async ({
	page,
	context,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await waitForWorker(page);

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('status', { name: 'Offline' })).toContainText(
		'Send needs a network connection',
	);
	await setRequest(page, {
		model: 'mistralai/mistral-small',
		messages: [{ role: 'user', content: 'written offline' }],
		stream: true,
	});
	const code = page.getByRole('region', { name: 'Code' }).getByRole('tabpanel');
	await expect(code).toContainText('written offline');
	await expect(code).toContainText('mistralai/mistral-small');

	const send = page.getByRole('button', { name: 'Send' });
	await expect(send).toBeDisabled();
	await expect(send).toHaveAttribute('title', /offline: sending needs a network connection/);
	await page.getByRole('textbox', { name: 'Request JSON' }).focus();
	await page.keyboard.press('Control+Enter');
	expect(await emulator.chatRequests()).toEqual([]);

	await context.setOffline(false);
	await expect(page.getByRole('status', { name: 'Offline' })).toBeHidden();
	await send.click();
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });
});

test('the worker keeps the app shell but never an API answer or anything with the key', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await waitForWorker(page);
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });

	const urls = await cachedUrls(page);
	expect(urls.some((url) => url.endsWith('/index.html'))).toBe(true);
	expect(urls.some((url) => /\/assets\/index-[\w-]+\.js$/.test(url))).toBe(true);
	const apiUrls = urls.filter((url) => /\/api\/v1\/(?!models)/.test(url));
	expect(apiUrls).toEqual([]);
});

test('the model list is kept for offline use, stamped with its fetch time', async ({
	page,
	context,
}) => {
	await page.goto('./');
	await waitForWorker(page);
	const read = (url: string) =>
		page.evaluate(async (u) => {
			const res = await fetch(u);
			const body = (await res.json()) as { data: unknown[] };
			return { count: body.data.length, stamp: res.headers.get('X-Playground-Fetched-At') };
		}, url);
	const online = await read(`${E2E.apiBaseUrl}/models`);
	expect(online.count).toBeGreaterThan(5);
	await context.setOffline(true);
	const before = Date.now();
	const offline = await read(`${E2E.apiBaseUrl}/models`);
	expect(offline.count).toBe(online.count);
	expect(online.stamp).toBeNull();
	expect(Number(offline.stamp)).toBeGreaterThan(before - 60_000);
	expect(Number(offline.stamp)).toBeLessThanOrEqual(before);
	// Nothing else of the API is kept: offline it fails.
	const other = await page.evaluate(
		(u) =>
			fetch(u).then(
				() => 'answered',
				() => 'failed',
			),
		`${E2E.apiBaseUrl}/models/count`,
	);
	expect(other).toBe('failed');
});

/** The built worker, its text as built, and its version id. */
function builtWorker() {
	const file = join(E2E.outDir, 'sw.js');
	const original = readFileSync(file, 'utf8');
	const version = /\\"version\\":\\"([a-z0-9]+)\\"/.exec(original)?.[1];
	expect(version).toBeTruthy();
	return {
		original,
		version,
		/** A deploy: the same files under a new version id, which the page is told to look for. */
		async deploy(page: Page, next: string) {
			writeFileSync(
				file,
				original.replace(`\\"version\\":\\"${version}\\"`, `\\"version\\":\\"${next}\\"`),
			);
			await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		},
		restore: () => writeFileSync(file, original),
	};
}

/**
 * Reload lets the new worker take over, then loads the app again under it: seen to take over 10 s
 * (the usual wait) with three browser-test workers on two cores.
 */
const RELOADED = { timeout: 30_000 };

test('a new version waits beside the open tab, which keeps working, until Reload', async ({
	page,
}) => {
	// Two installs of the worker and three loads of the app: three times the usual time.
	test.slow();
	const worker = builtWorker();
	const { version } = worker;
	try {
		await page.goto('./');
		await waitForWorker(page);
		const cacheNames = () => page.evaluate(() => caches.keys());
		expect(await cacheNames()).toContain(`playground-shell-${version}`);

		await worker.deploy(page, 'next1');
		const update = page.getByRole('status', { name: 'Update' });
		await expect(update).toContainText('A new version is ready');

		// The open tab is not disturbed: still controlled by the old version, still editing.
		await setRequest(page, {
			model: 'x-ai/grok-4-fast',
			messages: [{ role: 'user', content: 'hi' }],
		});
		await expect(page.getByRole('region', { name: 'Code' }).getByRole('tabpanel')).toContainText(
			'x-ai/grok-4-fast',
		);
		expect(await cacheNames()).toContain(`playground-shell-${version}`);

		// A plain reload (the next navigation) opens the running version again and offers the update again.
		await page.reload();
		await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();
		await expect(update).toContainText('A new version is ready');
		expect(await cacheNames()).toContain(`playground-shell-${version}`);

		await update.getByRole('button', { name: 'Reload' }).click();
		await expect(update).toBeHidden(RELOADED);
		await expect.poll(cacheNames).toEqual(expect.arrayContaining(['playground-shell-next1']));
		await expect.poll(cacheNames).not.toContain(`playground-shell-${version}`);
		await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
	} finally {
		worker.restore();
	}
});

test('Reload takes the new version while the old one is still downloading the editor', async ({
	page,
	context,
}) => {
	// The editor's files never arrive: the old worker's idle download (and the page's own fetch of
	// them, through that worker) stays open, which alone would keep the new version waiting.
	test.slow();
	const worker = builtWorker();
	const later =
		/\\"later\\":\[([^\]]*)\]/.exec(worker.original)?.[1]?.match(/assets\/[^\\"]+/g) ?? [];
	expect(later.length).toBeGreaterThan(8);
	let held = 0;
	await context.route(
		(url) => later.some((path) => url.pathname.endsWith(`/${path}`)),
		() => void (held += 1),
	);
	try {
		await page.goto('./');
		await waitForWorker(page);
		// Four at a time: the rest must not start once the worker is told to stand down.
		await expect.poll(() => held).toBeGreaterThanOrEqual(4);

		await worker.deploy(page, 'next2');
		const update = page.getByRole('status', { name: 'Update' });
		await expect(update).toContainText('A new version is ready');
		await update.getByRole('button', { name: 'Reload' }).click();
		await expect(update).toBeHidden(RELOADED);
		const cacheNames = () => page.evaluate(() => caches.keys());
		await expect.poll(cacheNames).toEqual(expect.arrayContaining(['playground-shell-next2']));
		await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
	} finally {
		worker.restore();
	}
});

test('Reload takes the new version when the running one was stopped while idle', async ({
	page,
}) => {
	// A browser stops an idle worker after about 30 s, so the version a user has had open for a
	// while is usually stopped when they click Reload; it is started again for the click's message.
	test.slow();
	const worker = builtWorker();
	try {
		await page.goto('./');
		await waitForWorker(page);
		const cdp = await page.context().newCDPSession(page);
		const versions = new Map<string, { status: string; runningStatus: string }>();
		cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
			for (const v of updated) versions.set(v.versionId, v);
		});
		await cdp.send('ServiceWorker.enable');
		await worker.deploy(page, 'next3');
		const update = page.getByRole('status', { name: 'Update' });
		await expect(update).toContainText('A new version is ready');

		const running = () =>
			[...versions].find(([, v]) => v.status === 'activated' && v.runningStatus === 'running');
		await expect.poll(() => running()?.[0]).toBeTruthy();
		await cdp.send('ServiceWorker.stopWorker', { versionId: running()?.[0] ?? '' });
		await expect.poll(() => running()).toBeUndefined();

		await update.getByRole('button', { name: 'Reload' }).click();
		await expect(update).toBeHidden(RELOADED);
		const cacheNames = () => page.evaluate(() => caches.keys());
		await expect.poll(cacheNames).toEqual(expect.arrayContaining(['playground-shell-next3']));
		await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
	} finally {
		worker.restore();
	}
});
