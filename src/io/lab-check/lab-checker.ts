/**
 * The page's side of the lab's check worker: one check at a time, in order. A check that runs past
 * `limitMs` once started has the worker terminated (a running regex cannot be interrupted any other
 * way) and fails with a reason; the next check starts a fresh worker. Patterns only: the other
 * checks run in place (core/lab/check.ts).
 */
import { evaluate, type Verdict } from '../../core/lab/assertions';
import {
	runsPattern,
	timedOut,
	type CheckAssertion,
	type LabCheckReply,
	type LabCheckRequest,
} from '../../core/lab/check';

/** The part of `Worker` used here, so tests can give a fake one. */
export type LabCheckWorker = {
	postMessage(request: LabCheckRequest): void;
	terminate(): void;
	onmessage: ((event: MessageEvent<LabCheckReply>) => void) | null;
	onerror: ((event: Event) => void) | null;
};

export type LabCheckerOptions = {
	createWorker?: () => LabCheckWorker;
	limitMs?: number;
	startLimitMs?: number;
	setTimer?: (run: () => void, ms: number) => unknown;
	clearTimer?: (timer: unknown) => void;
};

const defaultWorker = (): LabCheckWorker =>
	new Worker(new URL('./lab-check-worker.ts', import.meta.url), {
		type: 'module',
	}) as unknown as LabCheckWorker;

type Job = { request: LabCheckRequest; resolve: (verdict: Verdict) => void };

export function createLabChecker(options: LabCheckerOptions = {}): CheckAssertion {
	const {
		createWorker = defaultWorker,
		limitMs = 250,
		startLimitMs = 15_000,
		setTimer = (run, ms) => setTimeout(run, ms),
		clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
	} = options;
	let worker: LabCheckWorker | null = null;
	let nextId = 1;
	const waiting: Job[] = [];
	let running: (Job & { timer: unknown }) | null = null;

	const stop = (verdict: Verdict, restart: boolean) => {
		if (!running) return;
		clearTimer(running.timer);
		running.resolve(verdict);
		running = null;
		if (restart) {
			worker?.terminate();
			worker = null;
		}
		startNext();
	};

	function startNext(): void {
		const job = running ? undefined : waiting.shift();
		if (!job) return;
		if (!worker) {
			worker = createWorker();
			worker.onmessage = ({ data }) => {
				if (!running || data.id !== running.request.id) return;
				if ('started' in data) {
					clearTimer(running.timer);
					running.timer = setTimer(() => stop(timedOut(limitMs), true), limitMs);
				} else stop(data.verdict, false);
			};
			worker.onerror = () => stop({ pass: false, reason: 'the check could not run' }, true);
		}
		const fail = { pass: false, reason: 'the check did not start' };
		running = { ...job, timer: setTimer(() => stop(fail, true), startLimitMs) };
		worker.postMessage(job.request);
	}

	return async (assertion, cell) => {
		if (!runsPattern(assertion)) return evaluate(assertion, cell);
		// Plain copies: a reactive proxy cannot be posted to a worker.
		const request = JSON.parse(
			JSON.stringify({ id: nextId++, assertion, cell }),
		) as LabCheckRequest;
		return new Promise((resolve) => {
			waiting.push({ request, resolve });
			startNext();
		});
	};
}
