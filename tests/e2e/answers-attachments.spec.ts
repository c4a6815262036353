/**
 * What an answer holds beyond its text, shown as it is meant to be read (reasoning summaries and
 * citation excerpts as sanitised markdown, structured output as formatted JSON, code highlighted
 * with text nodes only), and attachments checked against what the model accepts.
 */
import type { Page, Route } from '@playwright/test';
import { renderMarkdown } from '../../src/core/render/markdown';
import { XSS_GROUPS } from '../fixtures/xss/payloads';
import { expect, setRequest, test } from './fixtures';
import { ask, sendRequest } from './response-helpers';

/** An SSE body as OpenRouter streams it: one `data:` line per chunk, then [DONE]. */
function sse(chunks: unknown[]): string {
	return `${chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('')}data: [DONE]\n\n`;
}

const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
	id: 'gen-e2e-hostile',
	object: 'chat.completion.chunk',
	created: 1,
	model: 'emulator/text',
	choices: [{ index: 0, delta: { role: 'assistant', ...delta }, finish_reason: finish }],
});

test.describe('answers are rendered for reading', () => {
	test('a reasoning summary in markdown shows as formatted text, not raw asterisks', async ({
		page,
	}) => {
		const { region } = await sendRequest(page, ask('reasoning-summary-openai'));
		const reasoning = region.getByRole('region', { name: 'Reasoning' });
		await expect(reasoning.locator('.markdown strong')).toHaveText('Calculating the answer');
		await expect(reasoning).not.toContainText('**');
	});

	test('a citation excerpt in markdown keeps its emphasis and safe links', async ({ page }) => {
		const { region } = await sendRequest(page, ask('annotations'));
		const citations = region.getByRole('region', { name: 'Citations' });
		const pricing = citations.getByRole('listitem').filter({ hasText: 'Pricing' });
		await expect(pricing.locator('strong')).toHaveText('per token');
		await expect(pricing).not.toContainText('**');
		const link = pricing.getByRole('link', { name: 'the table' });
		await expect(link).toHaveAttribute('href', 'https://example.org/pricing#table');
		await expect(link).toHaveAttribute('rel', /noopener noreferrer/);
	});

	test('hostile reasoning and citation excerpts stay inert', async ({ page }) => {
		await page.addInitScript(() => {
			const w = window as unknown as { __xss: () => void; __xssFired: boolean };
			w.__xssFired = false;
			w.__xss = () => (w.__xssFired = true);
		});
		const hostile = Object.values(XSS_GROUPS).flat();
		const reasoning = `**Plan**\n\n${hostile.join('\n\n')}`;
		const chunks: unknown[] = [];
		// The reasoning arrives in pieces that split tags and links, as a stream would.
		for (let i = 0; i < reasoning.length; i += 37)
			chunks.push(chunk({ content: '', reasoning: reasoning.slice(i, i + 37) }));
		hostile.slice(0, 40).forEach((payload, i) =>
			chunks.push(
				chunk({
					content: '',
					annotations: [
						{
							type: 'url_citation',
							url_citation: {
								url: `https://example.org/source-${i}`,
								title: `Source ${i}`,
								content: `**Excerpt** ${payload}`,
							},
						},
					],
				}),
			),
		);
		chunks.push(chunk({ content: 'Answer.' }, 'stop'));
		await page.route('**/api/v1/chat/completions', (route: Route) =>
			route.fulfill({
				status: 200,
				headers: { 'content-type': 'text/event-stream' },
				body: sse(chunks),
			}),
		);
		const { region } = await sendRequest(page, ask('text'));
		const sections = region.locator(
			'section[aria-label="Reasoning"], section[aria-label="Citations"]',
		);
		await expect(sections).toHaveCount(2);
		await expect(
			region.getByRole('region', { name: 'Reasoning' }).locator('strong').first(),
		).toHaveText('Plan');
		await expect(
			region.getByRole('region', { name: 'Citations' }).locator('strong').first(),
		).toHaveText('Excerpt');
		const problems = await sections.evaluateAll((roots) => {
			const found: string[] = [];
			const FORBIDDEN =
				/^(script|iframe|frame|object|embed|meta|base|form|style|link|img|svg|math|input|textarea|select|video|audio|source|picture|template|noscript)$/i;
			for (const root of roots)
				for (const el of root.querySelectorAll('*')) {
					if (FORBIDDEN.test(el.tagName)) found.push(`<${el.tagName}>`);
					for (const attr of el.attributes) {
						if (/^on/i.test(attr.name) || attr.name === 'style')
							found.push(`${attr.name} on <${el.tagName}>`);
						if (attr.name === 'href' && !/^(https?:|mailto:)/i.test(attr.value))
							found.push(`href=${attr.value}`);
						if (/^(src|srcdoc|action|formaction|xlink:href|data)$/i.test(attr.name))
							found.push(`${attr.name} on <${el.tagName}>`);
					}
				}
			return found;
		});
		expect(problems).toEqual([]);
		expect(
			await page.evaluate(() => (window as unknown as { __xssFired: boolean }).__xssFired),
		).toBe(false);
	});

	test('a structured answer shows as formatted, highlighted JSON beside its check', async ({
		page,
	}) => {
		const content = JSON.stringify({ city: 'Paris', days: [1, 2], rain: false, note: null });
		const { region } = await sendRequest(page, {
			...ask('echo', { response_format: { type: 'json_object' } }),
			messages: [{ role: 'user', content }],
		});
		const check = region.getByRole('region', { name: 'Structured output' });
		await expect(check).toContainText('JSON valid');
		const json = check.getByRole('group', { name: 'Formatted JSON' });
		await expect(json).toBeVisible();
		expect(await json.locator('code').textContent()).toBe(
			JSON.stringify(JSON.parse(content), null, 2),
		);
		await expect(json.locator('.tok-string').first()).toHaveText('"city"');
		await expect(json.locator('.tok-keyword')).toHaveText(['false', 'null']);
		await expect(json.locator('.tok-number')).toHaveText(['1', '2']);
	});

	test('code blocks in an answer are highlighted with text nodes only, and read as a full render', async ({
		page,
	}) => {
		const content = [
			'Run this:',
			'```python\nimport os\nprint("<b>hi</b>")  # says hi\n```',
			'Then:',
			'```ts\nconst n: number = 42; // <img src=x onerror=__xss()>\n```',
		].join('\n\n');
		const { answer } = await sendRequest(page, {
			...ask('echo'),
			messages: [{ role: 'user', content }],
		});
		const python = answer.locator('pre code.language-python');
		await expect(python.locator('.tok-keyword').first()).toHaveText('import');
		await expect(python.locator('.tok-string')).toHaveText('"<b>hi</b>"');
		await expect(python.locator('.tok-comment')).toHaveText('# says hi');
		// The last block was the open one while streaming: it is highlighted once the answer is done.
		const ts = answer.locator('pre code.language-ts');
		await expect(ts.locator('.tok-keyword')).toHaveText('const');
		await expect(ts.locator('.tok-number')).toHaveText('42');
		// Only spans and text inside the code: the model's markup is never parsed.
		const tags = await answer
			.locator('pre code *')
			.evaluateAll((els) => [...new Set(els.map((e) => e.tagName))]);
		expect(tags).toEqual(['SPAN']);
		// The text is what a full render of the same answer holds.
		const codes = await answer.locator('pre code').allTextContents();
		const full = [...renderMarkdown(content).matchAll(/<code[^>]*>([\s\S]*?)<\/code>/g)].map((m) =>
			(m[1] ?? '')
				.replace(/&lt;/g, '<')
				.replace(/&gt;/g, '>')
				.replace(/&quot;/g, '"')
				.replace(/&amp;/g, '&'),
		);
		expect(codes).toEqual(full);
	});
});

