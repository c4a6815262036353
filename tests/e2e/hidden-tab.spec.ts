/**
 * A hidden tab paints nothing, so an answer streaming there is not rendered until the tab is shown
 * (ui/output/markdown/MarkdownView.svelte): the run still ends, and nothing is lost. Visibility is
 * switched by hand: headless Chromium reports every Playwright page as visible.
 */
import { KEYS, WATCHED_PACE, expect, response, saveKey, setRequest, test } from './fixtures';

test.use({ tokenDelayMs: WATCHED_PACE });

test('an answer streamed in a hidden tab is rendered when the tab is shown, whole', async ({
	page,
}) => {
	await page.addInitScript(() => {
		let state: DocumentVisibilityState = 'visible';
		Object.defineProperty(Document.prototype, 'visibilityState', { get: () => state });
		Object.defineProperty(Document.prototype, 'hidden', { get: () => state === 'hidden' });
		(window as unknown as { setVisibility(s: DocumentVisibilityState): void }).setVisibility = (
			next,
		) => {
			state = next;
			document.dispatchEvent(new Event('visibilitychange'));
		};
	});
	const setVisibility = (state: DocumentVisibilityState) =>
		page.evaluate(
			(s) => (window as unknown as { setVisibility(s: string): void }).setVisibility(s),
			state,
		);
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, {
		model: 'emulator/bench-markdown',
		messages: [{ role: 'user', content: 'Show me markdown' }],
		max_tokens: 150,
		stream: true,
	});
	const { status, answer } = response(page);
	await page.getByRole('button', { name: 'Send' }).click();
	await setVisibility('hidden');
	await expect(status).toContainText('Done', { timeout: 20_000 });
	// Ended while hidden: what was rendered before the tab was hidden, at most, never the end.
	const whileHidden = (await answer.textContent()) ?? '';
	await setVisibility('visible');
	await expect(answer.locator('table')).toBeVisible();
	const shown = (await answer.textContent()) ?? '';
	expect(shown.length).toBeGreaterThan(whileHidden.length);
	expect(shown.startsWith(whileHidden.trim().slice(0, 20))).toBe(true);
});
