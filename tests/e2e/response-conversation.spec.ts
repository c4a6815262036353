import { emulator, expect, test } from './fixtures';
import { WEATHER_TOOL, ask, sendRequest } from './response-helpers';

type Message = Record<string, unknown>;

test('parallel tool calls: a result per call, sent with the right tool_call_id', async ({
	page,
}) => {
	const { region } = await sendRequest(page, ask('parallel-tool-calls', { tools: [WEATHER_TOOL] }));
	const form = region.getByRole('form', { name: 'Tool results' });
	await form.getByLabel(/Result for get_weather call_emulator_a/).fill('{"temp": 18}');
	await form.getByLabel(/Result for get_weather call_emulator_b/).fill('{"temp": 12}');
	await form.getByRole('button', { name: 'Continue with results' }).click();
	await expect.poll(async () => (await emulator.chatRequests()).length).toBe(2);
	const second = (await emulator.chatRequests())[1]?.body as { messages: Message[] };
	expect(second.messages.slice(1)).toEqual([
		{
			role: 'assistant',
			content: null,
			tool_calls: [
				{
					id: 'call_emulator_a',
					type: 'function',
					function: { name: 'get_weather', arguments: '{"city": "Paris"}' },
				},
				{
					id: 'call_emulator_b',
					type: 'function',
					function: { name: 'get_weather', arguments: '{"city": "東京"}' },
				},
			],
		},
		{ role: 'tool', tool_call_id: 'call_emulator_a', content: '{"temp": 18}' },
		{ role: 'tool', tool_call_id: 'call_emulator_b', content: '{"temp": 12}' },
	]);
});

test('Add to conversation keeps reasoning_details with their signature', async ({ page }) => {
	const { answer, region } = await sendRequest(page, ask('reasoning'));
	const text = await answer.textContent();
	await region.getByRole('button', { name: 'Add to conversation' }).click();
	const editor = page.getByRole('textbox', { name: 'Request JSON' });
	// The answer is added once its code has loaded (a moment after the click).
	const read = async () => JSON.parse(await editor.inputValue()) as { messages: Message[] };
	await expect.poll(async () => (await read()).messages.length).toBeGreaterThan(1);
	const request = await read();
	const added = request.messages[1] as Message & { reasoning_details: Message[] };
	expect(added.role).toBe('assistant');
	expect(typeof added.content).toBe('string');
	expect((added.content as string).trim()).toBe(text?.trim());
	expect(added.reasoning_details[0]).toMatchObject({
		type: 'reasoning.text',
		text: 'Let me think about this step by step.',
		signature: 'EtQBCkgIBxABGAIqQKnEmulatorSignature==',
	});
	// The continued conversation is what Send posts next.
	await page.getByRole('button', { name: 'Send' }).click();
	await expect.poll(async () => (await emulator.chatRequests()).length).toBe(2);
	const second = (await emulator.chatRequests())[1]?.body as { messages: Message[] };
	expect(second.messages[1]).toEqual(added);
});

test('a tool result typed once is offered again for the same tool', async ({ page }) => {
	const request = ask('parallel-tool-calls', { tools: [WEATHER_TOOL] });
	const { region } = await sendRequest(page, request);
	const form = region.getByRole('form', { name: 'Tool results' });
	await form.getByLabel(/Result for get_weather call_emulator_a/).fill('{"temp": 18}');
	await form.getByLabel(/Result for get_weather call_emulator_b/).fill('{"temp": 12}');
	await form.getByRole('button', { name: 'Add to conversation' }).click();

	// The same tool is called again (after a reload, too): pick the saved results instead of typing.
	await page.reload();
	await sendRequest(page, request);
	const again = page.getByRole('form', { name: 'Tool results' });
	await again
		.getByRole('combobox', { name: 'Saved results for get_weather call_emulator_a' })
		.selectOption('{"temp": 18}');
	await again
		.getByRole('combobox', { name: 'Saved results for get_weather call_emulator_b' })
		.selectOption('{"temp": 12}');
	await again.getByRole('button', { name: 'Continue with results' }).click();
	await expect.poll(async () => (await emulator.chatRequests()).length).toBe(3);
	const last = (await emulator.chatRequests())[2]?.body as { messages: Message[] };
	expect(last.messages.slice(-2)).toEqual([
		{ role: 'tool', tool_call_id: 'call_emulator_a', content: '{"temp": 18}' },
		{ role: 'tool', tool_call_id: 'call_emulator_b', content: '{"temp": 12}' },
	]);
});
