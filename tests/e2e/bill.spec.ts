import { KEYS, emulator, expect, response, saveKey, setRequest, test } from './fixtures';

const money = (text: string | null) => Number((text ?? '').replace(/[^0-9.]/g, ''));

test('Explain the bill: the parts add up to the usage cost shown, beside the list-price estimate', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, {
		model: 'deepseek/deepseek-chat',
		messages: [{ role: 'user', content: 'What does this cost?' }],
		max_tokens: 40,
		stream: true,
	});
	await page.getByRole('button', { name: 'Send' }).click();
	const { region, status } = response(page);
	await expect(status).toContainText('Done', { timeout: 15_000 });

	await region.getByText('Explain the bill').click();
	const bill = region.getByRole('region', { name: 'Bill' });
	// Once the list prices are in, the note compares charge and estimate.
	await expect(bill).toContainText(
		/Differs most from the list price|Charged exactly what the list/,
	);
	// The bill's own table: OpenRouter's generation record, shown below it once published, has rows too.
	const rows = bill.locator(':scope > table > tbody > tr');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0).getByRole('rowheader')).toHaveText('Prompt');
	await expect(rows.nth(1).getByRole('rowheader')).toHaveText('Completion');

	const charged = await bill.locator('tbody td.charged').allTextContents();
	const parts = charged.map(money);
	const total = money(await bill.locator('tfoot td.total').textContent());
	const sum = parts.reduce((a, b) => a + b, 0);
	expect(parts.every((p) => p > 0)).toBe(true);
	// Each amount is rounded for display (millionths, or four significant digits when finer).
	expect(Math.abs(sum - total)).toBeLessThanOrEqual((parts.length + 1) * 5e-7);

	// The total is the usage.cost the Usage line shows.
	const usage = region.getByRole('region', { name: 'Usage' });
	const cost = money(await usage.locator('div', { hasText: 'Cost' }).locator('dd').textContent());
	expect(cost).toBeGreaterThan(0);
	expect(Math.abs(cost - total)).toBeLessThan(5e-7);
	// deepseek/deepseek-chat lists $0.0000003 per prompt token: the estimate is tokens × that price.
	const promptRow = rows.nth(0);
	const tokens = money(await promptRow.locator('td').nth(0).textContent());
	const estimate = money(await promptRow.locator('td').nth(1).textContent());
	expect(estimate).toBeCloseTo(tokens * 0.0000003, 8);
	// The range one could have estimated before sending: the charge falls inside it.
	const before = bill.getByText('Estimated before sending');
	await expect(before).toContainText('–');
	const [low, high] = ((await before.textContent()) ?? '').split('(')[0]!.split('–').map(money);
	expect(low).toBeLessThanOrEqual(total);
	expect(high).toBeGreaterThanOrEqual(total);
});

// Over 1024 tokens, so the provider caches it (emulator/prompt-cache.ts): the second run reads it.
const SYSTEM = 'You are a careful assistant who answers in one short sentence. '.repeat(80);
const cachedAsk = (question: string) => ({
	model: 'openai/gpt-4o-mini',
	messages: [
		{ role: 'system', content: SYSTEM },
		{ role: 'user', content: question },
	],
	max_tokens: 30,
	stream: true,
});

