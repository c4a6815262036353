import { KEYS, expect, response, saveKey, setRequest, test } from './fixtures';

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
	const rows = bill.locator('tbody tr');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0).getByRole('rowheader')).toHaveText('Prompt');
	await expect(rows.nth(1).getByRole('rowheader')).toHaveText('Completion');

	const charged = await bill.locator('tbody td.charged').allTextContents();
	const parts = charged.map(money);
	const total = money(await bill.locator('tfoot td.total').textContent());
	const sum = parts.reduce((a, b) => a + b, 0);
	expect(parts.every((p) => p > 0)).toBe(true);
	expect(Math.abs(sum - total)).toBeLessThan(parts.length * 5e-9);

	// The total is the usage.cost the Usage line shows (that one rounded to 6 decimals).
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
