import { describeError } from '../errors';
import { runTimings } from '../stream/timing';
import type { Completion } from '../stream/types';
import type { RunRecord, RunRecordStatus } from './record';
import type { Branches } from '../conversation/branches';

/**
 * One run as the playground and each compare column keep it, with their own set of statuses; what
 * history stores of a finished one.
 */
export type FinishedRun<Status extends string = string> = {
	status: Status;
	completion: Completion;
	/** The body exactly as posted: what the snippet showed at Send time. */
	body: Record<string, unknown>;
	startedAt: number;
	firstTokenAt: number | null;
	endedAt: number | null;
	generationId: string | null;
	httpStatus: number | null;
};

const STORED: readonly string[] = ['done', 'stopped', 'error'] satisfies RunRecordStatus[];

/**
 * A record of a finished run, or null for one still going. Images, logprobs and reasoning details
 * are left out: they can be megabytes and the answer is readable without them.
 */
export function recordFromRun(
	run: FinishedRun,
	id: string,
	at: number,
	branches?: Branches,
): RunRecord | null {
	if (!STORED.includes(run.status)) return null;
	const c = run.completion;
	const t = runTimings(run);
	return {
		v: 2,
		id,
		at,
		request: run.body,
		model: typeof run.body.model === 'string' ? run.body.model : '',
		servedModel: c.model,
		provider: c.provider,
		status: run.status as RunRecordStatus,
		answer: {
			text: c.text,
			reasoning: c.reasoning,
			refusal: c.refusal,
			toolCalls: c.toolCalls,
			finishReason: c.finishReason,
		},
		usage: c.usage,
		timings: { ttftMs: t.ttft, totalMs: t.total, tokensPerSecond: t.tokensPerSecond },
		error: c.error ? describeError(c.error) : null,
		generationId: run.generationId,
		httpStatus: run.httpStatus,
		...(branches ? { branches } : {}),
	};
}
