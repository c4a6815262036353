import { describe, expect, it } from 'vitest';
import { createWorkerQueue, type QueueWorker } from '../../../src/io/worker-queue';

type Req = { id: number; n: number };
type Rep = { id: number; doubled: number } | { id: number; started: true };

/** Workers that answer only when told to, and a clock run by hand. */
function harness() {
	const workers: (QueueWorker<Req, Rep> & { posted: Req[]; terminated: boolean })[] = [];
	const timers = new Map<number, () => void>();
	let nextTimer = 1;
	const queue = createWorkerQueue<Req, { id: number; doubled: number }, string>(
		{
			createWorker: () => {
				const worker = {
					posted: [] as Req[],
					terminated: false,
					postMessage(request: Req) {
						this.posted.push(request);
					},
					terminate() {
						this.terminated = true;
					},
					onmessage: null,
					onerror: null,
				};
				workers.push(worker);
				return worker;
			},
			limitMs: 100,
			startLimitMs: 1000,
			setTimer: (run) => (timers.set(nextTimer, run), nextTimer++),
			clearTimer: (timer) => void timers.delete(timer as number),
		},
		{
			answered: (reply) => `= ${reply.doubled}`,
			timedOut: 'timed out',
			failed: 'failed',
			notStarted: 'not started',
		},
	);
	const reply = (worker: (typeof workers)[number], data: Rep) =>
		worker.onmessage?.({ data } as MessageEvent<Rep>);
	const fireAll = () => {
		const due = [...timers.values()];
		timers.clear();
		for (const run of due) run();
	};
	return { queue, workers, reply, fireAll };
}

describe('createWorkerQueue: jobs for a worker the page can kill', () => {
	it('runs one job at a time, in order, on one worker', async () => {
		const { queue, workers, reply } = harness();
		const first = queue.run({ n: 1 });
		const second = queue.run({ n: 2 });
		const [worker] = workers;
		expect(worker?.posted.map((r) => r.n)).toEqual([1]);
		reply(worker!, { id: 1, started: true });
		reply(worker!, { id: 1, doubled: 2 });
		expect(await first).toBe('= 2');
		expect(worker?.posted.map((r) => r.n)).toEqual([1, 2]);
		reply(worker!, { id: 2, doubled: 4 });
		expect(await second).toBe('= 4');
		expect(workers).toHaveLength(1);
	});

	it('kills a worker whose started job runs past the limit; the next job gets a fresh one', async () => {
		const { queue, workers, reply, fireAll } = harness();
		const slow = queue.run({ n: 1 });
		const next = queue.run({ n: 2 });
		reply(workers[0]!, { id: 1, started: true });
		fireAll();
		expect(await slow).toBe('timed out');
		expect(workers[0]?.terminated).toBe(true);
		expect(workers[1]?.posted.map((r) => r.n)).toEqual([2]);
		reply(workers[1]!, { id: 2, doubled: 4 });
		expect(await next).toBe('= 4');
	});

	it('ends a job the worker never started, and one whose worker failed', async () => {
		const { queue, workers, fireAll } = harness();
		const never = queue.run({ n: 1 });
		fireAll();
		expect(await never).toBe('not started');
		const broken = queue.run({ n: 2 });
		workers[1]?.onerror?.(new Event('error'));
		expect(await broken).toBe('failed');
		expect(workers[1]?.terminated).toBe(true);
	});

	it('ignores answers to another job, and drops waiting jobs by key', async () => {
		const { queue, workers, reply } = harness();
		const running = queue.run({ n: 1 }, 'a');
		const waitingA = queue.run({ n: 2 }, 'a');
		const waitingB = queue.run({ n: 3 }, 'b');
		queue.drop('a', 'superseded');
		expect(await waitingA).toBe('superseded');
		reply(workers[0]!, { id: 99, doubled: 0 });
		reply(workers[0]!, { id: 1, doubled: 2 });
		expect(await running).toBe('= 2');
		expect(workers[0]?.posted.map((r) => r.n)).toEqual([1, 3]);
		reply(workers[0]!, { id: 3, doubled: 6 });
		expect(await waitingB).toBe('= 6');
	});
});
