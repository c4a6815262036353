/**
 * Paint timeline for B3, the same for the app and for the baseline page: a MutationObserver counts
 * DOM commits; the first animation frame after commits records the time and how much answer text
 * is on screen. fetch is wrapped only to note when the chat response's headers arrived (the stream
 * start, from which the emulator's token schedule is known).
 */
import type { Page } from '@playwright/test';

export type PaintRecord = { t: number; len: number; commits: number };
export type PaintProbe = { frames: PaintRecord[]; headersAt: number | null };

/** Plain JavaScript: tsx would add `__name()` helpers to a function passed here, absent in the page. */
const PROBE = `
(() => {
	const probe = { frames: [], headersAt: null };
	window.__paint = probe;
	const realFetch = window.fetch.bind(window);
	window.fetch = async (...args) => {
		const response = await realFetch(...args);
		const url = String(args[0] instanceof Request ? args[0].url : args[0]);
		if (url.endsWith('/chat/completions')) probe.headersAt = performance.timeOrigin + performance.now();
		return response;
	};
	let commits = 0;
	const onFrame = () => {
		const len = document.querySelector(SELECTOR)?.textContent?.length ?? 0;
		probe.frames.push({ t: performance.timeOrigin + performance.now(), len, commits });
		commits = 0;
	};
	new MutationObserver(() => {
		if (commits++ === 0) requestAnimationFrame(onFrame);
	}).observe(document, { subtree: true, childList: true, characterData: true });
})();
`;

export async function installPaintProbe(page: Page, answerSelector: string): Promise<void> {
	await page.addInitScript({ content: PROBE.replace('SELECTOR', JSON.stringify(answerSelector)) });
}

export const readPaintProbe = (page: Page): Promise<PaintProbe> =>
	page.evaluate(() => (window as unknown as { __paint: PaintProbe }).__paint);