/** A 1×1 PNG, as a file from the user's disk would be read. */
const PNG_BASE64 =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PNG_URL = `data:image/png;base64,${PNG_BASE64}`;
const imagePart = (url: string) => ({ type: 'image_url', image_url: { url } });

async function openMessages(page: Page) {
	const request = page.getByRole('region', { name: 'Request' });
	await request.getByRole('tab', { name: 'Messages', exact: true }).click();
	return request.getByRole('tabpanel');
}

const requestText = (page: Page) =>
	page
		.getByRole('textbox', { name: 'Request JSON' })
		.evaluate((el) => (el as HTMLTextAreaElement).value);

/** Fires a paste or a drop of `files` (made in the page) on `selector`, as the browser would. */
async function dispatchFiles(
	page: Page,
	selector: string,
	kind: 'paste' | 'drop',
	files: { name: string; type: string; base64?: string; bytes?: number }[],
) {
	await page.locator(selector).evaluate(
		(target, { kind, files }) => {
			const data = new DataTransfer();
			for (const f of files) {
				const bytes = f.base64
					? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))
					: new Uint8Array(f.bytes ?? 0);
				data.items.add(new File([bytes], f.name, { type: f.type }));
			}
			if (kind === 'paste')
				target.dispatchEvent(
					new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
				);
			else {
				target.dispatchEvent(
					new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
				);
				target.dispatchEvent(
					new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
				);
			}
		},
		{ kind, files },
	);
}

