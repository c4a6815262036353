import { expect, test } from './fixtures';
import { WEATHER_TOOL, ask, sendRequest } from './response-helpers';

for (const stream of [true, false]) {
	test(`reasoning is shown once, with model, provider and both finish reasons (stream: ${stream})`, async ({
		page,
	}) => {
		const { region, answer } = await sendRequest(page, ask('reasoning', { stream }));
		const reasoning = region.getByRole('region', { name: 'Reasoning' });
		await expect(reasoning).toHaveText('Let me think about this step by step.');
		await expect(answer).toContainText('Hello');
		const served = region.getByLabel('Served by');
		await expect(served).toContainText('via');
		if (stream) await expect(served).toContainText('finish: stop (native: end_turn)');
		else await expect(served).toContainText('finish: stop');
	});
}

test('encrypted reasoning is shown as such', async ({ page }) => {
	const { region } = await sendRequest(page, ask('reasoning-encrypted'));
	const reasoning = region.getByRole('region', { name: 'Reasoning' });
	await expect(reasoning).toContainText('Encrypted reasoning');
	await expect(reasoning).toContainText('openai-responses-v1');
});

test('a tool call split across chunks is assembled, pretty-printed and checked against its schema', async ({
	page,
}) => {
	const strict = structuredClone(WEATHER_TOOL);
	strict.function.parameters.properties.unit.enum = ['fahrenheit'];
	const { region } = await sendRequest(page, ask('tool-calls', { tools: [strict] }));
	const tools = region.getByRole('region', { name: 'Tool calls' });
	await expect(tools).toContainText('get_weather');
	await expect(tools).toContainText('toolu_vrtx_01EmulatorCall');
	await expect(tools.locator('pre')).toHaveText('{\n  "city": "Paris",\n  "unit": "celsius"\n}');
	await expect(tools.getByRole('list', { name: 'Schema problems' })).toContainText(
		'/unit must be one of "fahrenheit"',
	);
});

test('arguments that are not JSON are flagged', async ({ page }) => {
	const { region } = await sendRequest(page, ask('tool-calls-bad-json', { tools: [WEATHER_TOOL] }));
	await expect(region.getByRole('region', { name: 'Tool calls' })).toContainText(
		'The arguments are not valid JSON',
	);
});

test('parallel tool calls are listed separately and match the schema', async ({ page }) => {
	const { region } = await sendRequest(page, ask('parallel-tool-calls', { tools: [WEATHER_TOOL] }));
	const tools = region.getByRole('region', { name: 'Tool calls' });
	await expect(tools.getByRole('article')).toHaveCount(2);
	await expect(tools).toContainText('東京');
	await expect(tools.getByText("arguments match the tool's schema")).toHaveCount(2);
});

test('an image is shown and can be downloaded', async ({ page }) => {
	const { region } = await sendRequest(page, ask('image'));
	const images = region.getByRole('region', { name: 'Images' });
	await expect(images.getByRole('img')).toBeVisible();
	const link = images.getByRole('link', { name: 'Download image 1' });
	await expect(link).toHaveAttribute('download', 'image-1.png');
	const download = page.waitForEvent('download');
	await link.click();
	expect((await download).suggestedFilename()).toBe('image-1.png');
});

test('citations from annotations are links that open safely', async ({ page }) => {
	const { region } = await sendRequest(page, ask('annotations'));
	const citations = region.getByRole('region', { name: 'Citations' });
	const link = citations.getByRole('link', { name: 'How routing works' });
	await expect(link).toHaveAttribute('href', 'https://example.org/openrouter-routing');
	await expect(link).toHaveAttribute('rel', /noopener noreferrer/);
	await expect(citations.getByRole('listitem')).toHaveCount(2);
});

test('a refusal is shown', async ({ page }) => {
	const { region } = await sendRequest(page, ask('refusal'));
	await expect(region.getByRole('note')).toContainText(
		"Refusal: I'm sorry, but I can't help with that.",
	);
	await expect(region.getByLabel('Served by')).toContainText('native: refusal');
});

test('logprobs are a heat map with top alternatives', async ({ page }) => {
	const { region } = await sendRequest(page, ask('logprobs', { logprobs: true, top_logprobs: 2 }));
	const heat = region.getByRole('region', { name: 'Token probabilities' });
	const first = heat.getByRole('button').first();
	await expect(first).toHaveAccessibleName('"Hello" 100.00%');
	await heat.getByRole('button').nth(1).click();
	await expect(heat.getByRole('table', { name: 'Alternatives' })).toContainText('" alt"');
});

test('usage, timing and the generation stats are shown', async ({ page }) => {
	const { region } = await sendRequest(page, ask('reasoning'));
	const usage = region.getByRole('region', { name: 'Usage' });
	for (const label of [
		'Prompt',
		'Completion',
		'Reasoning',
		'Cost',
		'First token',
		'Total',
		'Speed',
	])
		await expect(usage).toContainText(label);
	const stats = usage.getByLabel('Generation stats');
	await expect(stats).toContainText('Provider latency', { timeout: 15_000 });
	await expect(stats).toContainText('Generation time');
	// The record's counts and cost are explained with the bill.
	await region.getByText('Explain the bill').click();
	const record = region.getByRole('region', { name: 'Bill' }).getByLabel('Generation stats');
	const reasoning = record.getByRole('row', { name: /^Reasoning/ });
	await expect(reasoning.getByRole('cell')).toHaveText(['13', '13', '']);
	await expect(record).toContainText('(matches usage.cost)');
});

test('structured output is checked as it streams and ends valid', async ({ page }) => {
	const schema = WEATHER_TOOL.function.parameters;
	const format = { type: 'json_schema', json_schema: { name: 'weather', strict: true, schema } };
	const content = JSON.stringify({ city: 'Paris', unit: 'celsius' });
	const { region } = await sendRequest(page, {
		...ask('echo', { response_format: format }),
		messages: [{ role: 'user', content }],
	});
	await expect(region.getByRole('region', { name: 'Structured output' })).toContainText(
		'Schema valid',
	);
});

test('structured output names the violating paths', async ({ page }) => {
	const schema = WEATHER_TOOL.function.parameters;
	const format = { type: 'json_schema', json_schema: { name: 'weather', strict: true, schema } };
	const content = JSON.stringify({ unit: 'kelvin', wind: 3 });
	const { region } = await sendRequest(page, {
		...ask('echo', { response_format: format }),
		messages: [{ role: 'user', content }],
	});
	const check = region.getByRole('region', { name: 'Structured output' });
	await expect(check).toContainText('3 violations');
	await expect(check).toContainText('/city is required');
	await expect(check).toContainText('/unit must be one of');
	await expect(check).toContainText('/wind is not an allowed property');
});
