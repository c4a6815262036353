/**
 * B5 ten parallel streams: ten tabs in one browser profile (one connection pool, so one HTTP/2
 * connection), each streaming B3's markdown answer, 4 000 tokens at 500 tok/s (5 000 tok/s in all),
 * from the emulator over HTTP/2 + TLS. Ideal: 8.0 s per stream (reference §1.4, B5).
 *
 * - Tabs settle first (the rich editor has loaded in idle time), and each streams once: that first
 *   round, in cold tabs, is shown but not gated. Then ROUNDS rounds; the gated figure is the median
 *   round's slowest tab.
 * - Baseline in the same run: the plain-text-append page (baseline/append.html) in ten tabs, timed
 *   the same way: what ten streams cost this machine with nothing of the app (fetch, SSE, JSON, one
 *   paint per frame).
 * - For contrast: the app over HTTP/1.1, where Chromium opens at most six connections per host.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { benchRequest, saveKeyInUi, setRequestText } from './app-driver';
import { median, round } from './stats';
import type { Bench, BenchContext } from './types';

const TABS = 10;
const TOKENS = 4000;
const RATE = 500;
const ROUNDS = 5;
const MODEL = 'emulator/bench-markdown';
const IDEAL_MS = (TOKENS / RATE) * 1000;

/** One tab's run: ms from its start to its end, timed in the page. */
type TimedRun = (page: Page) => Promise<number>;

/** Clicks Send and resolves with ms until the status says Done (plain script: no tsx helpers). */
const APP_RUN = `new Promise((resolve, reject) => {
	const status = document.querySelector('section[aria-label="Response"] [role="status"]');
	const send = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Send');
	if (!status || !send) return reject(new Error('no Send button or status'));
	const start = performance.now();
	const stuck = setTimeout(() => reject(new Error('no Done after 60 s: ' + status.textContent)), 60000);
	new MutationObserver((_, observer) => {
		const text = status.textContent || '';
		if (!/Done|Error|Stopped/.test(text)) return;
		observer.disconnect();
		clearTimeout(stuck);
		if (text.includes('Done')) resolve(performance.now() - start);
		else reject(new Error('the run ended with ' + text));
	}).observe(status, { childList: true, characterData: true, subtree: true });
	send.click();
})`;
const appRun: TimedRun = (page) => page.evaluate(APP_RUN) as Promise<number>;
/** A run that never ends fails the bench instead of hanging it. */
async function guarded(run: Promise<number>, what: string): Promise<number> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const stuck = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} did not finish in 60 s`)), 60_000);
	});
	try {
		return await Promise.race([run, stuck]);
	} finally {
		clearTimeout(timer);
	}
}
const plainRun: TimedRun = (page) =>
	guarded(page.evaluate('window.startStream({ waitForPaint: false })'), 'the plain page');

type Tabs = { context: BrowserContext; pages: Page[]; run: TimedRun };

async function appTabs(ctx: BenchContext, apiBaseUrl: string | null, count: number): Promise<Tabs> {
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
		await setRequestText(page, benchRequest(TOKENS, MODEL));
		pages.push(page);
	}
	// Idle-time work done: the rich editor (the default) has replaced the plain field in every tab.
	for (const page of pages) await page.locator('.monaco-editor .view-line').first().waitFor();
	return { context, pages, run: appRun };
}

async function plainTabs(ctx: BenchContext, count: number): Promise<Tabs> {
	const context = await ctx.browser.newContext({ ignoreHTTPSErrors: true });
	const hash = new URLSearchParams({
		api: ctx.h2.apiBaseUrl,
		key: ctx.key,
		delay: String(1000 / RATE),
		body: JSON.stringify(JSON.parse(benchRequest(TOKENS, MODEL))),
	});
	const pages: Page[] = [];
	for (let i = 0; i < count; i++) {
		const page = await context.newPage();
		await page.goto(`${ctx.baselineUrl}append.html#${hash}`);
		await page.waitForFunction(() => 'startStream' in window);
		pages.push(page);
	}
	return { context, pages, run: plainRun };
}

/** Every tab at once; each time is taken in its own page, so the order of the calls does not count. */
const together = ({ pages, run }: Tabs) => Promise.all(pages.map(run));

/** The first round (cold tabs), then `rounds` more; the slowest tab of each. */
async function measure(tabs: Tabs, rounds: number) {
	const cold = await together(tabs);
	const slowest: number[] = [];
	for (let i = 0; i < rounds; i++) slowest.push(Math.max(...(await together(tabs))));
	await tabs.context.close();
	return { cold: Math.max(...cold), slowest, gated: median(slowest) ?? Infinity };
}

const list = (values: number[]) => values.map((v) => Math.round(v)).join(', ');

const bench: Bench = {
	id: 'B5',
	title: 'ten parallel streams',
	async run(ctx) {
		const alone = await measure(await appTabs(ctx, ctx.h2.apiBaseUrl, 1), 1);
		const app = await measure(await appTabs(ctx, ctx.h2.apiBaseUrl, TABS), ROUNDS);
		const plain = await measure(await plainTabs(ctx, TABS), ROUNDS);
		const h1 = await measure(await appTabs(ctx, null, TABS), 0);
		ctx.log(
			`slowest tab per round: app ${list(app.slowest)} ms, plain page ${list(plain.slowest)} ms`,
		);
		return [
			{
				id: 'B5',
				metric: `${TABS} tabs × ${TOKENS} markdown tokens at ${RATE} tok/s over HTTP/2: last to finish`,
				value: round(app.gated, 0),
				unit: 'ms',
				baseline: { label: `plain-append page, ${TABS} tabs`, value: round(plain.gated, 0) },
				target: `≤ ideal ${IDEAL_MS} + 200 ms`,
				pass: app.gated <= IDEAL_MS + 200,
				note: `median of ${ROUNDS} rounds (${list(app.slowest)}); one stream alone ${Math.round(alone.gated)} ms`,
			},
			{
				id: 'B5',
				metric: 'the same, first round in cold tabs (code not yet run in each tab)',
				value: round(app.cold, 0),
				unit: 'ms',
				baseline: { label: 'plain-append page, first round', value: round(plain.cold, 0) },
				pass: null,
			},
			{
				id: 'B5',
				metric: 'the same over HTTP/1.1 (six connections per host), last to finish',
				value: round(h1.cold, 0),
				unit: 'ms',
				pass: null,
				note: 'streams 7–10 wait for a free connection',
			},
		];
	},
};
export default bench;
