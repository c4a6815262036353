import { statsFrom, type GenerationResult } from '../core/generation';

export type { GenerationResult };

export type GenerationOptions = {
	apiKey: string;
	baseUrl: string;
	signal?: AbortSignal;
	/**
	 * Wait before the first try: a record asked for at once almost always 404s
	 * (docs/openrouter-protocol.md#generation-stats).
	 */
	firstTryAfterMs?: number;
	/** Waits before each retry while the record is not there yet (404). */
	delaysMs?: readonly number[];
	/** Called before each wait: the try that failed (1-based) and how many tries there are at most. */
	onWait?: (attempt: number, attempts: number) => void;
	fetch?: typeof fetch;
	sleep?: (ms: number) => Promise<void>;
};

const FIRST_TRY_AFTER_MS = 500;
const DELAYS = [500, 1000, 1500, 2500, 4000] as const;

/** setTimeout as a promise that also settles as soon as `signal` aborts. */
const wait = (ms: number, signal?: AbortSignal) =>
	new Promise<void>((resolve) => {
		const timer = setTimeout(resolve, ms);
		signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
	});

/**
 * GET /generation?id=…: a freshly finished generation 404s for a while
 * (docs/openrouter-protocol.md#generation-stats), so the first try
 * waits half a second (a try at once is a wasted request, and it competed with the streams still
 * running in other tabs, B5), then 404 (and 429) is retried with growing waits, six tries over about
 * ten seconds at most; any other failure is returned as a message. The key goes only in the
 * Authorization header, to the API's origin. Never throws.
 */
export async function fetchGeneration(
	id: string,
	options: GenerationOptions,
): Promise<GenerationResult> {
	const doFetch = options.fetch ?? globalThis.fetch;
	const sleep = options.sleep ?? ((ms: number) => wait(ms, options.signal));
	const delays = options.delaysMs ?? DELAYS;
	const url = `${options.baseUrl.replace(/\/+$/, '')}/generation?id=${encodeURIComponent(id)}`;
	const first = options.firstTryAfterMs ?? FIRST_TRY_AFTER_MS;
	if (first > 0) {
		await sleep(first);
		if (options.signal?.aborted) return { ok: false, message: 'cancelled' };
	}
	for (let attempt = 0; ; attempt++) {
		let res: Response;
		try {
			// The key goes only in this header, to the API origin.
			const headers = { Authorization: `Bearer ${options.apiKey}` };
			res = await doFetch(url, { headers, signal: options.signal });
		} catch (error) {
			return {
				ok: false,
				message: `Could not load the generation stats: ${(error as Error).message}`,
			};
		}
		// 404: not recorded yet; 429: asked to slow down. Both are retried a bounded number of times.
		if ((res.status === 404 || res.status === 429) && attempt < delays.length) {
			options.onWait?.(attempt + 1, delays.length + 1);
			await sleep(delays[attempt] as number);
			if (options.signal?.aborted) return { ok: false, message: 'cancelled' };
			continue;
		}
		if (!res.ok)
			return {
				ok: false,
				message:
					res.status === 404
						? `OpenRouter had not published the generation stats after ${attempt + 1} tries; the bill uses usage alone.`
						: `The generation stats failed with ${res.status}.`,
			};
		try {
			const body = (await res.json()) as { data?: Record<string, unknown> };
			if (!body.data || typeof body.data !== 'object')
				return { ok: false, message: 'The generation stats had no data.' };
			return { ok: true, stats: statsFrom(body.data) };
		} catch {
			return { ok: false, message: 'The generation stats were not JSON.' };
		}
	}
}
