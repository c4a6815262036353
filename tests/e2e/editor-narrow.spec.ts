/**
 * The request editor and the top bar in daily use: every control reachable at every width, Monaco
 * opening where the plain field was, Format, line wrap, hover docs, Enter on the suggestion list,
 * and the rich editor after an offline reload.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEFAULT_REQUEST } from '../../src/core/request/normalize';
import { E2E } from '../scripts/ports';
import { KEYS, emulator, expect, response, saveKey, setRequest, test } from './fixtures';
import { cachedUrls, waitForWorker } from './offline-helpers';

const json = (page: Page) => page.getByRole('textbox', { name: 'Request JSON' });
const monaco = (page: Page) => page.locator('.monaco-editor').first();

async function openMonaco(page: Page) {
	await json(page).focus();
	await expect(monaco(page).locator('.view-lines')).toBeVisible();
	// Shown, then placed at the view's first line and focused: keys go to it only after that.
	await expect(monaco(page)).toHaveClass(/\bfocused\b/);
	await expect(json(page)).toBeFocused();
}

/** The request text as the app holds it, read through the plain field (Monaco keeps it in a model). */
async function appText(page: Page): Promise<string> {
	await page.getByRole('combobox', { name: 'Editor' }).selectOption('plain');
	await expect(monaco(page)).toHaveCount(0);
	return json(page).inputValue();
}

for (const width of [390, 768, 1440] as const) {
	test(`at ${width} px the key state and the shortcut list are reachable`, async ({ page }) => {
		await page.setViewportSize({ width, height: 844 });
		await page.goto('./');
		const key = page.getByRole('button', { name: 'API key', exact: true });
		await expect(key).toBeVisible();
		await expect(key).toHaveAccessibleDescription('No key set');
		await expect(page.locator('.key-state')).toHaveText('not set');
		await saveKey(page, KEYS.good);
		await expect(key).toHaveAccessibleDescription('Key set: sk-or-…0001');
		// What is visible says so too: the last four characters at least.
		const shown = await page
			.locator('.key-state')
			.evaluate((el) => (el as HTMLElement).innerText.trim());
		expect(shown).toMatch(/0001$/);

		const help = page.getByRole('button', { name: 'Keyboard shortcuts' });
		await expect(help).toBeInViewport({ ratio: 1 });
		await help.click();
		const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
		await expect(list).toBeVisible();
		await expect(list).toContainText('format the JSON');
		await page.keyboard.press('Escape');
		await expect(list).toBeHidden();
		expect(
			await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
			),
		).toBe(0);
	});
}

test('Monaco shows the request with no stray empty last line', async ({ page }) => {
	await page.goto('./');
	const lines = JSON.stringify(DEFAULT_REQUEST, null, 2).split('\n').length;
	await expect(json(page)).toHaveValue(JSON.stringify(DEFAULT_REQUEST, null, 2));
	await openMonaco(page);
	// Monaco draws only the lines in view and reveals the caret for the size it has when the key
	// lands. In one gate the caret went to the last line but the view stayed at the top, so the
	// line was not drawn. Ctrl+End again reveals it; what is checked is the last line's number.
	await expect(async () => {
		await page.keyboard.press('ControlOrMeta+End');
		await expect(monaco(page).locator('.active-line-number')).toHaveText(String(lines), {
			timeout: 1_000,
		});
	}).toPass();
	await expect(monaco(page).locator('.line-numbers', { hasText: String(lines + 1) })).toHaveCount(
		0,
	);
});