test.describe('attachments', () => {
	test('an image sent to a text-only model is warned about in the builder, and not for a model that takes images', async ({
		page,
	}) => {
		await page.goto('./');
		const body = (model: string) => ({
			model,
			messages: [
				{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, imagePart(PNG_URL)] },
			],
		});
		await setRequest(page, body('deepseek/deepseek-chat'));
		const warnings = page
			.getByRole('region', { name: 'Checks' })
			.getByRole('list', { name: 'Warnings' });
		await expect(warnings).toContainText(
			'deepseek/deepseek-chat does not accept image input (it takes text): an image part in messages[0]',
			{ timeout: 20_000 },
		);
		await setRequest(page, body('openai/gpt-4o-mini'));
		await expect(page.getByRole('region', { name: 'Checks' })).not.toContainText('image input');
	});

	test('Compare warns per model about attachments the model does not take', async ({ page }) => {
		await page.goto('./');
		await setRequest(page, {
			model: 'deepseek/deepseek-chat',
			messages: [
				{ role: 'user', content: [{ type: 'text', text: 'Describe' }, imagePart(PNG_URL)] },
			],
		});
		await page.getByRole('button', { name: 'Compare' }).click();
		const dialog = page.getByRole('dialog', { name: 'Compare' });
		await dialog.getByRole('combobox', { name: 'Model 2', exact: true }).fill('openai/gpt-4o-mini');
		const models = dialog.getByRole('group', { name: 'Models to compare' });
		await expect(models).toContainText('deepseek/deepseek-chat does not accept image input', {
			timeout: 20_000,
		});
		await expect(models.getByText(/does not accept image input/)).toHaveCount(1);
	});

	test('an attached image shows as a thumbnail; a remote image URL only as a link', async ({
		page,
	}) => {
		await page.goto('./');
		await setRequest(page, {
			model: 'openai/gpt-4o-mini',
			messages: [
				{
					role: 'user',
					content: [{ type: 'text', text: 'Compare' }, imagePart('https://example.org/cat.png')],
				},
			],
		});
		const messages = await openMessages(page);
		// The remote image is never fetched (the guard fails the test on any request to example.org).
		const open = messages.getByRole('link', { name: 'Open ↗' });
		await expect(open).toHaveAttribute('href', 'https://example.org/cat.png');
		await expect(open).toHaveAttribute('rel', /noopener noreferrer/);
		await expect(messages.locator('img')).toHaveCount(0);

		await messages.getByLabel('Attach a file to message 1').setInputFiles({
			name: 'dot.png',
			mimeType: 'image/png',
			buffer: Buffer.from(PNG_BASE64, 'base64'),
		});
		const thumb = messages.getByRole('img', { name: 'Message 1 part 3: attached image' });
		await expect(thumb).toBeVisible();
		await expect(thumb).toHaveAttribute('src', PNG_URL);
		expect(await thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
		expect(await requestText(page)).toContain(PNG_URL);
	});

	test('an embedded image that did not come from the user’s file shows only when asked', async ({
		page,
	}) => {
		await page.goto('./');
		await setRequest(page, {
			model: 'openai/gpt-4o-mini',
			messages: [{ role: 'user', content: [imagePart(PNG_URL)] }],
		});
		const messages = await openMessages(page);
		await expect(messages.locator('img')).toHaveCount(0);
		await messages.getByRole('button', { name: 'Show image' }).click();
		await expect(
			messages.getByRole('img', { name: 'Message 1 part 1: attached image' }),
		).toBeVisible();
	});

	test('an image pasted or dropped into a message is attached to it', async ({ page }) => {
		await page.goto('./');
		await setRequest(page, {
			model: 'openai/gpt-4o-mini',
			messages: [{ role: 'user', content: 'What is in these?' }],
		});
		const messages = await openMessages(page);
		await dispatchFiles(page, '[aria-label="Message 1 content"]', 'paste', [
			{ name: 'pasted.png', type: 'image/png', base64: PNG_BASE64 },
		]);
		await expect(
			messages.getByRole('img', { name: 'Message 1 part 2: attached image' }),
		).toBeVisible();
		// The text became the first part; the image came after it.
		expect(JSON.parse(await requestText(page)).messages[0].content).toEqual([
			{ type: 'text', text: 'What is in these?' },
			imagePart(PNG_URL),
		]);
		await dispatchFiles(page, 'fieldset:has(> legend:text-is("Message 1"))', 'drop', [
			{ name: 'dropped.png', type: 'image/png', base64: PNG_BASE64 },
			{ name: 'notes.zip', type: 'application/zip', bytes: 10 },
		]);
		await expect(
			messages.getByRole('img', { name: 'Message 1 part 3: attached image' }),
		).toBeVisible();
		await expect(messages.getByRole('alert')).toContainText('Not attached: “notes.zip”');
		expect(JSON.parse(await requestText(page)).messages[0].content).toHaveLength(3);
	});

	test('an image over the size limit is refused with a clear message', async ({ page }) => {
		await page.goto('./');
		await setRequest(page, {
			model: 'openai/gpt-4o-mini',
			messages: [{ role: 'user', content: 'Look' }],
		});
		const messages = await openMessages(page);
		await dispatchFiles(page, '[aria-label="Message 1 content"]', 'paste', [
			{ name: 'huge.png', type: 'image/png', bytes: 6 * 1024 * 1024 },
		]);
		await expect(messages.getByRole('alert')).toHaveText(
			'“huge.png” is 6.0 MB: files up to 5.0 MB can be attached. Make it smaller, or give the image by URL.',
		);
		expect(JSON.parse(await requestText(page)).messages[0].content).toBe('Look');
	});
});

