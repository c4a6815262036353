import type { Usage } from './types';

type TimedRun = {
	/** The body as posted: `stream: true` asked for the answer token by token. */
	body: Record<string, unknown>;
	startedAt: number;
	firstTokenAt: number | null;
	endedAt: number | null;
	completion: { usage: Usage | null; chunks: number };
};

export type RunTimings = {
	/** False when the answer arrived as one body: then there is no first token and no speed. */
	streamed: boolean;
	ttft: number | null;
	total: number | null;
	tokensPerSecond: number | null;
};

/**
 * Whether the answer arrived piece by piece. A `stream: false` request gets one JSON body, and so
 * does a `stream: true` one that a server answered with JSON (docs/openrouter-protocol.md#reading-a-stream):
 * either way everything lands at once, and a "first token" time or a speed read from it would be
 * the time to the whole body and a meaningless rate (thousands of tokens over a millisecond).
 */
export function wasStreamed(run: Pick<TimedRun, 'body' | 'completion'>): boolean {
	return run.body.stream === true && run.completion.chunks > 1;
}

/**
 * Time to first token, total time, and completion tokens per second after the first token; only
 * the total for an answer that arrived as one body.
 */
export function runTimings(run: TimedRun): RunTimings {
	const total = run.endedAt === null ? null : run.endedAt - run.startedAt;
	const streamed = wasStreamed(run);
	if (!streamed) return { streamed, ttft: null, total, tokensPerSecond: null };
	const ttft = run.firstTokenAt === null ? null : run.firstTokenAt - run.startedAt;
	const tokens = run.completion.usage?.completion_tokens;
	const generating =
		run.endedAt !== null && run.firstTokenAt !== null ? run.endedAt - run.firstTokenAt : null;
	const tokensPerSecond =
		tokens !== undefined && generating !== null && generating > 0
			? (tokens / generating) * 1000
			: null;
	return { streamed, ttft, total, tokensPerSecond };
}