test('Monaco opens at line 1 with the caret there, or on the lines the plain field showed', async ({
	page,
}) => {
	const long = { ...DEFAULT_REQUEST, stop: Array.from({ length: 60 }, (_, i) => `stop-${i}`) };
	const total = JSON.stringify(long, null, 2).split('\n').length;
	/** The line numbers Monaco shows (it renders the lines in view only). */
	const shown = async () =>
		(await monaco(page).locator('.line-numbers').allTextContents()).filter(Boolean).map(Number);
	await page.goto('./');
	await setRequest(page, long);
	await openMonaco(page);
	await expect(monaco(page).locator('.active-line-number')).toHaveText('1');
	await expect.poll(async () => Math.min(...(await shown()))).toBe(1);

	// Back to the plain field, scrolled down, and a click there: Monaco opens on those lines.
	await page.getByRole('combobox', { name: 'Editor' }).selectOption('plain');
	await expect(monaco(page)).toHaveCount(0);
	await json(page).evaluate((field) => (field.scrollTop = 600));
	await page.getByRole('combobox', { name: 'Editor' }).selectOption('focus');
	await json(page).click();
	await expect(monaco(page).locator('.view-lines')).toBeVisible();
	await expect.poll(async () => Math.min(...(await shown()))).toBeGreaterThan(20);
	expect(Math.max(...(await shown()))).toBeLessThan(total);
});

test('Format (button, and Shift+Alt+F in both editors) re-indents and keeps every value', async ({
	page,
}) => {
	await page.goto('./');
	const raw =
		'{"model":"emulator/text","seed":12345678901234567890,"temperature":1.0,"messages":[{"role":"user","content":"a, b: {c}"}],"stop":[]}';
	const expected = [
		'{',
		'  "model": "emulator/text",',
		'  "seed": 12345678901234567890,',
		'  "temperature": 1.0,',
		'  "messages": [',
		'    {',
		'      "role": "user",',
		'      "content": "a, b: {c}"',
		'    }',
		'  ],',
		'  "stop": []',
		'}',
	].join('\n');
	await page.getByRole('combobox', { name: 'Editor' }).selectOption('plain');
	await setRequest(page, raw);
	await page.getByRole('button', { name: 'Format', exact: true }).click();
	await expect(json(page)).toHaveValue(expected);

	await setRequest(page, raw);
	await json(page).focus();
	await page.keyboard.press('Shift+Alt+F');
	await expect(json(page)).toHaveValue(expected);

	await page.getByRole('combobox', { name: 'Editor' }).selectOption('focus');
	await setRequest(page, raw);
	await json(page).blur();
	await openMonaco(page);
	await page.keyboard.press('Shift+Alt+F');
	await expect.poll(() => monaco(page).locator('.view-line').count()).toBeGreaterThan(1);
	expect(await appText(page)).toBe(expected);

	// Not JSON: nothing changes, and the button says why.
	await setRequest(page, '{"model": "x",}');
	await page.getByRole('button', { name: 'Format', exact: true }).click();
	await expect(json(page)).toHaveValue('{"model": "x",}');
	await expect(page.getByRole('status').filter({ hasText: 'Fix the JSON first' })).toBeVisible();
});

test('Wrap lines wraps both editors and is remembered after a reload', async ({ page }) => {
	await page.goto('./');
	const long = { ...DEFAULT_REQUEST, messages: [{ role: 'user', content: 'word '.repeat(80) }] };
	await setRequest(page, long);
	const wrap = page.getByRole('checkbox', { name: 'Wrap lines' });
	await expect(wrap).not.toBeChecked();
	await expect(json(page)).toHaveCSS('white-space', 'pre');
	await wrap.check();
	await expect(json(page)).toHaveCSS('white-space', 'pre-wrap');
	await openMonaco(page);
	const lines = JSON.stringify(long, null, 2).split('\n').length;
	// Wrapped, the long line takes several rows of the view (Monaco draws only what is in view).
	await page.keyboard.press('ControlOrMeta+Home');
	const rows = () =>
		monaco(page)
			.locator('.view-line')
			.evaluateAll((els) => els.length);
	await expect.poll(rows).toBeGreaterThan(0);
	const wrappedLineNumbers = await monaco(page).locator('.line-numbers').allTextContents();
	const rendered = await rows();
	expect(rendered).toBeGreaterThan(wrappedLineNumbers.filter((n) => n.trim() !== '').length);
	expect(lines).toBeGreaterThan(5);

	await page.reload();
	await expect(page.getByRole('checkbox', { name: 'Wrap lines' })).toBeChecked();
	await expect(json(page)).toHaveCSS('white-space', 'pre-wrap');
});