test('the bill shows the generation stats: native and normalized tokens, the cache discount, the provider', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	const { region, status } = response(page);
	const send = page.getByRole('button', { name: 'Send' });
	await setRequest(page, cachedAsk('First question?'));
	await send.click();
	await expect(status).toContainText('Done', { timeout: 15_000 });
	await setRequest(page, cachedAsk('Second question?'));
	await send.click();
	await expect(status).toContainText('Done', { timeout: 15_000 });

	await region.getByText('Explain the bill').click();
	const bill = region.getByRole('region', { name: 'Bill' });
	const record = bill.getByLabel('Generation stats');
	await expect(record).toContainText('Served by OpenAI', { timeout: 15_000 });
	await expect(record).toContainText('(matches usage.cost)');

	// The cached prefix is its own part of the bill, priced at the cache-read price.
	const cachedRow = bill.locator('tbody tr[data-part="cached-read"]');
	await expect(cachedRow).toBeVisible();
	const cachedTokens = money(await cachedRow.locator('td').nth(0).textContent());
	expect(cachedTokens).toBeGreaterThanOrEqual(1024);
	const listed = money(await cachedRow.locator('td').nth(1).textContent());
	expect(listed).toBeCloseTo(cachedTokens * 0.000000075, 8);
	const parts = (await bill.locator('tbody td.charged').allTextContents()).map(money);
	const total = money(await bill.locator('tfoot td.total').textContent());
	expect(Math.abs(parts.reduce((a, b) => a + b, 0) - total)).toBeLessThan(parts.length * 5e-9);

	// Native counts are what usage said; normalized ones (text / 4) differ.
	const tokens = record.getByRole('table', { name: 'Tokens: native and normalized' });
	const promptCells = tokens.getByRole('row', { name: /^Prompt/ }).getByRole('cell');
	const [usagePrompt, nativePrompt, normalizedPrompt] = (await promptCells.allTextContents()).map(
		money,
	);
	expect(nativePrompt).toBe(usagePrompt);
	expect(normalizedPrompt).toBe(Math.ceil((SYSTEM + '\n' + 'Second question?').length / 4));
	expect(normalizedPrompt).not.toBe(nativePrompt);
	await expect(
		tokens
			.getByRole('row', { name: /^Cached/ })
			.getByRole('cell')
			.nth(1),
	).toHaveText(cachedTokens.toLocaleString('en-US'));
	// OpenRouter's cache discount, beside what the list prices predict: the same here.
	const cache = record.getByText(/^Cache: /);
	await expect(cache).toContainText(/a discount of \$[\d.]+ \(list prices predict \$[\d.]+\)/);
	const [discount, predicted] = ((await cache.textContent())?.match(/\$[\d.]+/g) ?? []).map(money);
	expect(discount).toBeCloseTo(cachedTokens * (0.00000015 - 0.000000075), 9);
	expect(predicted).toBe(discount);

	// The record was asked for with the key in the Authorization header only, at the API.
	const lookups = (await emulator.requests()).filter((r) => r.path.includes('/api/v1/generation'));
	expect(lookups.length).toBeGreaterThan(0);
	expect(lookups.every((r) => r.headers.authorization === `Bearer ${KEYS.good}`)).toBe(true);
});

test('while OpenRouter has no record the bill says it is waiting, and says so when it never comes', async ({
	page,
}) => {
	// The app's own clock, so the six tries' waits (9.5 s in all) can be skipped once seen.
	await page.clock.install();
	// Every lookup asks the emulator for an id it never recorded: a real 404 each time.
	await page.route('**/api/v1/generation?**', (route) =>
		route.continue({
			url: route
				.request()
				.url()
				.replace(/id=[^&]+/, 'id=gen-never-recorded'),
		}),
	);
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, {
		model: 'deepseek/deepseek-chat',
		messages: [{ role: 'user', content: 'Any stats?' }],
		max_tokens: 20,
		stream: true,
	});
	await page.getByRole('button', { name: 'Send' }).click();
	const { region, status } = response(page);
	await expect(status).toContainText('Done', { timeout: 15_000 });
	await region.getByText('Explain the bill').click();
	const record = region.getByRole('region', { name: 'Bill' }).getByLabel('Generation stats');
	await expect(record).toContainText(/Waiting for OpenRouter's generation stats.*try [2-6] of 6/);
	// Each step moves the page's clock past the longest wait, so at least one more try is made.
	await expect(async () => {
		await page.clock.fastForward(4_000);
		await expect(record).toContainText(
			'OpenRouter had not published the generation stats after 6 tries; the bill uses usage alone.',
			{ timeout: 250 },
		);
	}).toPass({ timeout: 20_000 });
	// The bill itself stands on usage.
	await expect(region.getByRole('region', { name: 'Bill' }).locator('tbody tr')).toHaveCount(2);
});
