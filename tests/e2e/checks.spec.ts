import { expect, setRequest, test } from './fixtures';

test('a parameter the model does not support shows a warning, and goes when the model changes', async ({
	page,
}) => {
	await page.goto('./');
	const checks = page.getByRole('region', { name: 'Checks' });
	await setRequest(page, {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: 'hi' }],
		top_k: 40,
		max_tokens: 100,
	});
	const warnings = checks.getByRole('list', { name: 'Warnings' });
	await expect(warnings).toContainText(
		'openai/gpt-4o-mini does not list "top_k": it will be ignored',
	);
	// DeepSeek V3 lists top_k: the warning goes.
	await setRequest(page, {
		model: 'deepseek/deepseek-chat',
		messages: [{ role: 'user', content: 'hi' }],
		top_k: 40,
		max_tokens: 100,
	});
	await expect(warnings).toBeHidden();
	// Send stays possible: the API ignores what a model cannot use.
	await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();
});

test('out-of-range values and broken strict schemas are flagged; the cost is estimated', async ({
	page,
}) => {
	await page.goto('./');
	await setRequest(page, {
		model: 'openai/gpt-4o-mini',
		messages: [{ role: 'user', content: 'x'.repeat(400) }],
		temperature: 3,
		max_tokens: 1000,
		response_format: {
			type: 'json_schema',
			json_schema: {
				name: 'x',
				strict: true,
				schema: { type: 'object', properties: { a: { type: 'string' } } },
			},
		},
	});
	const checks = page.getByRole('region', { name: 'Checks' });
	await expect(checks).toContainText('temperature must be ≤ 2');
	await expect(checks).toContainText(
		'response_format schema: strict mode: the root needs "additionalProperties": false',
	);
	// ~130 prompt tokens (text and schema) at $0.15/M plus 1000 completion tokens at $0.6/M ≈ $0.00062.
	const estimate = checks.getByLabel('Cost estimate');
	await expect(estimate).toContainText('≈');
	await expect(estimate).toContainText('up to 1000 completion tokens');
	const high = /– \$([\d.]+)/.exec((await estimate.textContent()) ?? '')?.[1];
	expect(Number(high)).toBeGreaterThan(0.0006);
	expect(Number(high)).toBeLessThan(0.00064);
});
