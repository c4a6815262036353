import { test as base, expect, type Page } from '@playwright/test';
import { E2E } from '../scripts/ports';

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

export const emulator = {
	async reset(): Promise<void> {
		const res = await fetch(`${E2E.emulatorOrigin}/__emulator/reset`, { method: 'POST' });
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

type Guard = { cspViolations: string[]; allowCspViolations(): void };

/**
 * Runs around every test: the emulator starts clean, and the test fails if the page requests any
 * origin but the app's and the API's, sends Authorization anywhere but the API, logs a key, throws,
 * or reports a CSP violation.
 */
export const test = base.extend<{ guard: Guard }>({
	guard: [
		async ({ page }, use) => {
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
			page.on('request', (request) => {
				const url = new URL(request.url());
				if (url.protocol === 'data:' || url.protocol === 'blob:') return;
				const apiOrigins: string[] = [E2E.emulatorOrigin, E2E.altApiOrigin];
				const appOrigins: string[] = [E2E.appOrigin, E2E.subpath.origin];
				if (!appOrigins.includes(url.origin) && !apiOrigins.includes(url.origin)) {
					problems.push(`request to a third origin: ${request.url()}`);
				}
				pending.push(
					request.allHeaders().then(
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
