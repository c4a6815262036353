import { describe, expect, it } from 'vitest';
import { describeCell } from '../../../../src/core/lab/grid-summary';
import {
	createScheduler,
	planCells,
	type CellOutcome,
	type CellResult,
	type CellState,
	type Clock,
	type GridState,
	type LabCell,
	type SchedulerOptions,
} from '../../../../src/core/lab/scheduler';

/** Time moves only when a test says so; sleepers wake in order of their deadline. */
function fakeClock() {
	let now = 0;
	let sleepers: { at: number; wake: () => void }[] = [];
	const clock: Clock = {
		now: () => now,
		sleep: (ms, signal) =>
			new Promise<void>((resolve) => {
				const sleeper = { at: now + ms, wake: resolve };
				sleepers.push(sleeper);
				signal.addEventListener('abort', () => {
					sleepers = sleepers.filter((s) => s !== sleeper);
					resolve();
				});
			}),
	};
	const advance = async (ms: number) => {
		now += ms;
		const due = sleepers.filter((s) => s.at <= now).sort((a, b) => a.at - b.at);
		sleepers = sleepers.filter((s) => s.at > now);
		for (const sleeper of due) sleeper.wake();
		await settle();
	};
	return { clock, advance, sleeping: () => sleepers.length };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type Call = {
	cell: LabCell;
	signal: AbortSignal;
	attempt: number;
	resolve: (outcome: CellOutcome) => void;
	reject: (error: unknown) => void;
};

const result = (text: string, more: Partial<CellResult> = {}): CellResult => ({
	text,
	latencyMs: 100,
	costUsd: 0.001,
	promptTokens: 10,
	completionTokens: 5,
	...more,
});

/** A grid whose requests the test answers one by one, watching states as they change. */
function harness(rows: number, columns: string[], more: Partial<SchedulerOptions> = {}) {
	const time = fakeClock();
	const calls: Call[] = [];
	const states = new Map<string, CellState>();
	const grids: GridState[] = [];
	let mostRunning = 0;
	const cells = planCells(rows, columns);
	const scheduler = createScheduler({
		cells,
		clock: time.clock,
		run: (cell, signal, attempt) =>
			new Promise((resolve, reject) => calls.push({ cell, signal, attempt, resolve, reject })),
		onCell: (id, state) => {
			states.set(id, state);
			const running = [...states.values()].filter((s) => s.status === 'running').length;
			mostRunning = Math.max(mostRunning, running);
		},
		onGrid: (state) => grids.push(state),
		...more,
	});
	/** The latest call of each running cell. */
	const pending = () =>
		calls.filter(
			(call, i) =>
				states.get(call.cell.id)?.status === 'running' &&
				!calls.slice(i + 1).some((later) => later.cell.id === call.cell.id),
		);
	const call = (id: string) => {
		const found = calls.findLast((c) => c.cell.id === id);
		if (!found) throw new Error(`${id} was not called`);
		return found;
	};
	const status = (id: string) => states.get(id)?.status;
	return {
		...time,
		scheduler,
		cells,
		calls,
		states,
		grids,
		pending,
		call,
		status,
		mostRunning: () => mostRunning,
	};
}

describe('planCells', () => {
	it('lists the cells row by row', () => {
		expect(planCells(2, ['a', 'b'])).toEqual([
			{ id: '0:a', row: 0, column: 'a' },
			{ id: '0:b', row: 0, column: 'b' },
			{ id: '1:a', row: 1, column: 'a' },
			{ id: '1:b', row: 1, column: 'b' },
		]);
	});
});

describe('the scheduler', () => {
	it('runs every cell, four at a time by default', async () => {
		const h = harness(5, ['a', 'b']);
		let finished = false;
		void h.scheduler.start().then(() => (finished = true));
		await settle();
		expect(h.pending()).toHaveLength(4);
		expect(h.status('4:b')).toBe('queued');
		while (h.pending().length > 0) {
			h.pending()[0]?.resolve({ kind: 'done', result: result('ok') });
			await settle();
		}
		expect(finished).toBe(true);
		expect(h.mostRunning()).toBe(4);
		expect([...h.states.values()].every((s) => s.status === 'done')).toBe(true);
		expect(h.grids).toEqual([{ status: 'running' }, { status: 'finished' }]);
		expect(h.scheduler.grid).toEqual({ status: 'finished' });
	});

	it('never runs more than `concurrency` cells, whatever the mix of outcomes (seeded)', async () => {
		for (let seed = 1; seed <= 12; seed++) {
			let state = seed;
			const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
			const concurrency = 1 + Math.floor(random() * 4);
			const h = harness(6, ['a', 'b', 'c'], { concurrency, maxAttempts: 3 });
			let finished = false;
			void h.scheduler.start().then(() => (finished = true));
			await settle();
			for (let step = 0; step < 500 && !finished; step++) {
				const running = h.pending();
				const pick = running[Math.floor(random() * running.length)];
				const roll = random();
				if (!pick) await h.advance(1000);
				else if (roll < 0.6) pick.resolve({ kind: 'done', result: result('ok') });
				else if (roll < 0.8) pick.resolve({ kind: 'error', message: 'boom', status: 500 });
				else pick.resolve({ kind: 'rate-limited', retryAfterMs: 500 });
				await settle();
				const active = [...h.states.values()].filter(
					(s) => s.status === 'running' || s.status === 'waiting',
				);
				expect(active.length, `seed ${seed}`).toBeLessThanOrEqual(concurrency);
			}
			expect(finished, `seed ${seed}`).toBe(true);
			expect(h.mostRunning()).toBeLessThanOrEqual(concurrency);
			expect([...h.states.values()].every((s) => ['done', 'error'].includes(s.status))).toBe(true);
		}
	});

	it('finishes at once with no cells, and runs one at a time at concurrency 0', async () => {
		const none = harness(0, ['a']);
		await none.scheduler.start();
		expect(none.scheduler.grid).toEqual({ status: 'finished' });
		const h = harness(2, ['a'], { concurrency: 0 });
		void h.scheduler.start();
		await settle();
		expect(h.pending()).toHaveLength(1);
	});

	it('resume runs what a stop cancelled, not what it stopped', async () => {
		const h = harness(3, ['a'], { concurrency: 1 });
		void h.scheduler.start();
		await settle();
		h.scheduler.stopAll();
		h.call('0:a').resolve({ kind: 'stopped', result: null });
		await settle();
		let finished = false;
		void h.scheduler.resume().then(() => (finished = true));
		await settle();
		expect(h.scheduler.grid).toEqual({ status: 'running' });
		expect(h.pending().map((c) => c.cell.id)).toEqual(['1:a']);
		h.call('1:a').resolve({ kind: 'done', result: result('b') });
		await settle();
		h.call('2:a').resolve({ kind: 'done', result: result('c') });
		await settle();
		expect(finished).toBe(true);
		expect(h.status('0:a')).toBe('stopped');
	});

	it('a run that throws is an error with its message', async () => {
		const h = harness(1, ['a']);
		void h.scheduler.start();
		await settle();
		h.call('0:a').reject(new TypeError('Failed to fetch'));
		await settle();
		expect(h.states.get('0:a')).toEqual({
			status: 'error',
			message: 'Failed to fetch',
			httpStatus: null,
			result: null,
		});
	});
});

describe('rate limits (429)', () => {
	it('waits as long as the answer asks, shows it, then tries again', async () => {
		const h = harness(1, ['a']);
		void h.scheduler.start();
		await settle();
		expect(h.call('0:a').attempt).toBe(1);
		h.call('0:a').resolve({
			kind: 'rate-limited',
			retryAfterMs: 2500,
			message: 'Rate limit exceeded',
		});
		await settle();
		const waiting = h.states.get('0:a') as CellState;
		expect(waiting).toEqual({
			status: 'waiting',
			until: 2500,
			attempt: 2,
			message: 'Rate limit exceeded',
		});
		expect(describeCell(waiting, 0)).toBe('waiting 3 s (rate limited)');
		await h.advance(2499);
		expect(h.status('0:a')).toBe('waiting');
		expect(describeCell(waiting, 2499)).toBe('waiting 1 s (rate limited)');
		await h.advance(1);
		expect(h.status('0:a')).toBe('running');
		expect(h.call('0:a').attempt).toBe(2);
		h.call('0:a').resolve({ kind: 'done', result: result('ok') });
		await settle();
		expect(h.status('0:a')).toBe('done');
	});

	it('backs off 1 s, 2 s, 4 s without headers, and gives up after maxAttempts', async () => {
		const h = harness(1, ['a']);
		void h.scheduler.start();
		await settle();
		for (const wait of [1000, 2000, 4000]) {
			h.call('0:a').resolve({ kind: 'rate-limited' });
			await settle();
			expect(h.states.get('0:a')).toMatchObject({ status: 'waiting', until: h.clock.now() + wait });
			await h.advance(wait);
		}
		expect(h.call('0:a').attempt).toBe(4);
		h.call('0:a').resolve({ kind: 'rate-limited' });
		await settle();
		expect(h.states.get('0:a')).toEqual({
			status: 'error',
			message: 'rate limited (after 4 attempts)',
			httpStatus: 429,
			result: null,
		});
		expect(h.scheduler.grid).toEqual({ status: 'finished' });
	});

	it('gives up at once when asked to wait longer than maxWaitMs', async () => {
		const h = harness(1, ['a'], { maxWaitMs: 10_000 });
		void h.scheduler.start();
		await settle();
		h.call('0:a').resolve({ kind: 'rate-limited', retryAfterMs: 3_600_000, message: 'slow down' });
		await settle();
		expect(h.states.get('0:a')).toMatchObject({
			status: 'error',
			message: 'slow down (asked to wait 3600 s)',
			httpStatus: 429,
		});
	});

	it('a waiting cell keeps its slot', async () => {
		const h = harness(1, ['a', 'b'], { concurrency: 1 });
		void h.scheduler.start();
		await settle();
		h.call('0:a').resolve({ kind: 'rate-limited', retryAfterMs: 1000 });
		await settle();
		expect(h.status('0:b')).toBe('queued');
		await h.advance(1000);
		h.call('0:a').resolve({ kind: 'done', result: result('a') });
		await settle();
		expect(h.status('0:b')).toBe('running');
	});
});

describe('payment required (402)', () => {
	it('stops the grid: nothing new starts, finished and running cells are kept', async () => {
		const h = harness(3, ['a', 'b'], { concurrency: 3 });
		let finished = false;
		void h.scheduler.start().then(() => (finished = true));
		await settle();
		h.call('0:a').resolve({ kind: 'done', result: result('first') });
		await settle();
		// 0:b, 1:a, 1:b run now; 1:a is rate limited and waits.
		h.call('1:a').resolve({ kind: 'rate-limited', retryAfterMs: 5000 });
		await settle();
		const message = 'This request requires more credits, or fewer max_tokens.';
		h.call('0:b').resolve({ kind: 'payment-required', message });
		await settle();
		expect(h.scheduler.grid).toEqual({ status: 'payment-required', message });
		expect(h.states.get('0:b')).toEqual({
			status: 'error',
			message,
			httpStatus: 402,
			result: null,
		});
		expect(h.status('0:a')).toBe('done');
		expect(h.status('1:a')).toBe('cancelled');
		expect(h.status('2:a')).toBe('cancelled');
		expect(h.status('2:b')).toBe('cancelled');
		expect(h.status('1:b')).toBe('running');
		expect(finished).toBe(false);
		h.call('1:b').resolve({ kind: 'done', result: result('last') });
		await settle();
		expect(h.status('1:b')).toBe('done');
		expect(finished).toBe(true);
		expect(h.calls).toHaveLength(4);
		expect(h.sleeping()).toBe(0);

		// Once the user has paid: the failed cell and the cancelled ones run.
		void h.scheduler.retryFailed();
		void h.scheduler.resume();
		await settle();
		expect(h.scheduler.grid).toEqual({ status: 'running' });
		expect(h.pending().map((c) => c.cell.id)).toEqual(['0:b', '1:a', '2:a']);
	});

	it('a running cell rate limited after the 402 is cancelled, not retried', async () => {
		const h = harness(1, ['a', 'b']);
		void h.scheduler.start();
		await settle();
		h.call('0:a').resolve({ kind: 'payment-required', message: 'no credits' });
		await settle();
		h.call('0:b').resolve({ kind: 'rate-limited', retryAfterMs: 10 });
		await settle();
		expect(h.status('0:b')).toBe('cancelled');
	});
});

describe('stopAll', () => {
	it('aborts running cells, keeps what they produced, and cancels queued ones', async () => {
		const h = harness(3, ['a'], { concurrency: 2 });
		let finished = false;
		void h.scheduler.start().then(() => (finished = true));
		await settle();
		const [first, second] = h.pending();
		h.scheduler.stopAll();
		expect(first?.signal.aborted).toBe(true);
		expect(second?.signal.aborted).toBe(true);
		expect(h.status('2:a')).toBe('cancelled');
		expect(h.scheduler.grid).toEqual({ status: 'stopped' });
		first?.resolve({ kind: 'stopped', result: result('partial') });
		second?.reject(new DOMException('aborted', 'AbortError'));
		await settle();
		expect(h.states.get('0:a')).toEqual({ status: 'stopped', result: result('partial') });
		expect(h.states.get('1:a')).toEqual({ status: 'stopped', result: null });
		expect(finished).toBe(true);
		expect(h.calls).toHaveLength(2);
	});

	it('keeps an answer that completed as the stop came', async () => {
		const h = harness(1, ['a']);
		void h.scheduler.start();
		await settle();
		h.scheduler.stopAll();
		h.call('0:a').resolve({ kind: 'done', result: result('whole') });
		await settle();
		expect(h.status('0:a')).toBe('done');
	});

	it('cancels a cell waiting out a rate limit', async () => {
		const h = harness(1, ['a']);
		void h.scheduler.start();
		await settle();
		h.call('0:a').resolve({ kind: 'rate-limited', retryAfterMs: 60_000 });
		await settle();
		h.scheduler.stopAll();
		await settle();
		expect(h.status('0:a')).toBe('cancelled');
		expect(h.sleeping()).toBe(0);
	});
});

describe('retryFailed', () => {
	it('queues only the cells that ended in an error', async () => {
		const h = harness(2, ['a']);
		void h.scheduler.start();
		await settle();
		h.call('0:a').resolve({ kind: 'error', message: 'Provider returned error', status: 502 });
		h.call('1:a').resolve({ kind: 'done', result: result('ok') });
		await settle();
		expect(h.scheduler.grid).toEqual({ status: 'finished' });
		let finished = false;
		void h.scheduler.retryFailed().then(() => (finished = true));
		await settle();
		expect(h.pending().map((c) => c.cell.id)).toEqual(['0:a']);
		h.call('0:a').resolve({ kind: 'done', result: result('ok') });
		await settle();
		expect(finished).toBe(true);
		expect(h.calls).toHaveLength(3);
		expect(h.status('0:a')).toBe('done');
		expect(h.grids.map((g) => g.status)).toEqual(['running', 'finished', 'running', 'finished']);
	});

	it('with nothing failed resolves at once', async () => {
		const h = harness(1, ['a']);
		await expect(h.scheduler.retryFailed()).resolves.toBeUndefined();
		expect(h.calls).toHaveLength(0);
	});
});
