import { KEYS, emulator, expect, response, saveKey, setRequest, test } from './fixtures';

const base = {
	model: 'deepseek/deepseek-chat',
	messages: [{ role: 'user', content: 'Is this reproducible?' }],
	seed: 7,
	max_tokens: 24,
	stream: true,
};

async function runThenReplay(page: import('@playwright/test').Page, body: object, runs: number) {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, body);
	await page.getByRole('button', { name: 'Send' }).click();
	const { region, status } = response(page);
	await expect(status).toContainText('Done', { timeout: 15_000 });
	await region.getByText('Replay on the same provider').click();
	const replay = region.getByRole('region', { name: 'Replay' });
	await replay.getByRole('spinbutton', { name: 'Runs' }).fill(String(runs));
	await replay.getByRole('button', { name: 'Replay', exact: true }).click();
	return replay;
}

test('replay pins the serving provider without fallbacks, keeps the seed, and reports matches', async ({
	page,
}) => {
	const replay = await runThenReplay(page, base, 3);
	await expect(replay).toContainText('3 of 3 matched exactly', { timeout: 20_000 });
	await expect(replay.getByText('Identical')).toHaveCount(3);

	const chats = await emulator.chatRequests();
	expect(chats).toHaveLength(4);
	expect(chats[0]?.body).toEqual(base);
	for (const replayed of chats.slice(1))
		expect(replayed.body).toEqual({
			...base,
			provider: { order: ['novita'], allow_fallbacks: false },
		});
	for (const replayed of chats.slice(1))
		expect(replayed.headers.authorization).toBe(`Bearer ${KEYS.good}`);
});

test('a provider that ignores seed: replays differ, with a word-level diff', async ({ page }) => {
	const body = { ...base, provider: { order: ['deepinfra'], sort: 'price' } };
	const replay = await runThenReplay(page, body, 2);
	await expect(replay).toContainText('0 of 2 matched exactly', { timeout: 20_000 });
	await expect(replay.getByText('Differs')).toHaveCount(2);
	const diff = replay.getByLabel('Differences in run 1');
	await expect(diff.locator('ins').first()).toBeVisible();
	await expect(diff.locator('del').first()).toBeVisible();

	const chats = await emulator.chatRequests();
	expect(chats.slice(1).map((c) => (c.body as { provider?: unknown }).provider)).toEqual([
		{ order: ['deepinfra'], sort: 'price', allow_fallbacks: false },
		{ order: ['deepinfra'], sort: 'price', allow_fallbacks: false },
	]);
});

test('the number of runs is bounded to 10', async ({ page }) => {
	const replay = await runThenReplay(page, { ...base, max_tokens: 4 }, 25);
	await expect(replay).toContainText('10 of 10 matched exactly', { timeout: 30_000 });
	await expect(replay.getByRole('spinbutton', { name: 'Runs' })).toHaveValue('10');
	expect(await emulator.chatRequests()).toHaveLength(11);
});
