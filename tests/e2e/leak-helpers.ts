import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';

/**
 * Everything the page keeps: every IndexedDB database and store (opened read-only, never created),
 * localStorage and sessionStorage, as one JSON text to search for a key.
 */
export function storedEverywhere(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const dump: Record<string, unknown> = {
			localStorage: { ...localStorage },
			sessionStorage: { ...sessionStorage },
		};
		for (const { name } of await indexedDB.databases()) {
			if (!name) continue;
			dump[`idb:${name}`] = await new Promise((resolve) => {
				const open = indexedDB.open(name);
				open.onupgradeneeded = () => open.transaction?.abort();
				open.onerror = () => resolve(null);
				open.onsuccess = () => {
					const db = open.result;
					const names = [...db.objectStoreNames];
					if (!names.length) return (db.close(), resolve({}));
					const tx = db.transaction(names);
					const out: Record<string, unknown> = {};
					for (const store of names) {
						const all = tx.objectStore(store).getAll();
						all.onsuccess = () => (out[store] = all.result);
					}
					tx.oncomplete = () => (db.close(), resolve(out));
				};
			});
		}
		return JSON.stringify(dump);
	});
}

/** Clicks a button that downloads a file and returns the file's text. */
export async function downloadText(page: Page, button: Locator): Promise<string> {
	const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
	return readFile((await download.path()) as string, 'utf8');
}

/** Selects the whole page and copies it, as a user copying an error would; returns the clipboard. */
export async function copyWholePage(page: Page, from: Locator): Promise<string> {
	await from.click();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('ControlOrMeta+C');
	return page.evaluate(() => navigator.clipboard.readText());
}
