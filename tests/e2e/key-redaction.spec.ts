import { KEYS, expect, response, saveKey, setRequest, test } from './fixtures';
import { copyWholePage, downloadText, storedEverywhere } from './leak-helpers';

/** The second key the emulator's key-echo-401 answer quotes (never the user's). */
const OTHER_KEY = 'sk-or-v1-test-fake-other-key-not-a-secret';

test('a 401 that quotes the Authorization header leaves the key nowhere, also after Forget key', async ({
	page,
	context,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, {
		model: 'emulator/key-echo-401',
		messages: [{ role: 'user', content: 'Hello' }],
		stream: true,
	});
	await page.getByRole('button', { name: 'Send' }).click();
	const { region, status } = response(page);
	await expect(status).toContainText('Error', { timeout: 20_000 });
	const alert = region.getByRole('alert');
	await expect(alert).toContainText('401');
	await expect(alert).toContainText('Authorization: Bearer [key hidden]');

	const leaks = (text: string) => [KEYS.good, OTHER_KEY].filter((key) => text.includes(key));
	expect(leaks(await page.content())).toEqual([]);
	expect(leaks(await copyWholePage(page, alert))).toEqual([]);

	await region.getByText('Raw request and response').click();
	const inspector = region.getByRole('region', { name: 'Raw inspector' });
	await expect(inspector.getByRole('list', { name: 'Body lines' })).toContainText('[key hidden]');
	const sse = await downloadText(page, inspector.getByRole('button', { name: 'Export .sse' }));
	const json = await downloadText(page, inspector.getByRole('button', { name: 'Export .json' }));
	expect(sse).toContain('Bearer [key hidden]');
	expect(leaks(sse + json)).toEqual([]);
	expect(leaks(await page.content())).toEqual([]);

	await page.getByRole('button', { name: 'API key' }).click();
	await page
		.getByRole('dialog', { name: 'API key' })
		.getByRole('button', { name: 'Forget key' })
		.click();
	await expect(page.getByRole('button', { name: 'API key' })).toContainText('not set');
	await page.keyboard.press('Escape');
	// With the key forgotten, only its shape can keep it out: nothing key-shaped is stored at all.
	await expect.poll(() => storedEverywhere(page)).toContain('key-echo-401');
	expect(await storedEverywhere(page)).not.toContain('sk-or-v1-');

	await page.getByRole('button', { name: 'History' }).click();
	const history = page.getByRole('dialog', { name: 'History' });
	await expect(history.getByRole('list', { name: 'Runs' }).getByRole('listitem')).toHaveCount(1);
	const exported = await downloadText(page, history.getByRole('button', { name: 'Export' }));
	expect(exported).toContain('key-echo-401');
	expect(exported).not.toContain('sk-or-v1-');
	expect(leaks(await page.content())).toEqual([]);
});
