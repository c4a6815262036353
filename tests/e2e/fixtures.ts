import {
	test as base,
	expect,
	type BrowserContext,
	type BrowserContextOptions,
	type Page,
	type Request,
} from '@playwright/test';
import { E2E } from '../scripts/ports';

/** Requests of each test's page that have not finished or failed yet. */
const inflight = new WeakMap<Page, Set<Request>>();

export { expect };

export type RecordedRequest = {
	method: string;
	path: string;
	headers: Record<string, string>;
	body: unknown;
	rawBody: string;
	at: number;
};

/** Test keys the emulator accepts (they start with sk-or-v1-test-); nothing here is a real key. */
export const KEYS = {
	good: 'sk-or-v1-test-playground-e2e-0001',
	unknown: 'sk-or-v1-0000-not-a-real-key',
} as const;

/**
 * Milliseconds between streamed tokens. A test that only reads what a stream ends with gets it at
 * 1 000 tok/s (a fast model). At 15 ms a token for every test, the page painted each answer token by
 * token that no test looked at: the gate's browser tests took 441 s, and 364 s at this pace. A test
 * that watches a stream on its way (Streaming, Stop, following the text, a tab hidden mid-stream,
 * the DOM checked after every change) says `test.use({ tokenDelayMs: WATCHED_PACE })`.
 */
const FAST_PACE = 1;
/** About 65 tok/s, a typical model: a stream of a hundred tokens lasts long enough to act on. */
export const WATCHED_PACE = 15;

/** The pace of the running test's streams (the `tokenDelayMs` option), kept across its resets. */
let paceMs = FAST_PACE;

export const emulator = {
	async reset(): Promise<void> {
		const res = await fetch(`${E2E.emulatorOrigin}/__emulator/reset?token-delay=${paceMs}`, {
			method: 'POST',
		});
		expect(res.ok).toBe(true);
	},
	async requests(): Promise<RecordedRequest[]> {
		const res = await fetch(`${E2E.emulatorOrigin}/__emulator/requests`);
		return (await res.json()) as RecordedRequest[];
	},
	async chatRequests(): Promise<RecordedRequest[]> {
		return (await this.requests()).filter((r) => r.path.endsWith('/chat/completions'));
	},
};

/** The worker's browser context, shared by its tests while their context options are the same. */
type Shared = { key: string; context: BrowserContext } | null;

/** The origins a page of a test may store data for: the app's, under both hosts, and the API's. */
const STORED_ORIGINS = [E2E.appOrigin, E2E.subpath.origin, E2E.emulatorOrigin, E2E.altApiOrigin];

/**
 * Puts the shared context back as a new one would be: no permission, online, no route, no cookie,
 * no stored data or cached response for any origin a test uses, and one new blank page, which the
 * next test gets as its `page` (the fixture below).
 */
async function resetShared(context: BrowserContext): Promise<void> {
	// Pages first: a page saves its draft as it closes, which must not outlive the test.
	await Promise.all(context.pages().map((p) => p.close()));
	await context.setOffline(false);
	await context.unrouteAll({ behavior: 'ignoreErrors' });
	// The storage is cleared through a page of the context; a page costs about 0.15 CPU-seconds to
	// open and close, so this one stays for the next test rather than the next test opening its own.
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	for (const origin of STORED_ORIGINS)
		await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
	await cdp.send('Network.clearBrowserCache');
	await cdp.detach();
	await context.clearPermissions();
	await context.clearCookies();
}

/**
 * Playwright's clock belongs to the context: once a test installs it, every later page of the
 * context starts with it, its time moved on as that test moved it, and with a stand-in
 * `performance` whose getEntriesByName finds nothing. No call takes it out again, so a test that
 * used it ends the shared context (isolation.spec.ts shows what was left behind otherwise).
 */
const CLOCK_CALLS = [
	'install',
	'fastForward',
	'pauseAt',
	'resume',
	'runFor',
	'setFixedTime',
	'setSystemTime',
] as const;

