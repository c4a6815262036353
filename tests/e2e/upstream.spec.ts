import { KEYS, emulator, expect, response, saveKey, setRequest, test } from './fixtures';

const request = {
	model: 'openai/gpt-4o-mini',
	messages: [{ role: 'user', content: 'What reaches the provider?' }],
	top_k: 40,
	max_tokens: 30,
	stream: true,
};

test('Show upstream request: the diff names a dropped parameter; the flag stays out of the code', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, request);
	const { region, status } = response(page);
	await region.getByRole('checkbox', { name: 'Show upstream request' }).check();
	const code = page.getByRole('region', { name: 'Code' }).getByRole('tabpanel');
	await expect(code).toContainText('top_k');
	await expect(code).not.toContainText('echo_upstream_body');

	await page.getByRole('button', { name: 'Send' }).click();
	await expect(status).toContainText('Done', { timeout: 15_000 });
	const [chat] = await emulator.chatRequests();
	expect(chat?.body).toEqual({ ...request, debug: { echo_upstream_body: true } });

	const diff = region.getByRole('region', { name: 'Upstream request' });
	await expect(diff).toContainText('Sent to OpenAI');
	await expect(diff.locator('li.dropped', { hasText: 'top_k' })).toContainText('Dropped');
	await expect(diff.locator('li.renamed')).toContainText('max_tokens → max_completion_tokens');
	// The debug flag we added is not reported as a change of the user's request.
	await expect(diff).not.toContainText('debug');
	await expect(code).not.toContainText('echo_upstream_body');

	await region.getByRole('checkbox', { name: 'include in code' }).check();
	await expect(code).toContainText('echo_upstream_body');
});

test('on fallback there is one upstream body per provider tried', async ({ page }) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, {
		model: 'deepseek/deepseek-chat',
		messages: [{ role: 'user', content: 'Who answers?' }],
		provider: { order: ['chutes', 'novita'] },
		stream: true,
	});
	const { region, status } = response(page);
	await region.getByRole('checkbox', { name: 'Show upstream request' }).check();
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(status).toContainText('Done', { timeout: 15_000 });
	const diff = region.getByRole('region', { name: 'Upstream request' });
	await expect(diff.getByRole('heading')).toHaveText([
		'Sent to Chutes (failed, fell back)',
		'Sent to Novita',
	]);
	await expect(diff.locator('li.dropped', { hasText: 'provider' }).first()).toContainText(
		'read by OpenRouter',
	);
});

test('without the toggle nothing extra is sent', async ({ page }) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, request);
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });
	const [chat] = await emulator.chatRequests();
	expect(chat?.body).toEqual(request);
	await expect(response(page).region.getByRole('region', { name: 'Upstream request' })).toHaveCount(
		0,
	);
});
