import { execFileSync } from 'node:child_process';
import { E2E } from '../scripts/ports';
import { KEYS, emulator, expect, response, saveKey, setRequest, test } from './fixtures';

/** Runs a curl snippet through bash with `curl` replaced by a function that prints its arguments. */
function curlArguments(snippet: string): string[] {
	const script = `curl() { printf '%s\\0' "$@"; }\n${snippet}`;
	const out = execFileSync('bash', ['-c', script], {
		env: { PATH: process.env.PATH, OPENROUTER_API_KEY: 'from-the-environment' },
		encoding: 'utf8',
	});
	return out.split('\0').slice(0, -1);
}

const nasty = {
	model: 'openai/gpt-4o-mini',
	messages: [
		{
			role: 'system',
			content: `It's "quoted", costs $5, runs \`date\` and $(whoami)\\n\tdone 🚀 日本`,
		},
		{ role: 'user', content: "Line one\nline two 'single' \\ backslash" },
	],
	temperature: 0.2,
	max_tokens: 64,
	stream: true,
};

test('the body the emulator received deep-equals the body in the curl snippet', async ({
	page,
}) => {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, nasty);
	const code = page.getByRole('region', { name: 'Code' });
	await expect(code.getByRole('tab', { name: 'curl' })).toHaveAttribute('aria-selected', 'true');
	const snippet = (await code.getByRole('tabpanel').textContent()) ?? '';
	expect(snippet).toContain('$OPENROUTER_API_KEY');
	expect(snippet).not.toContain(KEYS.good);

	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done', { timeout: 15_000 });
	const [received] = await emulator.chatRequests();

	const args = curlArguments(snippet);
	const data = args[args.indexOf('-d') + 1] ?? args[args.indexOf('--data') + 1];
	expect(JSON.parse(data ?? 'null')).toEqual(received?.body);
	expect(received?.body).toEqual(nasty);
	expect(args).toContain('Authorization: Bearer from-the-environment');
	expect(args[0]).toBe(`${E2E.apiBaseUrl}/chat/completions`);
});

test('Copy code puts exactly the snippet on the clipboard', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('./');
	const code = page.getByRole('region', { name: 'Code' });
	const snippet = await code.getByRole('tabpanel').textContent();
	await code.getByRole('button', { name: 'Copy code' }).click();
	await expect(code).toContainText('Copied');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
});

test('the snippet follows the request while it is edited', async ({ page }) => {
	await page.goto('./');
	await setRequest(page, {
		model: 'mistralai/mistral-small',
		messages: [{ role: 'user', content: 'hi' }],
		seed: 42,
	});
	const code = page.getByRole('region', { name: 'Code' });
	await expect(code).toContainText('"model": "mistralai/mistral-small"');
	await expect(code).toContainText('"seed": 42');
});