function watchClock(context: BrowserContext): { readonly used: boolean; restore(): void } {
	type Call = (...args: unknown[]) => unknown;
	const clock = context.clock as unknown as Record<string, Call>;
	const originals = CLOCK_CALLS.map((name) => [name, clock[name] as Call] as const);
	let used = false;
	for (const [name, call] of originals)
		clock[name] = (...args) => {
			used = true;
			return call.apply(context.clock, args);
		};
	return {
		get used() {
			return used;
		},
		restore() {
			for (const [name, call] of originals) clock[name] = call;
		},
	};
}

type Guard = { cspViolations: string[]; allowCspViolations(): void };

export const test = base.extend<
	{ guard: Guard; tokenDelayMs: number },
	{ sharedContext: { current: Shared } }
>({
	tokenDelayMs: [FAST_PACE, { option: true }],
	sharedContext: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern
		async ({}, use) => {
			const holder = { current: null as Shared };
			await use(holder);
			await holder.current?.context.close();
		},
		{ scope: 'worker' },
	],
	/**
	 * A new context per test cost about a quarter of the browser tests' CPU: the context, its network
	 * service and renderer process set up and torn down 285 times. Tests with the same context
	 * options now share one, put back after each test as a new one would be (resetShared). A test
	 * that lets the service worker in, or starts from a storage state, still gets a context of its
	 * own.
	 */
	context: async (
		{
			browser,
			sharedContext,
			acceptDownloads,
			bypassCSP,
			clientCertificates,
			colorScheme,
			contrast,
			deviceScaleFactor,
			extraHTTPHeaders,
			forcedColors,
			hasTouch,
			geolocation,
			httpCredentials,
			ignoreHTTPSErrors,
			isMobile,
			javaScriptEnabled,
			locale,
			offline,
			permissions,
			proxy,
			reducedMotion,
			screen,
			storageState,
			viewport,
			timezoneId,
			userAgent,
			baseURL,
			contextOptions,
			serviceWorkers,
		},
		use,
	) => {
		// What Playwright's own context fixture passes: each option the test set, over contextOptions.
		// Listed again, as Playwright reads a fixture's needs from its parameter pattern, which may
		// not end in a rest element.
		const set = Object.entries({
			acceptDownloads,
			bypassCSP,
			clientCertificates,
			colorScheme,
			contrast,
			deviceScaleFactor,
			extraHTTPHeaders,
			forcedColors,
			hasTouch,
			geolocation,
			httpCredentials,
			ignoreHTTPSErrors,
			isMobile,
			javaScriptEnabled,
			locale,
			offline,
			permissions,
			proxy,
			reducedMotion,
			screen,
			storageState,
			viewport,
			timezoneId,
			userAgent,
			baseURL,
			serviceWorkers,
		}).filter(([, value]) => value !== undefined);
		const options: BrowserContextOptions = { ...contextOptions, ...Object.fromEntries(set) };
		if (serviceWorkers === 'allow' || storageState) {
			const context = await browser.newContext(options);
			await use(context);
			await context.close();
			return;
		}
		const key = JSON.stringify(options);
		let shared = sharedContext.current;
		if (shared?.key !== key) {
			await shared?.context.close();
			const context = await browser.newContext(options);
			shared = sharedContext.current = { key, context };
			context.on('close', () => {
				if (sharedContext.current?.context === context) sharedContext.current = null;
			});
		}
		const clock = watchClock(shared.context);
		await use(shared.context);
		clock.restore();
		if (sharedContext.current !== shared) return;
		if (clock.used) {
			sharedContext.current = null;
			await shared.context.close();
		} else await resetShared(shared.context);
	},
	/**
	 * The test's page: the blank one a reset left in the shared context (resetShared), else a new
	 * one, as Playwright's own page fixture does when it reuses a context.
	 */
	page: async ({ context }, use) => {
		const [left, ...more] = context.pages();
		await use(
			left && more.length === 0 && left.url() === 'about:blank' ? left : await context.newPage(),
		);
	},
	// This worker's own app (tests/scripts/ports.ts), said here rather than left to Playwright
	// evaluating the config again in each worker process.
	// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern
	baseURL: async ({}, use, testInfo) =>
		use(testInfo.project.name === 'subpath' ? E2E.subpath.appUrl : `${E2E.appOrigin}/`),
	/**
	 * Runs around every test: the emulator starts clean, and the test fails if the page requests any
	 * origin but the app's and the API's, sends Authorization anywhere but the API, logs a key, throws,
	 * or reports a CSP violation.
	 */
	guard: [
		async ({ page, tokenDelayMs }, use) => {
			paceMs = tokenDelayMs;
			await emulator.reset();
			const problems: string[] = [];
			const guard: Guard = {
				cspViolations: [],
				allowCspViolations: () => (guard.cspViolations.length = 0),
			};
			await page.exposeFunction('__reportCspViolation', (text: string) => {
				guard.cspViolations.push(text);
			});
			await page.addInitScript(() => {
				document.addEventListener('securitypolicyviolation', (event) => {
					const report = (window as unknown as Record<string, (t: string) => void>)
						.__reportCspViolation;
					report?.(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
				});
			});
			const pending: Promise<void>[] = [];
			const open = new Set<Request>();
			inflight.set(page, open);
			page.on('request', (request) => void open.add(request));
			page.on('requestfinished', (request) => void open.delete(request));
			// A request cancelled on its way (a worker's script when the page moves on) may never
			// report its full headers: Playwright's allHeaders() then waits forever. Such a request,
			// and one still open a while after the test ended, is checked on the headers the page
			// gave it (which hold any Authorization it set).
			const failed = new Map<Request, () => void>();
			page.on('requestfailed', (request) => {
				open.delete(request);
				failed.get(request)?.();
			});
			let endTest = () => undefined as void;
			const ended = new Promise<void>((resolve) => (endTest = resolve));
			const givenUp = ended.then(() => new Promise((resolve) => setTimeout(resolve, 5000)));
			page.on('request', (request) => {
				const url = new URL(request.url());
				if (url.protocol === 'data:' || url.protocol === 'blob:') return;
				const apiOrigins: string[] = [E2E.emulatorOrigin, E2E.altApiOrigin];
				const appOrigins: string[] = [E2E.appOrigin, E2E.subpath.origin];
				if (!appOrigins.includes(url.origin) && !apiOrigins.includes(url.origin)) {
					problems.push(`request to a third origin: ${request.url()}`);
				}
				const gone = new Promise<void>((resolve) => failed.set(request, resolve));
				pending.push(
					Promise.race([
						request.allHeaders(),
						Promise.race([gone, givenUp]).then(() => request.headers()),
					]).then(
						(headers) => {
							if (headers.authorization && !apiOrigins.includes(url.origin)) {
								problems.push(`Authorization sent to ${url.origin}`);
							}
							// The app's own address is the test's choice; what the app requests is its own.
							if (!appOrigins.includes(url.origin) && url.href.includes('sk-or-'))
								problems.push(`a key in a URL: ${url.origin}${url.pathname}`);
						},
						() => undefined,
					),
				);
			});
			// Nothing the page logs may hold a key (every test key starts with sk-or-v1-).
			page.on('console', (message) => {
				if (message.text().includes('sk-or-v1-'))
					problems.push(`a key in the console: ${message.type()}`);
			});
			page.on('pageerror', (error) =>
				problems.push(`uncaught error in the page: ${error.message}`),
			);
			await use(guard);
			endTest();
			await Promise.all(pending);
			expect(problems, 'requests and errors seen by the guard').toEqual([]);
			expect(guard.cspViolations, 'CSP violations').toEqual([]);
		},
		{ auto: true },
	],
});

