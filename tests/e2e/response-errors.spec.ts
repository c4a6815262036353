import { emulator, expect, response, test, WATCHED_PACE } from './fixtures';
import { ask, sendRequest } from './response-helpers';

test('moderation: code, message, reasons, flagged input and provider', async ({ page }) => {
	const { region } = await sendRequest(page, ask('http-403-moderation'), 'Error');
	const alert = region.getByRole('alert');
	await expect(alert).toContainText('403');
	await expect(alert).toContainText('Your input was flagged for "violence"');
	await expect(alert).toContainText('Moderation: violence');
	await expect(alert).toContainText('Flagged input: How do I…the castle?');
	await expect(alert).toContainText('Provider: OpenAI');
});

test('rate limit: the limits from the body, since the headers are not readable', async ({
	page,
}) => {
	const { region } = await sendRequest(page, ask('http-429'), 'Error');
	const alert = region.getByRole('alert');
	await expect(alert).toContainText('429');
	await expect(alert).toContainText('X-RateLimit-Limit 50 · X-RateLimit-Remaining 0');
	await expect(alert).toContainText('resets');
});

test('provider error: the raw upstream message is shown', async ({ page }) => {
	const { region } = await sendRequest(page, ask('http-502'), 'Error');
	const alert = region.getByRole('alert');
	await expect(alert).toContainText('502');
	await expect(alert).toContainText('Provider: Google');
	await expect(alert).toContainText('Upstream said:');
});

test('a non-stream 200 that carries an error is an error', async ({ page }) => {
	const { region } = await sendRequest(
		page,
		ask('non-stream-200-error', { stream: false }),
		'Error',
	);
	const alert = region.getByRole('alert');
	await expect(alert).toContainText('429');
	await expect(alert).toContainText('Rate limit exceeded: limit_rpm/emulator');
	await expect(alert).toContainText('rate limited upstream');
});

test('choices[0].error keeps the partial content and marks it', async ({ page }) => {
	const { region, answer } = await sendRequest(
		page,
		ask('choice-error', { stream: false }),
		'Error',
	);
	await expect(answer).toContainText('Hello');
	await expect(region.getByRole('alert')).toContainText('Upstream error after partial output');
	await expect(region.getByRole('alert')).toContainText(
		'The text received before the error is kept',
	);
});

test('a stream that ends without [DONE] or a finish reason says connection lost and keeps the text', async ({
	page,
}) => {
	const { region, answer } = await sendRequest(page, ask('drop'), 'Error');
	await expect(answer).toContainText('Hello');
	await expect(region.getByRole('alert')).toContainText('Connection lost');
	await expect(region.getByRole('alert')).toContainText('kept above');
});

test('a missing [DONE] after the finish reason is still a whole answer', async ({ page }) => {
	const { region } = await sendRequest(page, ask('done-missing-after-finish'));
	await expect(region.getByRole('alert')).toHaveCount(0);
});

test.describe(() => {
	test.use({ tokenDelayMs: WATCHED_PACE });
	test('Stop keeps the text, the time and what was received', async ({ page }) => {
		const { status, answer, region } = await sendRequest(
			page,
			ask('long', { max_tokens: 1500 }),
			'Streaming',
		);
		await expect.poll(async () => (await answer.textContent())?.length ?? 0).toBeGreaterThan(40);
		await page.getByRole('button', { name: 'Stop' }).click();
		await expect(status).toContainText('Stopped');
		const usage = region.getByRole('region', { name: 'Usage' });
		await expect(usage).toContainText('Total');
		await expect(usage).toContainText('First token');
		await expect(usage).toContainText(/\d+ chunks, \d+ chars/);
	});
});

test('Retry sends the same request again', async ({ page }) => {
	await sendRequest(page, ask('http-502'), 'Error');
	await page.getByRole('button', { name: 'Retry' }).click();
	await expect(response(page).status).toContainText('Error');
	await expect.poll(async () => (await emulator.chatRequests()).length).toBe(2);
	const [first, second] = await emulator.chatRequests();
	expect(second?.rawBody).toBe(first?.rawBody);
});
