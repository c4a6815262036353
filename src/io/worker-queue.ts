/**
 * Work the page hands to a worker it can kill: one job at a time, in order. A job that runs past
 * `limitMs` once the worker says it started has the worker terminated (a running regular
 * expression cannot be interrupted any other way) and ends with `timedOut`; the next job starts a
 * fresh worker. The clock starts when the worker says it started, so its own start-up on a loaded
 * machine is not counted against the job; a worker that does not start a job within
 * `startLimitMs` (it failed to load) ends it with `notStarted`. Used by the schema checks and the
 * prompt lab's pattern checks.
 */

/** The part of `Worker` used here, so tests can give a fake one. */
export type QueueWorker<Request, Reply> = {
	postMessage(request: Request): void;
	terminate(): void;
	onmessage: ((event: MessageEvent<Reply>) => void) | null;
	onerror: ((event: Event) => void) | null;
};

export type WorkerQueueOptions<Request, Reply> = {
	createWorker: () => QueueWorker<Request, Reply>;
	/** How long a started job may run. */
	limitMs?: number;
	/** How long a worker may take to start a job at all (to load). */
	startLimitMs?: number;
	setTimer?: (run: () => void, ms: number) => unknown;
	clearTimer?: (timer: unknown) => void;
};

/** What a job ends with, in each case. */
export type Outcomes<Reply, Outcome> = {
	/** The worker's answer (not its "started" notice). */
	answered: (reply: Reply) => Outcome;
	timedOut: Outcome;
	/** The worker failed (an error event). */
	failed: Outcome;
	notStarted: Outcome;
};

type Started = { id: number; started: true };

export type WorkerQueue<Request, Outcome> = {
	/** Queues a job (its `id` is set here); `key` names it for `drop`. */
	run(request: Omit<Request, 'id'>, key?: string): Promise<Outcome>;
	/** Ends every job with `key` still waiting with `outcome` (a newer one makes them moot). */
	drop(key: string, outcome: Outcome): void;
};

export function createWorkerQueue<
	Request extends { id: number },
	Reply extends { id: number },
	Outcome,
>(
	options: WorkerQueueOptions<Request, Reply | Started>,
	outcomes: Outcomes<Reply, Outcome>,
): WorkerQueue<Request, Outcome> {
	const {
		createWorker,
		limitMs = 250,
		startLimitMs = 15_000,
		setTimer = (run, ms) => setTimeout(run, ms),
		clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
	} = options;
	type Job = { key: string | undefined; request: Request; resolve: (outcome: Outcome) => void };
	let worker: QueueWorker<Request, Reply | Started> | null = null;
	let running: (Job & { timer: unknown }) | null = null;
	const waiting: Job[] = [];
	let nextId = 1;

	const stop = (outcome: Outcome, restart: boolean) => {
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
				if ('started' in data && data.started === true) {
					clearTimer(running.timer);
					running.timer = setTimer(() => stop(outcomes.timedOut, true), limitMs);
				} else stop(outcomes.answered(data as Reply), false);
			};
			worker.onerror = () => stop(outcomes.failed, true);
		}
		running = { ...job, timer: setTimer(() => stop(outcomes.notStarted, true), startLimitMs) };
		worker.postMessage(job.request);
	}

	return {
		run: (request, key) =>
			new Promise<Outcome>((resolve) => {
				waiting.push({ key, request: { ...request, id: nextId++ } as Request, resolve });
				startNext();
			}),
		drop(key, outcome) {
			for (let i = waiting.length - 1; i >= 0; i--) {
				const job = waiting[i] as Job;
				if (job.key !== key) continue;
				job.resolve(outcome);
				waiting.splice(i, 1);
			}
		},
	};
}
