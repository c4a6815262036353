/**
 * The page's side of the schema worker (io/worker-queue.ts): one check at a time, in order; a
 * check that runs past `limitMs` (a pathological pattern) has the worker terminated and reports a
 * time-out. A check that has not started when a newer one with the same key comes is dropped
 * ("superseded"), as only the latest text matters.
 */
import {
	TIMED_OUT_MESSAGE,
	type CheckOptions,
	type CheckOutcome,
	type CheckReply,
	type CheckRequest,
	type CheckSchema,
} from '../../core/schema/check';
import { createWorkerQueue, type QueueWorker, type WorkerQueueOptions } from '../worker-queue';

export type CheckWorker = QueueWorker<CheckRequest, CheckReply>;
export type SchemaCheckerOptions = Partial<WorkerQueueOptions<CheckRequest, CheckReply>>;

const defaultWorker = (): CheckWorker =>
	new Worker(new URL('./worker.ts', import.meta.url), {
		type: 'module',
	}) as unknown as CheckWorker;

export function createSchemaChecker(options: SchemaCheckerOptions = {}): CheckSchema {
	const queue = createWorkerQueue<
		CheckRequest,
		Extract<CheckReply, { issues: unknown }>,
		CheckOutcome
	>(
		{ createWorker: defaultWorker, ...options },
		{
			answered: (reply) => ({ state: 'checked', issues: reply.issues }),
			timedOut: { state: 'timed-out', message: TIMED_OUT_MESSAGE },
			failed: { state: 'timed-out', message: 'the schema check could not run' },
			notStarted: { state: 'timed-out', message: 'the schema check did not start' },
		},
	);
	return (schema: unknown, value: unknown, opts: CheckOptions = {}) => {
		if (opts.key !== undefined) queue.drop(opts.key, { state: 'superseded' });
		const request = {
			schema: JSON.stringify(schema ?? true),
			value,
			partial: opts.partial === true,
		};
		return queue.run(request, opts.key);
	};
}
