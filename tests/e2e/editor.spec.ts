import type { Page } from '@playwright/test';
import { KEYS, expect, response, saveKey, setRequest, test, settled } from './fixtures';

/**
 * Every Monaco file the page fetched: the chunk of src/ui/editor/monaco.ts, which is the only way
 * into the rest of Monaco, the editor core, the JSON mode and the two workers.
 */
function watchMonaco(page: Page): string[] {
	const seen: string[] = [];
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (
			/\/assets\/(monaco|editor\.api|jsonMode|editor\.worker|json\.worker)[-.]/.test(url.pathname)
		)
			seen.push(url.pathname);
	});
	return seen;
}

/**
 * Resolves once the moment has passed at which the rich editor would swap itself in (after load,
 * 1.5 s, then an idle callback: RequestEditor.svelte), so a test can say it did not.
 */
const pastIdleSwap = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const go = () =>
					setTimeout(() => requestIdleCallback(() => resolve(), { timeout: 4000 }), 1500);
				if (document.readyState === 'complete') go();
				else addEventListener('load', go, { once: true });
			}),
	);

const monacoEditor = (page: Page) => page.locator('.monaco-editor').first();
const code = (page: Page) => page.getByRole('region', { name: 'Code' });

test('first paint and Send work with the plain field; Monaco is not fetched before focus', async ({
	page,
}) => {
	const monaco = watchMonaco(page);
	await page.goto('./');
	await expect(page.getByRole('textbox', { name: 'Request JSON' })).toBeVisible();
	await saveKey(page, KEYS.good);
	await setRequest(page, {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: 'before monaco' }],
		stream: true,
	});
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });
	await settled(page);
	expect(monaco).toEqual([]);
	await expect(page.locator('.monaco-editor')).toHaveCount(0);

	await page.getByRole('textbox', { name: 'Request JSON' }).focus();
	await expect(monacoEditor(page)).toBeVisible();
	expect(monaco.some((url) => url.includes('editor.api'))).toBe(true);
	// Same accessible name, same text (the snippet still shows it), focus kept.
	const box = page.getByRole('textbox', { name: 'Request JSON' });
	await expect(box).toBeFocused();
	await expect(code(page)).toContainText('before monaco');
});

test('with idle loading (the default), Monaco arrives without any interaction, after first paint', async ({
	page,
}) => {
	await page.addInitScript(() =>
		localStorage.setItem('openrouter-playground:editor', JSON.stringify({ v: 1, mode: 'auto' })),
	);
	const monaco = watchMonaco(page);
	await page.goto('./');
	// Not during page load: the first paint and the first interaction come first.
	expect(monaco).toEqual([]);
	await expect(page.getByRole('combobox', { name: 'Editor' })).toHaveValue('auto');
	await expect(monacoEditor(page)).toBeVisible({ timeout: 15_000 });
	expect(monaco.length).toBeGreaterThan(0);
	await expect(code(page)).toContainText('openai/gpt-4o-mini');
});

test('the plain editor choice never loads Monaco', async ({ page }) => {
	const monaco = watchMonaco(page);
	await page.goto('./');
	await page.getByRole('combobox', { name: 'Editor' }).selectOption('plain');
	await page.getByRole('textbox', { name: 'Request JSON' }).focus();
	await pastIdleSwap(page);
	await settled(page);
	expect(monaco).toEqual([]);
	await expect(page.locator('.monaco-editor')).toHaveCount(0);
});

async function openMonaco(page: Page, body?: unknown) {
	await page.goto('./');
	if (body) await setRequest(page, body);
	await page.getByRole('textbox', { name: 'Request JSON' }).focus();
	await expect(monacoEditor(page)).toBeVisible();
}

