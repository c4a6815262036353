/**
 * What the grid shows beside its cells, derived from their states and never stored: a short status
 * per cell and totals per column and overall. A cell that was stopped or failed after producing
 * something still counts its tokens and cost: they were spent.
 */
import type { CellResult, CellState, LabCell } from './scheduler';

export type Totals = {
	cells: number;
	done: number;
	/** Ended in an error (a 402 and a 429 given up on included). */
	failed: number;
	/** Queued, running or waiting. */
	pending: number;
	promptTokens: number;
	completionTokens: number;
	/** USD over the cells whose cost is known; `costUnknown` counts the others. */
	costUsd: number;
	costUnknown: number;
	/** Summed over cells with a result; with `timed`, gives the mean. */
	latencyMs: number;
	timed: number;
};

export type GridTotals = { columns: Map<string, Totals>; overall: Totals };

const empty = (): Totals => ({
	cells: 0,
	done: 0,
	failed: 0,
	pending: 0,
	promptTokens: 0,
	completionTokens: 0,
	costUsd: 0,
	costUnknown: 0,
	latencyMs: 0,
	timed: 0,
});

function resultOf(state: CellState | undefined): CellResult | null {
	if (state?.status === 'done') return state.result;
	if (state?.status === 'error' || state?.status === 'stopped') return state.result;
	return null;
}

function add(totals: Totals, state: CellState | undefined) {
	totals.cells++;
	const status = state?.status ?? 'queued';
	if (status === 'done') totals.done++;
	else if (status === 'error') totals.failed++;
	else if (status === 'queued' || status === 'running' || status === 'waiting') totals.pending++;
	const result = resultOf(state);
	if (!result) return;
	totals.promptTokens += result.promptTokens ?? 0;
	totals.completionTokens += result.completionTokens ?? 0;
	if (result.costUsd === null) totals.costUnknown++;
	else totals.costUsd += result.costUsd;
	totals.latencyMs += result.latencyMs;
	totals.timed++;
}

/** Totals per column (in the order columns first appear) and over the whole grid. */
export function gridTotals(
	cells: readonly LabCell[],
	states: ReadonlyMap<string, CellState>,
): GridTotals {
	const columns = new Map<string, Totals>();
	const overall = empty();
	for (const cell of cells) {
		const state = states.get(cell.id);
		let column = columns.get(cell.column);
		if (!column) columns.set(cell.column, (column = empty()));
		add(column, state);
		add(overall, state);
	}
	return { columns, overall };
}

/** One cell's status in a few words: "waiting 3 s (rate limited)". `now` is the clock's time. */
export function describeCell(state: CellState, now: number): string {
	switch (state.status) {
		case 'queued':
		case 'done':
		case 'stopped':
		case 'cancelled':
			return state.status;
		case 'running':
			return state.attempt > 1 ? `running (attempt ${state.attempt})` : 'running';
		case 'waiting':
			return `waiting ${Math.max(0, Math.ceil((state.until - now) / 1000))} s (rate limited)`;
		case 'error':
			return state.httpStatus === null
				? `error: ${state.message}`
				: `error ${state.httpStatus}: ${state.message}`;
	}
}
