import { KEYS, expect, response, saveKey, setRequest, test } from './fixtures';

for (const width of [390, 1440]) {
	test(`at ${width} px the upstream diff, bill and replay stay inside the screen`, async ({
		page,
	}) => {
		await page.setViewportSize({ width, height: 844 });
		await page.goto('./');
		await saveKey(page, KEYS.good);
		await setRequest(page, {
			model: 'anthropic/claude-sonnet-4.5',
			messages: [
				{
					role: 'system',
					content: 'A long system prompt that the provider takes apart. '.repeat(4),
				},
				{ role: 'user', content: 'Call a tool with a very long name if you like.' },
			],
			tools: [
				{
					type: 'function',
					function: {
						name: 'a_tool_with_a_rather_long_name_that_does_not_wrap_easily',
						parameters: { type: 'object', properties: { query: { type: 'string' } } },
					},
				},
			],
			seed: 1,
			max_tokens: 40,
			stream: true,
		});
		const { region, status } = response(page);
		await region.getByRole('checkbox', { name: 'Show upstream request' }).check();
		await page.getByRole('button', { name: 'Send' }).click();
		await expect(status).toContainText('Done', { timeout: 15_000 });
		const diff = region.getByRole('region', { name: 'Upstream request' });
		await expect(diff.locator('li.tools-rewritten')).toContainText('tools');
		await expect(diff.locator('li.prompt-moved')).toContainText('messages[0] → system');
		await region.getByText('Explain the bill').click();
		await region.getByText('Replay on the same provider').click();
		await region.getByRole('spinbutton', { name: 'Runs' }).fill('2');
		await region.getByRole('button', { name: 'Replay', exact: true }).click();
		await expect(region).toContainText('2 of 2 matched exactly', { timeout: 15_000 });

		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
		);
		expect(overflow).toBe(0);
		for (const name of ['Bill', 'Upstream request', 'Replay']) {
			const box = await region.getByRole('region', { name }).boundingBox();
			expect((box?.x ?? 0) + (box?.width ?? 0), name).toBeLessThanOrEqual(width);
		}
	});
}
