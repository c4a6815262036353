/**
 * B5 ten parallel streams: ten tabs in one browser profile (one connection pool, so one HTTP/2
 * connection), each streaming B3's markdown answer, 4 000 tokens at 500 tok/s (5 000 tok/s in all),
 * from the emulator over HTTP/2 + TLS. Ideal: 8.0 s per stream (4 000 tokens at 500 tok/s).
 *
 * - The browser is driven over a bare DevTools pipe (raw-cdp.ts), not Playwright, whose Network
 *   domain would add a CDP event per streamed chunk; and, as in a real browser, the nine tabs
 *   behind the front one are hidden (Playwright reports every page as visible and shown).
 * - Tabs settle first (the rich editor has loaded in idle time), and each streams once: that first
 *   round, in cold tabs, is shown but not gated. Then ROUNDS rounds; the gated figure is the median
 *   round's slowest tab.
 * - Baseline in the same run: the plain-text-append page (baseline/append.html) in ten tabs, timed
 *   the same way: what ten streams cost this machine with nothing of the app (fetch, SSE, JSON, one
 *   paint per frame).
 * - For contrast: the app over HTTP/1.1, where Chromium opens at most six connections per host.
 */
import { ensureChromium } from '../scripts/chromium';
import { benchRequest } from './app-driver';
import { RawBrowser, type RawTab } from './raw-cdp';
import { median, round } from './stats';
import type { Bench, BenchContext, Row } from './types';

const TABS = 10;
const TOKENS = 4000;
const RATE = 500;
const ROUNDS = 5;
const MODEL = 'emulator/bench-markdown';
const IDEAL_MS = (TOKENS / RATE) * 1000;

/** One tab's run: ms from its start to its end, timed in the page. */
type TimedRun = (tab: RawTab) => Promise<number>;

/** Clicks Send and resolves with ms until the status says Done. */
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
const appRun: TimedRun = (tab) => tab.evaluate<number>(APP_RUN);
const plainRun: TimedRun = (tab) =>
	tab.evaluate<number>(`Promise.race([
		window.startStream({ waitForPaint: false }),
		new Promise((_, reject) => setTimeout(() => reject(new Error('no end after 60 s')), 60000)),
	])`);

/** Sets a text field the way typing does (Svelte listens for input events). */
const typeInto = (selector: string, text: string) => `(() => {
	const field = document.querySelector(${JSON.stringify(selector)});
	field.value = ${JSON.stringify(text)};
	field.dispatchEvent(new Event('input', { bubbles: true }));
})()`;
const KEY_BUTTON = '[...document.querySelectorAll("button.key")][0]';

type Tabs = { browser: RawBrowser; context: string; tabs: RawTab[]; run: TimedRun };

async function appTabs(
	ctx: BenchContext,
	browser: RawBrowser,
	apiBaseUrl: string | null,
	count: number,
): Promise<Tabs> {
	const context = await browser.newContext();
	const tabs: RawTab[] = [];
	for (let i = 0; i < count; i++) {
		const tab = await browser.newTab(context);
		if (apiBaseUrl)
			await tab.beforeLoad(
				`localStorage.setItem('openrouter-playground:base-url', ${JSON.stringify(JSON.stringify({ v: 1, baseUrl: apiBaseUrl }))})`,
			);
		await tab.goto(ctx.appUrl);
		if (i === 0) {
			// The key, saved through its dialog as a user would; the other tabs read it at load.
			await tab.until(`${KEY_BUTTON}?.textContent.includes('not set')`);
			await tab.evaluate(`${KEY_BUTTON}.click()`);
			await tab.until('document.querySelector(\'dialog[open] input[type="password"]\')');
			await tab.evaluate(typeInto('dialog[open] input[type="password"]', ctx.key));
			await tab.evaluate(
				'[...document.querySelectorAll("dialog[open] button")].find((b) => b.textContent.trim() === "Save key").click()',
			);
		}
		await tab.until(`${KEY_BUTTON}?.textContent.includes('sk-or-')`);
		await tab.until('document.querySelector(\'textarea[aria-label="Request JSON"]\')');
		await tab.evaluate(
			typeInto('textarea[aria-label="Request JSON"]', benchRequest(TOKENS, MODEL)),
		);
		tabs.push(tab);
	}
	// Idle-time work done: the rich editor (the default) has replaced the plain field in every tab
	// (its lines paint only in the front tab: the others are hidden).
	for (const tab of tabs) await tab.until("document.querySelector('.monaco-editor')");
	return { browser, context, tabs, run: appRun };
}

async function plainTabs(ctx: BenchContext, browser: RawBrowser, count: number): Promise<Tabs> {
	const context = await browser.newContext();
	const hash = new URLSearchParams({
		api: ctx.h2.apiBaseUrl,
		key: ctx.key,
		delay: String(1000 / RATE),
		body: JSON.stringify(JSON.parse(benchRequest(TOKENS, MODEL))),
	});
	const tabs: RawTab[] = [];
	for (let i = 0; i < count; i++) {
		const tab = await browser.newTab(context);
		await tab.goto(`${ctx.baselineUrl}append.html#${hash}`);
		await tab.until("'startStream' in window");
		tabs.push(tab);
	}
	return { browser, context, tabs, run: plainRun };
}

/** Every tab at once; each time is taken in its own page, so the order of the calls does not count. */
const together = ({ tabs, run }: Tabs) => Promise.all(tabs.map(run));

/** The first round (cold tabs), then `rounds` more; the slowest tab of each. */
async function measure(tabs: Tabs, rounds: number) {
	const cold = await together(tabs);
	const slowest: number[] = [];
	for (let i = 0; i < rounds; i++) slowest.push(Math.max(...(await together(tabs))));
	await tabs.browser.closeContext(tabs.context);
	return { cold: Math.max(...cold), slowest, gated: median(slowest) ?? Infinity };
}

const list = (values: number[]) => values.map((v) => Math.round(v)).join(', ');

const bench: Bench = {
	id: 'B5',
	title: 'ten parallel streams',
	async run(ctx) {
		// Not Playwright's browser: it would turn every streamed chunk into a CDP event (raw-cdp.ts).
		const browser = RawBrowser.launch(ensureChromium());
		try {
			const alone = await measure(await appTabs(ctx, browser, ctx.h2.apiBaseUrl, 1), 1);
			const app = await measure(await appTabs(ctx, browser, ctx.h2.apiBaseUrl, TABS), ROUNDS);
			const plain = await measure(await plainTabs(ctx, browser, TABS), ROUNDS);
			const h1 = await measure(await appTabs(ctx, browser, null, TABS), 0);
			return rows(ctx, { alone, app, plain, h1 });
		} finally {
			await browser.close();
		}
	},
};
export default bench;

type Measured = Awaited<ReturnType<typeof measure>>;

function rows(
	ctx: BenchContext,
	{ alone, app, plain, h1 }: Record<'alone' | 'app' | 'plain' | 'h1', Measured>,
): Row[] {
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
}
