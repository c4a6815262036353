/**
 * axe-core on the views a11y.spec.ts does not reach, in the light and the dark scheme: a finished
 * answer rendered as markdown (heading, list, table, link, code block), the Code panel on each of
 * its tabs, and the Import curl dialog with an error. Plus prefers-reduced-motion on every element.
 */
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { KEYS, expect, response, saveKey, setRequest, test } from './fixtures';

const MARKDOWN = [
	'## Streaming, briefly',
	'',
	'- **Server-sent events** carry one chunk per line',
	'- a [link to the docs](https://openrouter.ai/docs) and `inline code`',
	'',
	'| tokens | ms |',
	'| --- | --- |',
	'| 10 | 42 |',
	'',
	'```ts',
	'const answer = await fetch(url);',
	'```',
].join('\n');

async function markdownRun(page: Page) {
	await saveKey(page, KEYS.good);
	await setRequest(page, {
		model: 'emulator/echo',
		messages: [{ role: 'user', content: MARKDOWN }],
		stream: true,
	});
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done');
	await expect(response(page).answer.getByRole('table')).toBeVisible();
	await expect(
		response(page).answer.getByRole('heading', { name: 'Streaming, briefly' }),
	).toBeVisible();
}

for (const scheme of ['light', 'dark'] as const) {
	test.describe(`${scheme} scheme`, () => {
		test.beforeEach(async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto('./');
			await expect(page.getByRole('textbox', { name: 'Request JSON' })).toBeVisible();
		});

		test('a markdown answer and every Code tab have no serious violation', async ({ page }) => {
			// Seven axe passes over the whole page: 15 s on an idle machine, more on a busy one.
			test.slow();
			await markdownRun(page);
			expect(await seriousViolations(page)).toEqual([]);
			const code = page.getByRole('region', { name: 'Code' });
			const tabs = code.getByRole('tab');
			const count = await tabs.count();
			expect(count).toBeGreaterThan(1);
			for (let i = 0; i < count; i++) {
				await tabs.nth(i).click();
				await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
				expect(await seriousViolations(page, { include: 'section[aria-label="Code"]' })).toEqual(
					[],
				);
			}
		});

		test('the Import curl dialog, empty and with an error, has no serious violation', async ({
			page,
		}) => {
			await page.getByRole('button', { name: 'Import curl' }).click();
			const dialog = page.getByRole('dialog', { name: 'Import curl' });
			await expect(dialog).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
			await dialog.getByLabel('curl command').fill('curl https://example.com -d "{not json"');
			await dialog.getByRole('button', { name: 'Import' }).click();
			await expect(dialog.getByRole('alert')).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
		});
	});
}

/** Every element's longest transition or animation, in ms, and the animations running now. */
const motion = (page: Page) =>
	page.evaluate(() => {
		const longest = (list: string) =>
			Math.max(
				...list.split(',').map((part) => parseFloat(part) * (part.includes('ms') ? 1 : 1000)),
			);
		let max = 0;
		for (const el of document.querySelectorAll('*')) {
			const style = getComputedStyle(el);
			max = Math.max(max, longest(style.transitionDuration), longest(style.animationDuration));
		}
		const running = document
			.getAnimations()
			.map((a) => Number(a.effect?.getComputedTiming().duration ?? 0))
			.filter((ms) => ms > 1);
		return { max, running };
	});

test('with prefers-reduced-motion, nothing on the page moves for more than a millisecond', async ({
	page,
}) => {
	await page.emulateMedia({ reducedMotion: 'no-preference' });
	await page.goto('./');
	await markdownRun(page);
	// The control: without the preference there are transitions to switch off.
	expect((await motion(page)).max).toBeGreaterThan(50);

	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.getByRole('textbox', { name: 'Request JSON' }).focus();
	await expect(page.locator('.monaco-editor').first()).toBeVisible();
	await page.getByRole('button', { name: 'Send' }).hover();
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(response(page).status).toContainText('Done');
	await page.getByRole('button', { name: 'Settings' }).click();
	await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
	const reduced = await motion(page);
	expect(reduced.max).toBeLessThanOrEqual(1);
	expect(reduced.running).toEqual([]);
});

/** The focused element (or, inside Monaco, the editor's frame) draws a ring: outline or shadow. */
const focusRing = (page: Page) =>
	page.evaluate(() => {
		const active = document.activeElement as HTMLElement | null;
		if (!active || active === document.body) return { what: 'nothing', ring: false };
		const target = active.closest<HTMLElement>('[data-testid="monaco-host"]') ?? active;
		const style = getComputedStyle(target);
		const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
		const shadow = style.boxShadow !== 'none';
		const what = `${active.tagName.toLowerCase()} ${active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 30) ?? ''}`;
		return { what, ring: outline || shadow };
	});

test('every stop on the way through the page by Tab shows a focus ring', async ({ page }) => {
	// Up to 120 Tab presses, each followed by a style read: slow on a busy machine.
	test.slow();
	await page.goto('./');
	await markdownRun(page);
	await page.getByRole('heading', { name: 'OpenRouter Playground' }).click();
	const missing: string[] = [];
	const seen = new Set<string>();
	for (let i = 0; i < 120; i++) {
		await page.keyboard.press('Tab');
		// Tab indents inside the editor; Escape first lets it move on.
		if (await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor')))
			await page.keyboard.press('Escape');
		const { what, ring } = await focusRing(page);
		// Past the last control focus goes to the browser's own UI, then round again.
		if (what === 'nothing') continue;
		seen.add(what);
		if (!ring) missing.push(what);
	}
	expect(seen.size).toBeGreaterThan(20);
	expect([...new Set(missing)]).toEqual([]);
});
