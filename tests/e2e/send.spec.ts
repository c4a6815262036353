import {
	KEYS,
	emulator,
	expect,
	response,
	saveKey,
	setRequest,
	test,
	settled,
	draftSaved,
	WATCHED_PACE,
} from './fixtures';

const longRequest = {
	model: 'emulator/long',
	messages: [{ role: 'user', content: 'Write a long story.' }],
	max_tokens: 400,
	stream: true,
};

test.describe(() => {
	test.use({ tokenDelayMs: WATCHED_PACE });
	test('Send streams text that grows while Streaming, then Done with usage', async ({ page }) => {
		await page.goto('./');
		await saveKey(page, KEYS.good);
		await setRequest(page, { ...longRequest, max_tokens: 120 });
		await page.getByRole('button', { name: 'Send' }).click();

		const { status, answer, region } = response(page);
		await expect(status).toContainText('Streaming');
		await expect(answer).not.toBeEmpty();
		const early = (await answer.textContent())?.length ?? 0;
		await expect
			.poll(async () => (await answer.textContent())?.length ?? 0, { timeout: 5000 })
			.toBeGreaterThan(early);
		await expect(status).toContainText('Streaming');
		await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();

		await expect(status).toContainText('Done', { timeout: 15_000 });
		const usage = region.getByRole('region', { name: 'Usage' });
		await expect(usage).toContainText('Prompt');
		await expect(usage).toContainText('Completion');
		await expect(usage).toContainText('Cost');
		await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();
	});
});

test('Ctrl+Enter sends, and the app posts only to the API with the key in the header', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await page.getByRole('textbox', { name: 'Request JSON' }).focus();
	await page.keyboard.press('Control+Enter');
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });
	const [chat] = await emulator.chatRequests();
	expect(chat?.headers.authorization).toBe(`Bearer ${KEYS.good}`);
	expect(chat?.path).toBe('/api/v1/chat/completions');
});

test.describe(() => {
	test.use({ tokenDelayMs: WATCHED_PACE });
	test('Stop keeps the partial answer and says Stopped', async ({ page }) => {
		await page.goto('./');
		await saveKey(page, KEYS.good);
		await setRequest(page, longRequest);
		await page.getByRole('button', { name: 'Send' }).click();
		const { status, answer } = response(page);
		await expect.poll(async () => (await answer.textContent())?.length ?? 0).toBeGreaterThan(40);
		await page.getByRole('button', { name: 'Stop' }).click();
		await expect(status).toContainText('Stopped');
		const kept = await answer.textContent();
		expect(kept?.length).toBeGreaterThan(40);
		// The stream's request has ended (a stream still open would hold this off); nothing came after.
		await settled(page);
		expect(await answer.textContent()).toBe(kept);
		await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();
	});
});

test('a wrong key shows the API message and the 401 status', async ({ page }) => {
	await page.goto('./');
	await saveKey(page, KEYS.unknown);
	await page.getByRole('button', { name: 'Send' }).click();
	const { status, region } = response(page);
	await expect(status).toContainText('Error');
	const alert = region.getByRole('alert');
	await expect(alert).toContainText('User not found.');
	await expect(alert).toContainText('401');
	await expect(alert).not.toContainText(KEYS.unknown);
});

test('a mid-stream error keeps the text received and shows the error', async ({ page }) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, {
		model: 'emulator/mid-stream-error',
		messages: [{ role: 'user', content: 'Hello' }],
		stream: true,
	});
	await page.getByRole('button', { name: 'Send' }).click();
	const { status, answer, region } = response(page);
	await expect(status).toContainText('Error', { timeout: 15_000 });
	await expect(answer).not.toBeEmpty();
	await expect(region.getByRole('alert')).toContainText('502');
});

test('a dropped connection keeps the text and says the connection was lost', async ({ page }) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, {
		model: 'emulator/drop',
		messages: [{ role: 'user', content: 'Hello' }],
		stream: true,
	});
	await page.getByRole('button', { name: 'Send' }).click();
	const { status, answer, region } = response(page);
	await expect(status).toContainText('Error', { timeout: 15_000 });
	await expect(answer).not.toBeEmpty();
	await expect(region.getByRole('alert')).toContainText(/connection lost/i);
});

test('invalid JSON disables Send and names the line', async ({ page }) => {
	await page.goto('./');
	await setRequest(
		page,
		'{\n  "model": "openai/gpt-4o-mini",\n  "messages": [\n    {"role": "user" "content": "hi"}\n  ]\n}',
	);
	const send = page.getByRole('button', { name: 'Send' });
	await expect(send).toBeDisabled();
	const problems = page.getByRole('list', { name: 'Problems in the request' });
	await expect(problems).toContainText('Line 4');
	await expect(page.getByRole('textbox', { name: 'Request JSON' })).toHaveAttribute(
		'aria-invalid',
		'true',
	);
	await setRequest(page, {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: 'hi' }],
	});
	await expect(send).toBeEnabled();
	await expect(problems).toBeHidden();
});

test('the draft survives a reload', async ({ page }) => {
	await page.goto('./');
	const draft = {
		model: 'deepseek/deepseek-chat',
		messages: [{ role: 'user', content: 'keep me' }],
	};
	await setRequest(page, draft);
	await draftSaved(page);
	await page.reload();
	await expect(page.getByRole('textbox', { name: 'Request JSON' })).toHaveValue(
		JSON.stringify(draft, null, 2),
	);
});
