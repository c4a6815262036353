/**
 * axe-core on the main views, in the light and the dark scheme: no serious or critical violation.
 * The theme follows prefers-color-scheme (there is no in-app toggle), so each scheme is emulated.
 */
import type { Page } from '@playwright/test';
import { WCAG_TAGS, axeViolations, seriousViolations } from './axe';
import { KEYS, expect, response, saveKey, setRequest, test } from './fixtures';

async function send(page: Page, model: string) {
	await setRequest(page, {
		model,
		messages: [{ role: 'user', content: 'Explain streaming in two sentences.' }],
		max_tokens: 60,
		stream: true,
	});
	await page.getByRole('button', { name: 'Send' }).click();
}

for (const scheme of ['light', 'dark'] as const) {
	test.describe(`${scheme} scheme`, () => {
		test.beforeEach(async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto('./');
			await expect(page.getByRole('textbox', { name: 'Request JSON' })).toBeVisible();
		});

		test('empty view, bad JSON and the shortcut list have no serious violation', async ({
			page,
		}) => {
			expect(await seriousViolations(page)).toEqual([]);
			await setRequest(
				page,
				'{\n  "model": "x",\n  "messages": [ {"role": "user" "content": "hi"} ]\n}',
			);
			await expect(page.getByRole('list', { name: 'Problems in the request' })).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
			await page.getByRole('heading', { name: 'OpenRouter Playground' }).click();
			await page.keyboard.press('?');
			await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
		});

		test('key dialog and settings have no serious violation', async ({ page }) => {
			await page.getByRole('button', { name: 'API key' }).click();
			await expect(page.getByRole('dialog', { name: 'API key' })).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
			await page.keyboard.press('Escape');
			await page.getByRole('button', { name: 'Settings' }).click();
			await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
		});

		test('a streamed answer and an API error have no serious violation', async ({ page }) => {
			await saveKey(page, KEYS.good);
			await send(page, 'emulator/reasoning');
			await expect(response(page).status).toContainText('Done');
			expect(await seriousViolations(page)).toEqual([]);
			await send(page, 'emulator/http-502');
			await expect(response(page).status).toContainText('Error');
			await expect(page.getByRole('alert')).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
		});
	});
}

test('the check itself: a violation planted in the page is reported, in full', async ({ page }) => {
	await page.goto('./');
	await expect(page.getByRole('textbox', { name: 'Request JSON' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await page.evaluate(() => {
		for (let i = 0; i < 4; i++)
			document.querySelector('main')?.append(document.createElement('button'));
	});
	// Only violations are collected, but each with every element it concerns.
	const violations = await axeViolations(page, { tags: WCAG_TAGS });
	expect(violations.map((v) => [v.id, v.impact, v.nodes.length])).toEqual([
		['button-name', 'critical', 4],
	]);
});

test('at 390 px wide nothing scrolls sideways, with or without a key', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('./');
	const overflow = () =>
		page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
		);
	expect(await overflow()).toBe(0);
	await saveKey(page, KEYS.good);
	await expect(page.getByRole('button', { name: 'API key' })).toBeVisible();
	expect(await overflow()).toBe(0);
});