export async function saveKey(
	page: Page,
	key: string,
	mode: 'Remember on this device' | 'This tab only' = 'Remember on this device',
): Promise<void> {
	await page.getByRole('button', { name: 'API key' }).click();
	const dialog = page.getByRole('dialog', { name: 'API key' });
	await dialog.getByLabel('OpenRouter API key').fill(key);
	await dialog.getByRole('radio', { name: mode }).check();
	await dialog.getByRole('button', { name: 'Save key' }).click();
	await expect(dialog).toBeHidden();
}

/**
 * Replaces the request JSON in the editor. The plain field is set without focusing it (focus swaps
 * Monaco in); once Monaco is there, the text is typed over a select-all, as a user would.
 */
export async function setRequest(page: Page, body: unknown): Promise<void> {
	const text = typeof body === 'string' ? body : JSON.stringify(body, null, 2);
	const box = page.getByRole('textbox', { name: 'Request JSON' });
	if ((await page.locator('.monaco-editor').count()) > 0) {
		await box.focus();
		await page.keyboard.press('ControlOrMeta+A');
		await page.keyboard.insertText(text);
		return;
	}
	await box.evaluate((field, value) => {
		(field as HTMLTextAreaElement).value = value;
		field.dispatchEvent(new Event('input', { bubbles: true }));
	}, text);
}

