/**
 * Runs the lab grid: one request per row × column cell, at most `concurrency` at a time. The
 * request itself (`run`) and time (`clock`) are injected, so the state layer passes fetch and real
 * timers and tests pass a fake clock. Every change of a cell's state is reported through `onCell`;
 * the grid's own state through `onGrid`.
 *
 * - 429: the cell waits (its slot held, so a rate-limited grid slows down instead of piling on)
 *   and is retried, up to `maxAttempts` attempts; a wait longer than `maxWaitMs` is an error.
 * - 402: the account cannot pay; nothing more is started. Queued and waiting cells are cancelled;
 *   cells already running finish, as they are already being billed.
 * - `stopAll` aborts running cells (kept as stopped, with what they produced) and cancels the rest.
 */
import type { AssertionCell } from './assertions';
import { backoffDelay } from './retry';

export type LabCell = { id: string; row: number; column: string };

export type CellResult = AssertionCell & {
	promptTokens: number | null;
	completionTokens: number | null;
};

/** What one attempt of a cell ended with, as `run` reports it. */
export type CellOutcome =
	| { kind: 'done'; result: CellResult }
	| { kind: 'error'; message: string; status?: number; result?: CellResult }
	/** `retryAfterMs`: from the answer's headers (core/lab/retry.ts), when it had any. */
	| { kind: 'rate-limited'; message?: string; retryAfterMs?: number }
	/** The API's own message: "This request requires more credits…". */
	| { kind: 'payment-required'; message: string }
	/** The signal was aborted; `result` is what arrived before. */
	| { kind: 'stopped'; result: CellResult | null };

export type CellState =
	| { status: 'queued' }
	| { status: 'running'; attempt: number; startedAt: number }
	/** Rate limited: attempt number `attempt` starts at `until` (clock time). */
	| { status: 'waiting'; until: number; attempt: number; message: string }
	| { status: 'done'; result: CellResult }
	| { status: 'error'; message: string; httpStatus: number | null; result: CellResult | null }
	| { status: 'stopped'; result: CellResult | null }
	| { status: 'cancelled' };

export type GridState =
	| { status: 'idle' | 'running' | 'finished' | 'stopped' }
	| { status: 'payment-required'; message: string };

export type Clock = {
	now(): number;
	/** Resolves after `ms`, or early (resolving or rejecting) once `signal` is aborted. */
	sleep(ms: number, signal: AbortSignal): Promise<void>;
};

export type RunCell = (cell: LabCell, signal: AbortSignal, attempt: number) => Promise<CellOutcome>;

export type SchedulerOptions = {
	cells: readonly LabCell[];
	run: RunCell;
	clock: Clock;
	onCell: (id: string, state: CellState) => void;
	onGrid?: (state: GridState) => void;
	concurrency?: number;
	maxAttempts?: number;
	maxWaitMs?: number;
};

export type Scheduler = {
	/** Runs every cell; resolves when none is running or queued any more. */
	start(): Promise<void>;
	stopAll(): void;
	/** Queues the cells that ended in an error again (a 402 included, once the user paid). */
	retryFailed(): Promise<void>;
	/** Queues the cancelled cells again: what a stop or a 402 left unstarted. */
	resume(): Promise<void>;
	readonly grid: GridState;
	stateOf(id: string): CellState | undefined;
};

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_MAX_ATTEMPTS = 4;
export const DEFAULT_MAX_WAIT_MS = 60_000;