test.describe('Compare picks models from the catalog', () => {
	test('a model field searches the catalog by name, shows name and prices, and warns about unknown ids', async ({
		page,
	}) => {
		await page.goto('./');
		await setRequest(page, {
			model: 'openai/gpt-4o-mini',
			messages: [{ role: 'user', content: 'Hi' }],
		});
		await page.getByRole('button', { name: 'Compare' }).click();
		const dialog = page.getByRole('dialog', { name: 'Compare' });
		await expect(dialog.getByLabel('Model 1 details')).toHaveText(
			'OpenAI: GPT-4o-mini · in $0.15/M · out $0.6/M',
			{ timeout: 20_000 },
		);
		const second = dialog.getByRole('combobox', { name: 'Model 2', exact: true });
		await second.fill('llama 3.3');
		const option = dialog.getByRole('option', { name: /Meta: Llama 3\.3 70B Instruct \(free\)/ });
		await expect(option).toContainText('free');
		await option.click();
		await expect(second).toHaveValue('meta-llama/llama-3.3-70b-instruct:free');
		await expect(dialog.getByLabel('Model 2 details')).toContainText(
			'Meta: Llama 3.3 70B Instruct (free)',
		);
		await second.fill('nobody/nothing');
		await expect(dialog.getByRole('note')).toHaveText(
			'“nobody/nothing” is not in the model list: the API may answer 400.',
		);
		// Enter picks the first match, as in the builder's search.
		await second.fill('gemini 2.5 flash image');
		await second.press('Enter');
		await expect(second).toHaveValue('google/gemini-2.5-flash-image');
	});
});