export function response(page: Page) {
	const region = page.getByRole('region', { name: 'Response' });
	return { region, status: region.getByRole('status'), answer: region.getByTestId('answer') };
}

/**
 * The request text of the saved draft: IndexedDB's, or the tab's backup in sessionStorage when
 * IndexedDB failed (io/draft-store.ts); null when there is none. Never creates the database.
 */
export async function savedDraftText(page: Page): Promise<string | null> {
	return page.evaluate(async () => {
		const backup = (): string | null => {
			try {
				const saved = sessionStorage.getItem('openrouter-playground:draft');
				return saved ? ((JSON.parse(saved) as { text?: string }).text ?? null) : null;
			} catch {
				return null;
			}
		};
		const name = 'openrouter-playground-drafts';
		try {
			if (!(await indexedDB.databases()).some((db) => db.name === name)) return backup();
		} catch {
			return backup();
		}
		return new Promise<string | null>((resolve) => {
			const open = indexedDB.open(name);
			open.onerror = () => resolve(backup());
			open.onsuccess = () => {
				const db = open.result;
				try {
					const get = db.transaction('drafts').objectStore('drafts').get('draft');
					get.onsuccess = () =>
						resolve((get.result as { text?: string } | undefined)?.text ?? backup());
					get.onerror = () => resolve(backup());
				} catch {
					resolve(backup());
				} finally {
					db.close();
				}
			};
		});
	});
}

/** How many runs the history database holds (io/history-store.ts). Never creates the database. */
export async function storedRunCount(page: Page): Promise<number> {
	return page.evaluate(async () => {
		const name = 'openrouter-playground-history';
		if (!(await indexedDB.databases()).some((db) => db.name === name)) return 0;
		return new Promise<number>((resolve, reject) => {
			const open = indexedDB.open(name);
			open.onerror = () => reject(open.error);
			open.onsuccess = () => {
				const db = open.result;
				if (!db.objectStoreNames.contains('runs')) {
					db.close();
					resolve(0);
					return;
				}
				const count = db.transaction('runs').objectStore('runs').count();
				count.onsuccess = () => (db.close(), resolve(count.result));
				count.onerror = () => (db.close(), reject(count.error));
			};
		});
	});
}

/** Waits until the draft saved in IndexedDB is the text in the editor (drafts save after a pause). */
export async function draftSaved(page: Page): Promise<void> {
	const editor = page.getByRole('textbox', { name: 'Request JSON' });
	const shown = await editor.inputValue();
	await expect.poll(() => savedDraftText(page), { timeout: 10_000 }).toBe(shown);
}

/**
 * Waits on conditions, not a clock: no request of the page is still open (a stream that was not
 * really stopped, or a request on its way, holds this off), then two frames so the view shows
 * whatever arrived. For the test's own `page`; other pages only get the frames.
 */
export async function settled(page: Page): Promise<void> {
	const open = inflight.get(page);
	if (open) await expect.poll(() => open.size, { timeout: 15_000 }).toBe(0);
	for (let i = 0; i < 2; i++)
		await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}
