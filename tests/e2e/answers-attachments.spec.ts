/**
 * What an answer holds beyond its text, shown as it is meant to be read (reasoning summaries and
 * citation excerpts as sanitised markdown, structured output as formatted JSON, code highlighted
 * with text nodes only), and attachments checked against what the model accepts.
 */
import type { Route } from '@playwright/test';
import { renderMarkdown } from '../../src/core/render/markdown';
import { XSS_GROUPS } from '../fixtures/xss/payloads';
import { expect, test } from './fixtures';
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
