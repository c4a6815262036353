import { emulator, expect, test } from './fixtures';

const code = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Code' });

test('picking a model by searching its name updates the JSON and the curl snippet', async ({
	page,
}) => {
	await page.goto('./');
	const request = page.getByRole('region', { name: 'Request' });
	await request.getByRole('tab', { name: 'Model' }).click();
	const search = request.getByRole('combobox', { name: 'Search models' });
	await search.fill('sonnet');
	const option = request.getByRole('option', { name: /Claude Sonnet 4\.5/ });
	await expect(option).toContainText('anthropic/claude-sonnet-4.5');
	await expect(option).toContainText('1M ctx');
	await expect(option).toContainText('$3/M');
	await option.click();

	const json = page.getByRole('textbox', { name: 'Request JSON' });
	await expect(json).toHaveValue(/"model": "anthropic\/claude-sonnet-4\.5",/);
	// Only the model line changed: the rest of the default request is as it was.
	await expect(json).toHaveValue(/"max_tokens": 512,\n {2}"temperature": 0\.7,/);
	await expect(code(page)).toContainText('"model": "anthropic/claude-sonnet-4.5"');
	await expect(request.getByRole('definition').filter({ hasText: '$3/M prompt' })).toBeVisible();

	// The list came from GET /models, without a key.
	const lists = (await emulator.requests()).filter((r) => r.path.startsWith('/api/v1/models'));
	expect(lists.length).toBeGreaterThan(0);
	expect(lists.every((r) => !r.headers.authorization)).toBe(true);
});

test('variants and fallback models', async ({ page }) => {
	await page.goto('./');
	const request = page.getByRole('region', { name: 'Request' });
	await request.getByRole('combobox', { name: 'Variant' }).selectOption(':nitro');
	const json = page.getByRole('textbox', { name: 'Request JSON' });
	await expect(json).toHaveValue(/"model": "openai\/gpt-4o-mini:nitro"/);

	const fallback = request.getByRole('combobox', { name: 'Add fallback model' });
	await fallback.fill('deepseek');
	await fallback.press('Enter');
	await expect(json).toHaveValue(/"models": \[\n\s+"deepseek\/deepseek-chat"\n\s+\]/);
	await request.getByRole('button', { name: 'Remove fallback deepseek/deepseek-chat' }).click();
	await expect(json).not.toHaveValue(/"models"/);
});

test('offline, the model list saved earlier is used and says so', async ({ page, context }) => {
	await page.goto('./');
	const request = page.getByRole('region', { name: 'Request' });
	// The time of the list, as a clock on its day, in a <time> a machine can read.
	const fetched = request.getByText(/\d+ models, fetched \d\d:\d\d\./);
	await expect(fetched).toBeVisible();
	const fetchedAt = await fetched.locator('time').getAttribute('datetime');
	expect(Math.abs(Date.now() - Date.parse(fetchedAt ?? ''))).toBeLessThan(10 * 60_000);
	// Later visit with the API unreachable: the cached list still finds models.
	await context.route('**/api/v1/models**', (route) => route.abort('internetdisconnected'));
	await page.reload();
	await request.getByRole('button', { name: 'Refresh models' }).click();
	const saved = request.getByText(/offline\?\): showing the list saved \d\d:\d\d\./);
	await expect(saved).toBeVisible();
	await expect(saved.locator('time')).toHaveAttribute('datetime', fetchedAt ?? '');
	await request.getByRole('combobox', { name: 'Search models' }).fill('grok');
	await expect(request.getByRole('option', { name: /Grok 4 Fast/ })).toBeVisible();
});