test('hover on a parameter gives its type, range, default and description', async ({ page }) => {
	await page.goto('./');
	// "temperature" on line 2, in view as Monaco opens: the hover is what is checked here, not the
	// scrolling. Scrolled to with Ctrl+End, the view went back to line 1 in two of four full runs on
	// 2026-12-06, and the hover then chased a line Monaco kept taking out (see the stray-line test).
	const { temperature, ...rest } = DEFAULT_REQUEST;
	await setRequest(page, { temperature, ...rest });
	await openMonaco(page);
	const word = monaco(page).locator('.view-line span', { hasText: '"temperature"' }).first();
	const hover = page.locator('.monaco-hover').filter({ hasText: 'Randomness' });
	// Monaco asks for a hover once per mouse move. With two CPU hogs running, one asked as the
	// editor opened never showed (the third of three loaded gates on 2026-12-06, screenshot: the
	// word in view, no hover): move off and back, as a user who sees nothing would.
	await expect(async () => {
		await page.mouse.move(0, 0);
		await word.hover();
		await expect(hover).toBeVisible({ timeout: 4000 });
	}).toPass({ timeout: 20_000 });
	await expect(hover).toContainText('number · 0 to 2 · default 1');
	await expect(hover).toContainText('Randomness: 0 = most deterministic, 2 = most random.');
});

test('Enter on the suggestion list takes it inside an unfinished word, as in VS Code', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await openMonaco(page);
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('Delete');
	await page.keyboard.type(
		'{"model": "emulator/text", "messages": [{"role": "user", "content": "x"}],',
	);
	await page.keyboard.press('Enter');
	await page.keyboard.type('"temperatu');
	const suggest = page.getByRole('listbox', { name: 'Suggest' });
	await expect(suggest).toBeVisible();
	await expect(suggest).toContainText('temperature');
	await page.keyboard.press('Enter');
	await expect(suggest).toBeHidden();
	await page.keyboard.type('0.5}');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done');
	const [sent] = await emulator.chatRequests();
	expect((sent?.body as { temperature?: number }).temperature).toBe(0.5);
});

test.describe('offline', () => {
	// The one test here about the service worker: blocked everywhere else (playwright.config.ts).
	test.use({ serviceWorkers: 'allow' });
	test('after one visit an offline reload still opens Monaco, with no failed request', async ({
		page,
		context,
	}) => {
		test.setTimeout(90_000);
		const sw = readFileSync(join(E2E.outDir, 'sw.js'), 'utf8');
		const later = JSON.parse(
			/\\"later\\":(\[[^\]]*\])/.exec(sw)![1]!.replace(/\\"/g, '"'),
		) as string[];
		expect(later.length).toBeGreaterThan(20);
		expect(later.some((f) => /editor\.api-.*\.js$/.test(f))).toBe(true);

		await page.goto('./');
		await waitForWorker(page);
		// The editor was never opened online: the worker fetched its files in idle time by itself.
		await expect
			.poll(
				async () => {
					const urls = new Set((await cachedUrls(page)).map((u) => new URL(u).pathname.slice(1)));
					return later.filter((f) => !urls.has(f));
				},
				{ timeout: 60_000 },
			)
			.toEqual([]);

		await context.setOffline(true);
		const failed: string[] = [];
		page.on('requestfailed', (request) => failed.push(request.url()));
		await page.reload();
		await openMonaco(page);
		await expect(monaco(page).locator('.view-line').first()).toBeVisible();
		expect(failed).toEqual([]);
	});
});
