import { readFile } from 'node:fs/promises';
import { KEYS, expect, test } from './fixtures';
import { ask, sendRequest } from './response-helpers';

test('the raw inspector shows the request without the key, headers, every line with its time, and exports', async ({
	page,
}) => {
	const { region } = await sendRequest(page, ask('text'));
	// Closed, it holds nothing: the request as text is a copy of the whole body (B9: 1 MB).
	const raw = region.locator('details', { hasText: 'Raw request and response' });
	await expect(raw).toHaveText('Raw request and response');
	await region.getByText('Raw request and response').click();
	const inspector = region.getByRole('region', { name: 'Raw inspector' });
	await expect(inspector).toContainText('POST http://');
	await expect(inspector).toContainText('"model": "emulator/text"');
	await expect(inspector).not.toContainText(KEYS.good);
	await expect(inspector.getByLabel('Response headers')).toContainText('x-generation-id: gen-');
	const lines = inspector.getByRole('list', { name: 'Body lines' });
	await expect(lines).toContainText(': OPENROUTER PROCESSING');
	await expect(lines).toContainText('data: [DONE]');
	await expect(lines.getByRole('listitem').first()).toContainText(/\d+\.\d ms/);
	await expect(inspector.getByLabel('Chunk gaps')).toContainText('p95');

	const sse = page.waitForEvent('download');
	await inspector.getByRole('button', { name: 'Export .sse' }).click();
	const sseText = await readFile((await (await sse).path()) as string, 'utf8');
	expect(sseText).toMatch(/^: OPENROUTER PROCESSING\n\n/);
	expect(sseText).toContain('data: {"id":"gen-');
	expect(sseText.trimEnd().endsWith('data: [DONE]')).toBe(true);

	const json = page.waitForEvent('download');
	await inspector.getByRole('button', { name: 'Export .json' }).click();
	const exported = await readFile((await (await json).path()) as string, 'utf8');
	expect(exported).not.toContain(KEYS.good);
	const parsed = JSON.parse(exported) as { lines: { at_ms: number; line: string }[] };
	expect(parsed.lines.map((l) => l.line).join('\n')).toBe(sseText.replace(/\n$/, ''));
});
