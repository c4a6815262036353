/**
 * B5 ten parallel streams: ten tabs of the app in one browser profile (one connection pool), each
 * streaming 2 000 tokens at 500 tok/s (5 000 tok/s in all) from the emulator over HTTP/2 + TLS.
 * Ideal: 4.0 s. Baseline in the same run: one stream alone. For contrast, the same over HTTP/1.1,
 * where Chromium opens at most six connections per host and the rest queue.
 */
import type { Page } from '@playwright/test';
import { benchRequest, saveKeyInUi, sendAndWait, setRequestText } from './app-driver';
import { median, round } from './stats';
import type { Bench, BenchContext } from './types';

const TABS = 10;
const TOKENS = 2000;
const IDEAL_MS = (TOKENS / 500) * 1000;

/** Clicks Send in the page and resolves with ms until the status says Done, timed in the page. */
function timedRun(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const region = document.querySelector('section[aria-label="Response"]');
				const status = region?.querySelector('[role="status"]');
				const send = [...document.querySelectorAll('button')].find(
					(b) => b.textContent?.trim() === 'Send',
				);
				if (!status || !send) return reject(new Error('no Send button or status'));
				const start = performance.now();
				new MutationObserver((_, observer) => {
					const text = status.textContent ?? '';
					if (/Done|Error|Stopped/.test(text)) {
						observer.disconnect();
						if (text.includes('Done')) resolve(performance.now() - start);
						else reject(new Error(`the run ended with ${text}`));
					}
				}).observe(status, { childList: true, characterData: true, subtree: true });
				send.click();
			}),
	);
}

async function tabs(ctx: BenchContext, apiBaseUrl: string | null, count: number) {
	const context = await ctx.browser.newContext({ ignoreHTTPSErrors: true });
	if (apiBaseUrl)
		await context.addInitScript((baseUrl) => {
			localStorage.setItem('openrouter-playground:base-url', JSON.stringify({ v: 1, baseUrl }));
		}, apiBaseUrl);
	const pages: Page[] = [];
	for (let i = 0; i < count; i++) {
		const page = await context.newPage();
		await page.goto(ctx.appUrl);
		if (i === 0) await saveKeyInUi(page, ctx.key);
		await page.getByRole('button', { name: 'API key' }).filter({ hasText: 'sk-or-' }).waitFor();
		await setRequestText(page, benchRequest(TOKENS));
		pages.push(page);
	}
	// One warm-up run opens the connection (TLS, h2 session) as a page that was used would have.
	await sendAndWait(pages[0] as Page);
	return { context, pages };
}

async function parallel(ctx: BenchContext, apiBaseUrl: string | null): Promise<number[]> {
	const { context, pages } = await tabs(ctx, apiBaseUrl, TABS);
	const times = await Promise.all(pages.map(timedRun));
	await context.close();
	return times;
}

async function alone(ctx: BenchContext, apiBaseUrl: string | null): Promise<number> {
	const { context, pages } = await tabs(ctx, apiBaseUrl, 1);
	const time = await timedRun(pages[0] as Page);
	await context.close();
	return time;
}

const bench: Bench = {
	id: 'B5',
	title: 'ten parallel streams',
	async run(ctx) {
		const single = await alone(ctx, ctx.h2.apiBaseUrl);
		const h2 = await parallel(ctx, ctx.h2.apiBaseUrl);
		const h1 = await parallel(ctx, null);
		const slowest = Math.max(...h2);
		return [
			{
				id: 'B5',
				metric: `${TABS} tabs × ${TOKENS} tokens at 500 tok/s over HTTP/2: last to finish`,
				value: round(slowest, 0),
				unit: 'ms',
				baseline: { label: 'one stream alone, HTTP/2', value: round(single, 0) },
				target: `≤ ideal ${IDEAL_MS} + 200 ms`,
				pass: slowest <= IDEAL_MS + 200,
				note: `median ${round(median(h2), 0)} ms`,
			},
			{
				id: 'B5',
				metric: 'the same over HTTP/1.1 (six connections per host), last to finish',
				value: round(Math.max(...h1), 0),
				unit: 'ms',
				pass: null,
				note: `median ${round(median(h1), 0)} ms: streams 7–10 wait for a free connection`,
			},
		];
	},
};
export default bench;
