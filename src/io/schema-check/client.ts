/**
 * The page's side of the schema worker: one check at a time, in order; a check that has not
 * started when a newer one with the same key comes is dropped ("superseded"), as only the latest
 * text matters; a check that runs
 * past `limitMs` once started has the worker terminated (a regular expression cannot be
 * interrupted any other way) and reports a time-out; the next check starts a fresh worker.
 * The clock starts when the worker says it started, so the worker's own start-up on a loaded
 * machine is not counted against the pattern.
 */
import {
	TIMED_OUT_MESSAGE,
	type CheckOptions,
	type CheckOutcome,
	type CheckReply,
	type CheckRequest,
	type CheckSchema,
} from '../../core/schema/check';

/** The part of `Worker` used here, so tests can give a fake one. */
export type CheckWorker = {
	postMessage(request: CheckRequest): void;
	terminate(): void;
	onmessage: ((event: MessageEvent<CheckReply>) => void) | null;
	onerror: ((event: Event) => void) | null;
};

export type SchemaCheckerOptions = {
	createWorker?: () => CheckWorker;
	/** How long a started check may run. */
	limitMs?: number;
	/** How long a worker may take to start a check at all (to load). */
	startLimitMs?: number;
	setTimer?: (run: () => void, ms: number) => unknown;
	clearTimer?: (timer: unknown) => void;
};

type Job = {
	key: string | undefined;
	request: CheckRequest;
	resolve: (outcome: CheckOutcome) => void;
};

const defaultWorker = (): CheckWorker =>
	new Worker(new URL('./worker.ts', import.meta.url), {
		type: 'module',
	}) as unknown as CheckWorker;

export function createSchemaChecker(options: SchemaCheckerOptions = {}): CheckSchema {
	const {
		createWorker = defaultWorker,
		limitMs = 250,
		startLimitMs = 15_000,
		setTimer = (run, ms) => setTimeout(run, ms),
		clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
	} = options;
	let worker: CheckWorker | null = null;
	let running: (Job & { timer: unknown }) | null = null;
	const waiting: Job[] = [];
	let nextId = 1;

	const stop = (outcome: CheckOutcome, restart: boolean) => {
		if (!running) return;
		clearTimer(running.timer);
		running.resolve(outcome);
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
					running.timer = setTimer(
						() => stop({ state: 'timed-out', message: TIMED_OUT_MESSAGE }, true),
						limitMs,
					);
				} else stop({ state: 'checked', issues: data.issues }, false);
			};
			worker.onerror = () =>
				stop({ state: 'timed-out', message: 'the schema check could not run' }, true);
		}
		running = {
			...job,
			timer: setTimer(
				() => stop({ state: 'timed-out', message: 'the schema check did not start' }, true),
				startLimitMs,
			),
		};
		worker.postMessage(job.request);
	}

	return (schema: unknown, value: unknown, opts: CheckOptions = {}) =>
		new Promise<CheckOutcome>((resolve) => {
			for (let i = waiting.length - 1; i >= 0; i--) {
				const old = waiting[i] as Job;
				if (opts.key === undefined || old.key !== opts.key) continue;
				old.resolve({ state: 'superseded' });
				waiting.splice(i, 1);
			}
			const request = {
				id: nextId++,
				schema: JSON.stringify(schema ?? true),
				value,
				partial: opts.partial === true,
			};
			waiting.push({ key: opts.key, request, resolve });
			startNext();
		});
}