test('completion inside the request offers response_format; hover shows its description', async ({
	page,
}) => {
	await openMonaco(page, {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: 'hi' }],
	});
	await page.keyboard.press('ControlOrMeta+Home');
	await page.keyboard.press('End');
	await page.keyboard.press('Enter');
	await page.keyboard.type('"resp');
	await page.keyboard.press('Control+Space');
	const suggest = page.getByRole('listbox', { name: 'Suggest' });
	await expect(suggest).toContainText('response_format');
	// Tab takes the suggestion (Enter is always a new line, see monaco.ts).
	await page.keyboard.press('Tab');
	await expect(code(page)).toContainText('"response_format"');

	const word = page
		.locator('.view-line', { hasText: '"response_format"' })
		.getByText('"response_format"');
	const hover = page.locator('.monaco-hover').filter({ hasText: 'Output format' });
	// Monaco shows a hover when the pointer comes to rest on a word; one that arrived while the
	// suggestion list closed and the line was re-checked can be ignored: move off and back.
	await expect(async () => {
		await page.mouse.move(0, 0);
		await word.hover({ timeout: 2_000 });
		await expect(hover).toBeVisible({ timeout: 3_000 });
	}).toPass({ timeout: 20_000 });
});

test('invalid JSON in Monaco marks the line and disables Send with the reason', async ({
	page,
}) => {
	await openMonaco(page);
	await setRequest(
		page,
		'{\n  "model": "openai/gpt-4o-mini",\n  "messages": [\n    {"role": "user" "content": "hi"}\n  ]\n}',
	);
	const send = page.getByRole('button', { name: 'Send' });
	await expect(send).toBeDisabled();
	await expect(page.getByRole('list', { name: 'Problems in the request' })).toContainText('Line 4');
	await expect(send).toHaveAttribute('title', /line 4/);
	await expect(page.locator('.squiggly-error').first()).toBeAttached();
	await expect(page.getByRole('textbox', { name: 'Request JSON' })).toHaveAttribute(
		'aria-invalid',
		'true',
	);
});

test('undo in Monaco reaches edits made before it loaded', async ({ page }) => {
	await page.goto('./');
	await setRequest(page, {
		model: 'deepseek/deepseek-chat',
		messages: [{ role: 'user', content: 'typed before monaco' }],
	});
	await expect(code(page)).toContainText('typed before monaco');
	await page.getByRole('textbox', { name: 'Request JSON' }).focus();
	await expect(monacoEditor(page)).toBeVisible();
	await page.keyboard.press('ControlOrMeta+Z');
	await expect(code(page)).toContainText('Explain what OpenRouter does');
	await page.keyboard.press('ControlOrMeta+Shift+Z');
	await expect(code(page)).toContainText('typed before monaco');
});

test('a large paste made while Monaco loads is in the editor once it swaps in', async ({
	browser,
	baseURL,
}) => {
	// No service worker: it would serve Monaco from its cache, past the held scripts.
	const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
	const page = await context.newPage();
	// Monaco loading by itself in idle time (the default), its scripts held back as on a slow link.
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	let loading = false;
	await page.route(/\.js$/, async (route) => {
		if (new URL(route.request().url()).pathname.includes('editor.api')) loading = true;
		if (loading) await held;
		await route.continue();
	});
	await page.goto('./');
	await page.getByRole('combobox', { name: 'Editor' }).selectOption('auto');
	await page.reload();
	await expect.poll(() => loading, { timeout: 15_000 }).toBe(true);
	const field = page.getByRole('textbox', { name: 'Request JSON' });
	// Over 100 000 characters: the plain field hands such text over once typing pauses.
	const long = 'long text '.repeat(12_000);
	const request = { model: 'deepseek/deepseek-chat', messages: [{ role: 'user', content: long }] };
	await field.fill(JSON.stringify(request));
	release();
	await expect(monacoEditor(page)).toBeVisible();
	// The app has the pasted request: the transcript shows its message, not the default one.
	const conversation = page.getByRole('region', { name: 'Conversation' });
	await expect(conversation).toContainText('long text long text');
	await expect(conversation).not.toContainText('Explain what OpenRouter');
	await expect(code(page)).toContainText('deepseek/deepseek-chat');
	await context.close();
});

test('Monaco follows the app theme, and Ctrl+Enter in it sends', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await page.getByRole('textbox', { name: 'Request JSON' }).focus();
	await expect(monacoEditor(page)).toHaveClass(/vs-dark/);
	await page.emulateMedia({ colorScheme: 'light' });
	await expect(monacoEditor(page)).not.toHaveClass(/vs-dark/);
	await page.keyboard.press('Control+Enter');
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });
});