/** The cells of a grid, row by row, so each row's columns run side by side. */
export function planCells(rows: number, columns: readonly string[]): LabCell[] {
	return Array.from({ length: rows }, (_, row) =>
		columns.map((column) => ({ id: `${row}:${column}`, row, column })),
	).flat();
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The state an attempt leaves its cell in, or null when a 429 asks for another attempt. An answer
 * that completed as the stop came is kept whole; anything else after a stop is "stopped".
 */
function endState(outcome: CellOutcome, aborted: boolean): CellState | null {
	if (outcome.kind === 'done') return { status: 'done', result: outcome.result };
	if (aborted || outcome.kind === 'stopped')
		return { status: 'stopped', result: 'result' in outcome ? (outcome.result ?? null) : null };
	if (outcome.kind === 'error')
		return {
			status: 'error',
			message: outcome.message,
			httpStatus: outcome.status ?? null,
			result: outcome.result ?? null,
		};
	if (outcome.kind === 'payment-required')
		return { status: 'error', message: outcome.message, httpStatus: 402, result: null };
	return null;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
	const { clock, run, onCell } = options;
	const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
	const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
	const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
	const states = new Map<string, CellState>(options.cells.map((c) => [c.id, { status: 'queued' }]));
	let queue: LabCell[] = [];
	let head = 0;
	/** Cells holding a slot (running or waiting), with the controller that stops them. */
	const active = new Map<string, { controller: AbortController; waiting: boolean }>();
	let grid: GridState = { status: 'idle' };
	let waiters: (() => void)[] = [];

	const set = (id: string, state: CellState) => {
		states.set(id, state);
		onCell(id, state);
	};
	const setGrid = (state: GridState) => {
		grid = state;
		options.onGrid?.(state);
	};

	function enqueue(cells: readonly LabCell[]) {
		queue = [...queue.slice(head), ...cells];
		head = 0;
		for (const cell of cells) set(cell.id, { status: 'queued' });
	}

	function cancelQueued() {
		for (const cell of queue.slice(head)) set(cell.id, { status: 'cancelled' });
		queue = [];
		head = 0;
	}

	function pump() {
		while (grid.status === 'running' && active.size < concurrency && head < queue.length) {
			const cell = queue[head++] as LabCell;
			const slot = { controller: new AbortController(), waiting: false };
			active.set(cell.id, slot);
			void runCell(cell, slot).finally(() => {
				active.delete(cell.id);
				pump();
				settle();
			});
		}
		settle();
	}

	function settle() {
		if (active.size > 0) return;
		if (grid.status === 'running' && head >= queue.length) setGrid({ status: 'finished' });
		if (grid.status === 'running') return;
		const resolve = waiters;
		waiters = [];
		for (const done of resolve) done();
	}

	const whenSettled = () => {
		const settled = new Promise<void>((resolve) => waiters.push(resolve));
		settle();
		return settled;
	};

	async function attempt(cell: LabCell, signal: AbortSignal, n: number): Promise<CellOutcome> {
		try {
			return await run(cell, signal, n);
		} catch (error) {
			if (signal.aborted) return { kind: 'stopped', result: null };
			return { kind: 'error', message: messageOf(error) };
		}
	}

	async function runCell(cell: LabCell, slot: { controller: AbortController; waiting: boolean }) {
		const { signal } = slot.controller;
		for (let n = 1; ; n++) {
			set(cell.id, { status: 'running', attempt: n, startedAt: clock.now() });
			const outcome = await attempt(cell, signal, n);
			const end = endState(outcome, signal.aborted);
			if (end) {
				set(cell.id, end);
				if (outcome.kind === 'payment-required') haltForPayment(outcome.message);
				return;
			}
			if (outcome.kind !== 'rate-limited') return;
			const message = outcome.message ?? 'rate limited';
			const delay = outcome.retryAfterMs ?? backoffDelay(n);
			if (grid.status !== 'running') return set(cell.id, { status: 'cancelled' });
			if (n >= maxAttempts || delay > maxWaitMs) {
				const why =
					n >= maxAttempts ? `after ${n} attempts` : `asked to wait ${Math.ceil(delay / 1000)} s`;
				const text = `${message} (${why})`;
				return set(cell.id, { status: 'error', message: text, httpStatus: 429, result: null });
			}
			set(cell.id, { status: 'waiting', until: clock.now() + delay, attempt: n + 1, message });
			slot.waiting = true;
			await clock.sleep(delay, signal).catch(() => undefined);
			slot.waiting = false;
			if (signal.aborted || grid.status !== 'running') return set(cell.id, { status: 'cancelled' });
		}
	}

	function haltForPayment(message: string) {
		if (grid.status === 'running') setGrid({ status: 'payment-required', message });
		cancelQueued();
		for (const slot of active.values()) if (slot.waiting) slot.controller.abort();
	}

	function requeue(status: CellState['status']): Promise<void> {
		const cells = options.cells.filter((cell) => states.get(cell.id)?.status === status);
		if (cells.length === 0) return whenSettled();
		enqueue(cells);
		if (grid.status !== 'running') setGrid({ status: 'running' });
		pump();
		return whenSettled();
	}

	return {
		start() {
			if (grid.status !== 'idle') return whenSettled();
			enqueue(options.cells);
			setGrid({ status: 'running' });
			pump();
			return whenSettled();
		},
		stopAll() {
			if (grid.status === 'running') setGrid({ status: 'stopped' });
			cancelQueued();
			for (const slot of active.values()) slot.controller.abort();
			settle();
		},
		retryFailed: () => requeue('error'),
		resume: () => requeue('cancelled'),
		get grid() {
			return grid;
		},
		stateOf: (id) => states.get(id),
	};
}
