import type { Page } from '@playwright/test';
import { KEYS, emulator, expect, saveKey, setRequest, test, WATCHED_PACE } from './fixtures';

const MODELS = [
	'openai/gpt-4o-mini',
	'google/gemini-2.5-flash',
	'deepseek/deepseek-chat',
	'mistralai/mistral-small',
];
const request = {
	model: 'openai/gpt-4o-mini',
	messages: [{ role: 'user', content: 'Compare us side by side' }],
	max_tokens: 30,
	logprobs: true,
	stream: true,
};

async function openCompare(page: Page, models: string[]) {
	await page.getByRole('button', { name: 'Compare' }).click();
	const dialog = page.getByRole('dialog', { name: 'Compare' });
	while ((await dialog.getByRole('combobox', { name: /^Model \d$/ }).count()) < models.length)
		await dialog.getByRole('button', { name: 'Add model' }).click();
	for (const [i, model] of models.entries())
		await dialog.getByRole('combobox', { name: `Model ${i + 1}`, exact: true }).fill(model);
	return dialog;
}

test.describe(() => {
	test.use({ tokenDelayMs: WATCHED_PACE });
	test('four models stream at the same time, each column with its own numbers and request', async ({
		page,
	}) => {
		await page.goto('./');
		await saveKey(page, KEYS.good);
		await setRequest(page, request);
		const dialog = await openCompare(page, MODELS);
		await dialog.getByRole('button', { name: 'Run all' }).click();

		// All four are streaming at one moment, each with text arriving.
		await page.waitForFunction(
			(count) => {
				const columns = [...document.querySelectorAll('dialog section[aria-label^="Model "]')];
				return (
					columns.length === count &&
					columns.every(
						(c) =>
							c.querySelector('[role=status]')?.textContent?.includes('Streaming') &&
							(c.querySelector('[data-testid=compare-answer]')?.textContent ?? '').length > 0,
					)
				);
			},
			MODELS.length,
			{ polling: 'raf', timeout: 10_000 },
		);

		const costs: string[] = [];
		for (const [i, model] of MODELS.entries()) {
			const column = dialog.getByRole('region', { name: `Model ${i + 1}: ${model}` });
			await expect(column.getByRole('status')).toHaveText('Done', { timeout: 15_000 });
			await expect(column.getByTestId('compare-answer')).not.toBeEmpty();
			const numbers = column.getByLabel(`Numbers for model ${i + 1}`);
			await expect(numbers).toContainText(/TTFT\s*[\d.]+ m?s/);
			await expect(numbers).toContainText(/Speed\s*[\d.]+ tok\/s/);
			await expect(numbers).toContainText(/Tokens\s*\d+ in \/ \d+ out/);
			await expect(numbers).toContainText('Finish length'); // the 30-token cap was reached
			costs.push((await numbers.getByText(/^\$\d/).textContent()) ?? '');
		}
		// Priced per model by the catalog, so each column's cost is its own.
		expect(new Set(costs).size).toBe(MODELS.length);

		const chats = await emulator.chatRequests();
		expect(chats.map((c) => (c.body as { model: string }).model).sort()).toEqual(
			[...MODELS].sort(),
		);
		for (const chat of chats)
			expect(chat.body).toEqual({ ...request, model: (chat.body as { model: string }).model });

		// What was sent, per column: the model swapped, parameters the model does not list warned.
		const gemini = dialog.getByRole('region', { name: 'Model 2: google/gemini-2.5-flash' });
		await gemini.getByText('What was sent').click();
		await expect(gemini).toContainText('google/gemini-2.5-flash does not list logprobs');
		expect(JSON.parse((await gemini.locator('pre').last().textContent()) ?? '')).toEqual({
			...request,
			model: 'google/gemini-2.5-flash',
		});
		const openai = dialog.getByRole('region', { name: 'Model 1: openai/gpt-4o-mini' });
		await expect(openai.getByText('What was sent')).toHaveText('What was sent');
	});
});

test.describe(() => {
	test.use({ tokenDelayMs: WATCHED_PACE });
	test('Stop stops one column and leaves the others; Stop all stops the rest', async ({ page }) => {
		await page.goto('./');
		await saveKey(page, KEYS.good);
		await setRequest(page, { ...request, model: 'emulator/long', max_tokens: 2000 });
		const dialog = await openCompare(page, ['emulator/long', 'emulator/long', 'emulator/long']);
		await dialog.getByRole('button', { name: 'Run all' }).click();
		const column = (n: number) => dialog.getByRole('region', { name: `Model ${n}: emulator/long` });
		await expect(column(1).getByTestId('compare-answer')).not.toBeEmpty();
		await column(1).getByRole('button', { name: 'Stop model 1' }).click();
		await expect(column(1).getByRole('status')).toHaveText('Stopped');
		const kept = await column(1).getByTestId('compare-answer').textContent();
		await expect(column(2).getByRole('status')).toHaveText('Streaming…');
		const before = (await column(2).getByTestId('compare-answer').textContent())?.length ?? 0;
		await expect
			.poll(async () => (await column(2).getByTestId('compare-answer').textContent())?.length ?? 0)
			.toBeGreaterThan(before);
		expect(await column(1).getByTestId('compare-answer').textContent()).toBe(kept);

		await dialog.getByRole('button', { name: 'Stop all' }).click();
		for (const n of [2, 3]) await expect(column(n).getByRole('status')).toHaveText('Stopped');
		await expect(dialog.getByRole('button', { name: 'Run all' })).toBeEnabled();
	});
});

test('the same model twice with a seed says whether the outputs match', async ({ page }) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, { ...request, seed: 42 });
	const dialog = await openCompare(page, ['deepseek/deepseek-chat', 'deepseek/deepseek-chat']);
	await dialog.getByRole('button', { name: 'Run all' }).click();
	const first = dialog.getByRole('region', { name: 'Model 1: deepseek/deepseek-chat' });
	const second = dialog.getByRole('region', { name: 'Model 2: deepseek/deepseek-chat' });
	await expect(first).toContainText('Same output as model 2', { timeout: 15_000 });
	await expect(second).toContainText('Same output as model 1');
	const chats = await emulator.chatRequests();
	expect(chats).toHaveLength(2);
});
