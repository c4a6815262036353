import type { PlaygroundError } from '../errors';
import type { FinishedRun } from '../history/from-run';
import { EMPTY_COMPLETION, finishCompletion, foldEvent } from '../stream/accumulate';
import type { StreamEvent } from '../stream/types';

export type ColumnStatus = 'streaming' | 'done' | 'stopped' | 'error';

/** One compare column's run: the same shape as the playground's Run, so timings and history fit. */
export type ColumnRun = FinishedRun<ColumnStatus>;

export function startColumnRun(body: Record<string, unknown>, now: number): ColumnRun {
	return {
		status: 'streaming',
		completion: EMPTY_COMPLETION,
		body,
		startedAt: now,
		firstTokenAt: null,
		endedAt: null,
		generationId: null,
		httpStatus: null,
	};
}

/** Folds one event with core/stream/accumulate; the first text, reasoning or tool call is TTFT. */
export function foldColumnRun(run: ColumnRun, event: StreamEvent, now: number): ColumnRun {
	const completion = foldEvent(run.completion, event);
	const next = { ...run, completion };
	if (event.type === 'open') {
		next.generationId = event.generationId;
		next.httpStatus = event.status;
	}
	const produced =
		completion.text !== run.completion.text ||
		completion.reasoning !== run.completion.reasoning ||
		completion.toolCalls !== run.completion.toolCalls;
	if (next.firstTokenAt === null && produced) next.firstTokenAt = now;
	return next;
}

/** Ends a run: stopped when aborted, an error when it broke off, else done. */
export function endColumnRun(
	run: ColumnRun,
	end: { aborted: boolean; sawEnd: boolean; thrown?: unknown },
	now: number,
): ColumnRun {
	let completion = run.completion;
	if (end.thrown !== undefined) {
		const unexpected: PlaygroundError = { kind: 'protocol', message: String(end.thrown) };
		completion = foldEvent(completion, { type: 'error', error: unexpected });
	}
	if (end.aborted) completion = finishCompletion(completion, 'aborted');
	else if (!end.sawEnd && !completion.complete && !completion.error)
		completion = finishCompletion(completion, 'end');
	const status: ColumnStatus = end.aborted ? 'stopped' : completion.error ? 'error' : 'done';
	return { ...run, completion, status, endedAt: now };
}
