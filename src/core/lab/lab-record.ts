/**
 * A grid run as history keeps it: the lab (variables, cases, columns, assertions; the request is
 * the history record's own) and, per cell, what it ended with: the answer's text, its numbers, its
 * error and the checks' verdicts. It rides on a history record (`RunRecord.lab`), whose reader only
 * checks its outline: it is read in full when it is opened (core/lab/lab-run-open.ts), as hostile.
 * Answers are bounded per cell and per run, so one grid cannot fill the browser's storage.
 */
import type { RunRecord } from '../history/record';
import type { Assertion, Verdict } from './assertions';
import type { CellResult, CellState, GridState } from './scheduler';
import type { Table } from './table';

export const LAB_RUN_VERSION = 1;
/** An answer is kept up to this many characters… */
export const MAX_CELL_TEXT = 20_000;
/** …and a run's answers up to this many together; later cells keep their numbers only. */
export const MAX_RUN_TEXT = 2_000_000;
export const MAX_RUN_CELLS = 20_000;
export const MAX_REASON = 2_000;

/** How a cell ended; a grid that ended has none queued or running. */
export const KEPT_CELL_STATUSES = ['done', 'error', 'stopped', 'cancelled'] as const;
export type KeptCellStatus = (typeof KEPT_CELL_STATUSES)[number];

export type LabRunCell = {
	row: number;
	/** The column's index in `columns`. */
	column: number;
	status: KeptCellStatus;
	text: string;
	/** The answer was longer than what is kept. */
	truncated: boolean;
	promptTokens: number | null;
	completionTokens: number | null;
	costUsd: number | null;
	latencyMs: number | null;
	error: string | null;
	httpStatus: number | null;
	verdicts: Verdict[] | null;
};

export type LabRun = {
	v: typeof LAB_RUN_VERSION;
	variables: Record<string, string>;
	cases: Table;
	columns: { patch: string; label: string }[];
	assertions: Assertion[];
	/** How the grid ended. */
	ended: 'finished' | 'stopped' | 'payment-required';
	rows: number;
	cells: LabRunCell[];
};

export type LabRunInput = {
	variables: ReadonlyMap<string, string>;
	cases: Table;
	columns: readonly { patch: string; label: string }[];
	assertions: readonly Assertion[];
	grid: GridState;
	rows: number;
	cells: readonly {
		row: number;
		column: number;
		state: CellState | undefined;
		verdicts: Verdict[] | null;
	}[];
};

const resultOf = (state: CellState | undefined): CellResult | null =>
	state && 'result' in state ? (state.result ?? null) : null;

/** Whether a cell has something worth keeping: an answer (a stopped one's part), or an error. */
const ended = (state: CellState | undefined) =>
	state?.status === 'done' || state?.status === 'error' || !!resultOf(state)?.text;

/** The run to keep, or null when no cell finished (a grid stopped before anything came back). */
export function labRun(input: LabRunInput): LabRun | null {
	if (!input.cells.some((c) => ended(c.state))) return null;
	let room = MAX_RUN_TEXT;
	const cells = input.cells.slice(0, MAX_RUN_CELLS).map((cell): LabRunCell => {
		const { state } = cell;
		const result = resultOf(state);
		const full = result?.text ?? '';
		const text = full.slice(0, Math.min(MAX_CELL_TEXT, room));
		room -= text.length;
		const status: KeptCellStatus =
			state && (KEPT_CELL_STATUSES as readonly string[]).includes(state.status)
				? (state.status as KeptCellStatus)
				: 'cancelled';
		return {
			row: cell.row,
			column: cell.column,
			status,
			text,
			truncated: text.length < full.length,
			promptTokens: result?.promptTokens ?? null,
			completionTokens: result?.completionTokens ?? null,
			costUsd: result?.costUsd ?? null,
			latencyMs: result ? Math.round(result.latencyMs) : null,
			error: state?.status === 'error' ? state.message.slice(0, MAX_REASON) : null,
			httpStatus: state?.status === 'error' ? state.httpStatus : null,
			verdicts: cell.verdicts,
		};
	});
	const { grid } = input;
	return {
		v: LAB_RUN_VERSION,
		variables: Object.fromEntries(input.variables),
		cases: input.cases,
		columns: input.columns.map((c) => ({ patch: c.patch, label: c.label })),
		assertions: [...input.assertions],
		ended:
			grid.status === 'payment-required' || grid.status === 'stopped' ? grid.status : 'finished',
		rows: input.rows,
		cells,
	};
}

/** "Lab · 5 × 3 · 12/15 passed": what the history list shows for a grid run. */
export function labSummary(run: LabRun): string {
	const size = `Lab · ${run.rows} × ${run.columns.length}`;
	const total = run.rows * run.columns.length;
	if (run.assertions.length > 0) {
		const passed = run.cells.filter(
			(c) => c.verdicts?.every((v) => v.pass) && c.verdicts.length > 0,
		);
		return `${size} · ${passed.length}/${total} passed`;
	}
	return `${size} · ${run.cells.filter((c) => c.status === 'done').length}/${total} done`;
}

const sum = (values: (number | null)[]) =>
	values.some((v) => v !== null) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : undefined;

/** The history record of a grid run: the lab's request, its totals, and the run itself. */
export function labRunRecord(
	run: LabRun,
	request: Record<string, unknown>,
	options: { id: string; at: number; totalMs: number },
): RunRecord {
	const prompt = sum(run.cells.map((c) => c.promptTokens));
	const completion = sum(run.cells.map((c) => c.completionTokens));
	const cost = sum(run.cells.map((c) => c.costUsd));
	const usage =
		prompt === undefined && completion === undefined && cost === undefined
			? null
			: {
					prompt_tokens: prompt ?? 0,
					completion_tokens: completion ?? 0,
					total_tokens: (prompt ?? 0) + (completion ?? 0),
					...(cost === undefined ? {} : { cost }),
				};
	const failed = run.cells.find((c) => c.status === 'error');
	return {
		v: 2,
		id: options.id,
		at: options.at,
		request,
		model: typeof request.model === 'string' ? request.model : '',
		servedModel: null,
		provider: null,
		status: run.ended === 'finished' ? 'done' : run.ended === 'stopped' ? 'stopped' : 'error',
		answer: {
			text: labSummary(run),
			reasoning: '',
			refusal: '',
			toolCalls: [],
			finishReason: null,
		},
		usage,
		timings: { ttftMs: null, totalMs: Math.round(options.totalMs), tokensPerSecond: null },
		error: run.ended === 'payment-required' ? (failed?.error ?? 'Payment required') : null,
		generationId: null,
		httpStatus: null,
		lab: run,
	};
}
