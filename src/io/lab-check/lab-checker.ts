/**
 * The page's side of the lab's check worker (io/worker-queue.ts): one check at a time, in order;
 * a pattern that runs past `limitMs` has the worker terminated and fails with a reason. Patterns
 * only: the other checks run in place (core/lab/check.ts).
 */
import { evaluate, type Verdict } from '../../core/lab/assertions';
import {
	runsPattern,
	timedOut,
	type CheckAssertion,
	type LabCheckReply,
	type LabCheckRequest,
} from '../../core/lab/check';
import { createWorkerQueue, type QueueWorker, type WorkerQueueOptions } from '../worker-queue';

export type LabCheckWorker = QueueWorker<LabCheckRequest, LabCheckReply>;
export type LabCheckerOptions = Partial<WorkerQueueOptions<LabCheckRequest, LabCheckReply>>;

const defaultWorker = (): LabCheckWorker =>
	new Worker(new URL('./lab-check-worker.ts', import.meta.url), {
		type: 'module',
	}) as unknown as LabCheckWorker;

export function createLabChecker(options: LabCheckerOptions = {}): CheckAssertion {
	const limitMs = options.limitMs ?? 250;
	const queue = createWorkerQueue<
		LabCheckRequest,
		Extract<LabCheckReply, { verdict: Verdict }>,
		Verdict
	>(
		{ createWorker: defaultWorker, ...options, limitMs },
		{
			answered: (reply) => reply.verdict,
			timedOut: timedOut(limitMs),
			failed: { pass: false, reason: 'the check could not run' },
			notStarted: { pass: false, reason: 'the check did not start' },
		},
	);
	return async (assertion, cell) => {
		if (!runsPattern(assertion)) return evaluate(assertion, cell);
		// Plain copies: a reactive proxy cannot be posted to a worker.
		return queue.run(
			JSON.parse(JSON.stringify({ assertion, cell })) as Omit<LabCheckRequest, 'id'>,
		);
	};
}
