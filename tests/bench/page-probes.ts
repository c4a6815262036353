/**
 * Scripts run inside the page before anything else (addInitScript): they collect long animation
 * frames and paint timing on `window.__bench`, the same way for the app and for the baselines.
 */
import type { CDPSession, Page } from '@playwright/test';

/** What ran in a long frame (LoAF `scripts[]`): the source file, what invoked it, for how long. */
export type LoafScript = { source: string; invoker: string; duration: number };
/** `render`: the frame's rendering update (rAF callbacks, style, layout, paint), ms; `layout`: its style and layout part. */
export type Loaf = {
	start: number;
	duration: number;
	blocking: number;
	render: number;
	layout: number;
	scripts: LoafScript[];
};

export async function installProbes(page: Page): Promise<void> {
	await page.addInitScript(() => {
		type Script = { sourceURL?: string; invoker?: string; duration: number };
		const bench = {
			loafs: [] as {
				start: number;
				duration: number;
				blocking: number;
				render: number;
				layout: number;
				scripts: { source: string; invoker: string; duration: number }[];
			}[],
		};
		(window as unknown as { __bench: typeof bench }).__bench = bench;
		try {
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) {
					const entry = e as PerformanceEntry & {
						blockingDuration?: number;
						renderStart?: number;
						styleAndLayoutStart?: number;
						scripts?: Script[];
					};
					const end = entry.startTime + entry.duration;
					bench.loafs.push({
						start: entry.startTime,
						duration: entry.duration,
						blocking: entry.blockingDuration ?? 0,
						render: entry.renderStart ? end - entry.renderStart : 0,
						layout: entry.styleAndLayoutStart ? end - entry.styleAndLayoutStart : 0,
						scripts: (entry.scripts ?? []).map((s) => ({
							source: (s.sourceURL ?? '').split('/').pop() ?? '',
							invoker: s.invoker ?? '',
							duration: Math.round(s.duration),
						})),
					});
				}
			}).observe({ type: 'long-animation-frame', buffered: true });
		} catch {
			// Not Chromium: no long-animation-frame entries.
		}
	});
}

export const loafs = (page: Page): Promise<Loaf[]> =>
	page.evaluate(() => (window as unknown as { __bench: { loafs: Loaf[] } }).__bench.loafs);

export async function fcp(page: Page): Promise<number | null> {
	return page.evaluate(
		() =>
			performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')
				?.startTime ?? null,
	);
}

/** CDP main-thread counters (seconds for durations, bytes for the heap). */
export async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
	const { metrics: list } = await cdp.send('Performance.getMetrics');
	return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/**
 * Waits until the page's script time stops growing: under `idleMs` of script in a `windowMs`
 * window, three windows in a row (or `maxMs` in all). Work left over from opening the page and
 * typing the request (Monaco's tokenising, say) then does not count in what is measured next.
 * Returns the script time of the last window, ms.
 */
export async function scriptQuiet(
	cdp: CDPSession,
	{ windowMs = 250, idleMs = 3, maxMs = 10_000 } = {},
): Promise<number> {
	const script = async () => ((await metrics(cdp)).ScriptDuration ?? 0) * 1000;
	const until = Date.now() + maxMs;
	let quiet = 0;
	let last = await script();
	let spent = Infinity;
	while (quiet < 3 && Date.now() < until) {
		await new Promise((resolve) => setTimeout(resolve, windowMs));
		const now = await script();
		spent = now - last;
		last = now;
		quiet = spent < idleMs ? quiet + 1 : 0;
	}
	return spent;
}

export async function heapAfterGc(cdp: CDPSession): Promise<number> {
	await cdp.send('HeapProfiler.enable');
	for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
	return (await metrics(cdp)).JSHeapUsedSize ?? 0;
}

/** Adds X-Emulator-Token-Delay to the app's chat requests (the UI has no such setting). */
export async function paceChat(page: Page, delayMs: number): Promise<void> {
	await page.route('**/api/v1/chat/completions', (route) =>
		route.continue({
			headers: { ...route.request().headers(), 'x-emulator-token-delay': String(delayMs) },
		}),
	);
}
