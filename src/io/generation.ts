import { statsFrom, type GenerationResult } from '../core/generation';

export type { GenerationResult };

export type GenerationOptions = {
	apiKey: string;
	baseUrl: string;
	signal?: AbortSignal;
	/** Waits before each retry while the record is not there yet (404). */
	delaysMs?: readonly number[];
	fetch?: typeof fetch;
	sleep?: (ms: number) => Promise<void>;
};

const DELAYS = [500, 1000, 1500, 2500, 4000] as const;

/**
 * GET /generation?id=…: a freshly finished generation 404s for a while (§9), so 404 is retried with
 * growing waits; any other failure is returned as a message. Never throws.
 */
export async function fetchGeneration(
	id: string,
	options: GenerationOptions,
): Promise<GenerationResult> {
	const doFetch = options.fetch ?? globalThis.fetch;
	const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
	const delays = options.delaysMs ?? DELAYS;
	const url = `${options.baseUrl.replace(/\/+$/, '')}/generation?id=${encodeURIComponent(id)}`;
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
		if (res.status === 404 && attempt < delays.length) {
			await sleep(delays[attempt] as number);
			if (options.signal?.aborted) return { ok: false, message: 'cancelled' };
			continue;
		}
		if (!res.ok)
			return {
				ok: false,
				message:
					res.status === 404
						? 'The generation stats were still not available after several tries.'
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
