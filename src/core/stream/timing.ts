import type { Usage } from './types';

type TimedRun = {
	startedAt: number;
	firstTokenAt: number | null;
	endedAt: number | null;
	completion: { usage: Usage | null };
};

export type RunTimings = {
	ttft: number | null;
	total: number | null;
	tokensPerSecond: number | null;
};

/** Time to first token, total time, and completion tokens per second after the first token. */
export function runTimings(run: TimedRun): RunTimings {
	const ttft = run.firstTokenAt === null ? null : run.firstTokenAt - run.startedAt;
	const total = run.endedAt === null ? null : run.endedAt - run.startedAt;
	const tokens = run.completion.usage?.completion_tokens;
	const generating =
		run.endedAt !== null && run.firstTokenAt !== null ? run.endedAt - run.firstTokenAt : null;
	const tokensPerSecond =
		tokens !== undefined && generating !== null && generating > 0
			? (tokens / generating) * 1000
			: null;
	return { ttft, total, tokensPerSecond };
}
