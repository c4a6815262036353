import { axeViolations } from './axe';
import { KEYS, expect, response, saveKey, setRequest, test } from './fixtures';

const request = {
	model: 'openai/gpt-4o-mini',
	messages: [{ role: 'user', content: 'Accessible history' }],
	max_tokens: 20,
	logprobs: true,
	stream: true,
};

for (const scheme of ['light', 'dark'] as const)
	test(`History and Compare have no axe violations (${scheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto('./');
		await saveKey(page, KEYS.good);
		await setRequest(page, request);
		await page.getByRole('button', { name: 'Send' }).click();
		await expect(response(page).status).toContainText('Done', { timeout: 15_000 });

		await page.getByRole('button', { name: 'History' }).click();
		const history = page.getByRole('dialog', { name: 'History' });
		await expect(history.getByRole('list', { name: 'Runs' })).toBeVisible();
		expect(await axeViolations(page, { include: 'dialog[open]' })).toEqual([]);
		await history.getByRole('list', { name: 'Runs' }).getByRole('button').first().click();
		expect(await axeViolations(page, { include: 'dialog[open]' })).toEqual([]);
		await history.getByRole('button', { name: 'Close' }).click();

		await page.getByRole('button', { name: 'Compare' }).click();
		const compare = page.getByRole('dialog', { name: 'Compare' });
		await compare
			.getByRole('combobox', { name: 'Model 2', exact: true })
			.fill('google/gemini-2.5-flash');
		await compare.getByRole('button', { name: 'Run all' }).click();
		await expect(compare.getByRole('region', { name: /^Model 2/ }).getByRole('status')).toHaveText(
			'Done',
			{
				timeout: 15_000,
			},
		);
		await compare.getByText('What was sent (1 unsupported)').click();
		expect(await axeViolations(page, { include: 'dialog[open]' })).toEqual([]);
	});

for (const width of [390, 1440])
	test(`at ${width} px History, Compare and four compare columns stay inside the screen`, async ({
		page,
	}) => {
		await page.setViewportSize({ width, height: 844 });
		await page.goto('./');
		await saveKey(page, KEYS.good);
		await setRequest(page, request);
		for (const name of ['History', 'Compare', 'Settings', 'API key']) {
			const box = await page.getByRole('button', { name, exact: true }).boundingBox();
			expect((box?.x ?? 0) + (box?.width ?? 0), name).toBeLessThanOrEqual(width);
		}
		await page.getByRole('button', { name: 'Compare' }).click();
		const compare = page.getByRole('dialog', { name: 'Compare' });
		await compare.getByRole('button', { name: 'Add model' }).click();
		await compare.getByRole('button', { name: 'Add model' }).click();
		const models = [
			'openai/gpt-4o-mini',
			'google/gemini-2.5-flash',
			'deepseek/deepseek-chat',
			'x-ai/grok-4-fast',
		];
		for (const [i, model] of models.entries())
			await compare.getByRole('combobox', { name: `Model ${i + 1}`, exact: true }).fill(model);
		await compare.getByRole('button', { name: 'Run all' }).click();
		await expect(compare.getByRole('button', { name: 'Run all' })).toBeVisible({ timeout: 15_000 });
		for (const [i, model] of models.entries()) {
			const box = await compare
				.getByRole('region', { name: `Model ${i + 1}: ${model}` })
				.boundingBox();
			expect(box, model).not.toBeNull();
			expect((box?.x ?? 0) + (box?.width ?? 0), model).toBeLessThanOrEqual(width);
		}
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
		);
		expect(overflow).toBe(0);
	});
