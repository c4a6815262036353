import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { generateCurl } from '../../src/core/codegen/curl';
import { TARGETS } from '../../src/core/codegen/targets';
import { decodeShare } from '../../src/core/share/codec';
import { deflateRaw } from '../../src/io/deflate';
import { E2E } from '../scripts/ports';
import {
	KEYS,
	emulator,
	expect,
	response,
	saveKey,
	setRequest,
	test,
	draftSaved,
} from './fixtures';

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

/** The six tabs of the UI contract, in order. */
const TAB_NAMES = [
	'curl',
	'TypeScript',
	'TypeScript (OpenAI SDK)',
	'TypeScript (OpenRouter SDK)',
	'Python',
	'Python (OpenAI SDK)',
];

test('the Code tabs follow the UI contract and the arrow keys, and the choice is remembered', async ({
	page,
}) => {
	await page.goto('./');
	const code = page.getByRole('region', { name: 'Code' });
	const tabs = code.getByRole('tablist').getByRole('tab');
	await expect(tabs).toHaveText(TAB_NAMES);
	expect(TARGETS.map((t) => t.label)).toEqual(TAB_NAMES);
	await code.getByRole('tab', { name: 'curl', exact: true }).focus();
	await page.keyboard.press('ArrowRight');
	const typescript = code.getByRole('tab', { name: 'TypeScript', exact: true });
	await expect(typescript).toBeFocused();
	await expect(typescript).toHaveAttribute('aria-selected', 'true');
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('ArrowLeft');
	const last = code.getByRole('tab', { name: 'Python (OpenAI SDK)' });
	await expect(last).toBeFocused();
	await expect(code.getByRole('tabpanel')).toContainText('from openai import OpenAI');
	await page.keyboard.press('Home');
	await page.keyboard.press('End');
	await expect(last).toHaveAttribute('aria-selected', 'true');
	await expect(code.getByRole('tab', { selected: true })).toHaveCount(1);
	await page.reload();
	await expect(last).toHaveAttribute('aria-selected', 'true');
	await expect(code.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-python-openai');
});

test('every tab shows exactly the generated code, Copy and Download give exactly that, and no tab holds the key', async ({
	page,
	context,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, nasty);
	const code = page.getByRole('region', { name: 'Code' });
	for (const target of TARGETS) {
		await code.getByRole('tab', { name: target.label, exact: true }).click();
		const expected = target.generate(nasty, { baseUrl: E2E.apiBaseUrl });
		const panel = code.getByRole('tabpanel');
		await expect(panel).toHaveAttribute('aria-labelledby', `tab-${target.id}`);
		expect(await panel.textContent()).toBe(expected);
		expect(expected).not.toContain(KEYS.good);

		await code.getByRole('button', { name: 'Copy code' }).click();
		await expect(code.getByText('Copied', { exact: true })).toBeVisible();
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			code.getByRole('button', { name: 'Download' }).click(),
		]);
		expect(download.suggestedFilename()).toBe(target.filename);
		expect(readFileSync((await download.path())!, 'utf8')).toBe(expected);
		if (target.install) await expect(code).toContainText(target.install);
	}
	expect(await page.content()).not.toContain(KEYS.good);
});

test('large inline data can be shortened for reading while Copy keeps all of it', async ({
	page,
	context,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const url = `data:image/png;base64,${'iVBORw0KGgo'.repeat(2000)}`;
	const body = {
		model: 'google/gemini-2.5-flash',
		messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url } }] }],
	};
	await page.goto('./');
	await setRequest(page, body);
	const code = page.getByRole('region', { name: 'Code' });
	const panel = code.getByRole('tabpanel');
	await expect(panel).toContainText(url);
	const shorten = code.getByRole('checkbox', { name: 'Shorten inline data for reading' });
	await shorten.check();
	await expect(panel).toContainText('characters hidden');
	await expect(panel).not.toContainText(url);
	await code.getByRole('button', { name: 'Copy code' }).click();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
		generateCurl(body, { baseUrl: E2E.apiBaseUrl }),
	);
	// The draft is saved after a pause in typing; the choice itself is saved at once.
	await draftSaved(page);
	await page.reload();
	await expect(page.getByRole('textbox', { name: 'Request JSON' })).toHaveValue(/iVBORw0KGgo/);
	await expect(shorten).toBeChecked();
	await expect(panel).toContainText('characters hidden');
});

test('Copy as link copies the share link of the request', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('./');
	await setRequest(page, nasty);
	const code = page.getByRole('region', { name: 'Code' });
	await code.getByRole('button', { name: 'Copy as link' }).click();
	await expect(code.getByText('Link copied')).toBeVisible();
	const link = await page.evaluate(() => navigator.clipboard.readText());
	const decoded = await decodeShare(new URL(link).hash, deflateRaw);
	expect(decoded).toMatchObject({ kind: 'request', request: nasty });
});

test('the Code panel says when its code cannot load, and Try again loads it', async ({ page }) => {
	// The code chunk fails once, as it does offline before it was ever cached.
	let fail = true;
	await page.route(/\/assets\/SnippetBody-[\w-]+\.js$/, (route) =>
		fail ? route.abort('internetdisconnected') : route.continue(),
	);
	await page.goto('./');
	const code = page.getByRole('region', { name: 'Code' });
	await expect(code.getByRole('alert')).toContainText('The code samples could not load');
	// The rest of the page works meanwhile.
	await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeVisible();
	fail = false;
	await code.getByRole('button', { name: 'Try again' }).click();
	await expect(code.getByRole('tabpanel')).toContainText('curl');
	await expect(code.getByRole('alert')).toHaveCount(0);
});
