/**
 * A grid run as history keeps it: the lab (variables, cases, columns, assertions; the request is
 * the history record's own) and, per cell, what it ended with: the answer's text, its numbers, its
 * error and the checks' verdicts. It rides on a history record (`RunRecord.lab`), whose reader only
 * checks its outline: it is read in full here when it is opened, like a lab file, as hostile.
 * Answers are bounded per cell and per run, so one grid cannot fill the browser's storage.
 */
import type { RunRecord } from '../history/record';
import type { Assertion, Verdict } from './assertions';
import { MAX_LAB_COLUMNS, readAssertions, readCases, readVariables } from './lab-file';
import { MAX_PATCH_CHARS } from './patch';
import type { CellResult, CellState, GridState } from './scheduler';
import type { Table } from './table';
import { EMPTY_COMPLETION } from '../stream/accumulate';
import type { Completion, Usage } from '../stream/types';

export const LAB_RUN_VERSION = 1;
/** An answer is kept up to this many characters… */
export const MAX_CELL_TEXT = 20_000;
/** …and a run's answers up to this many together; later cells keep their numbers only. */
export const MAX_RUN_TEXT = 2_000_000;
export const MAX_RUN_CELLS = 20_000;
const MAX_REASON = 2_000;

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

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isCount = (v: unknown, below: number): v is number =>
	typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < below;
const isAmount = (v: unknown): v is number | null =>
	v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);

function readVerdicts(value: unknown): Verdict[] | null | undefined {
	if (value === null) return null;
	if (!Array.isArray(value) || value.length > 50) return undefined;
	const ok = value.every(
		(v) => isObject(v) && typeof v.pass === 'boolean' && isText(v.reason, MAX_REASON),
	);
	return ok
		? value.map((v: Loose) => ({ pass: v.pass as boolean, reason: v.reason as string }))
		: undefined;
}

function readCell(value: unknown, rows: number, columns: number): LabRunCell | string {
	if (!isObject(value)) return 'a cell is not an object';
	const { row, column, status } = value;
	if (!isCount(row, rows) || !isCount(column, columns)) return 'a cell is outside the grid';
	if (!(KEPT_CELL_STATUSES as readonly unknown[]).includes(status))
		return 'a cell has no known status';
	if (!isText(value.text, MAX_CELL_TEXT)) return "a cell's answer is not text or too long";
	const numbers = ['promptTokens', 'completionTokens', 'costUsd', 'latencyMs'] as const;
	if (!numbers.every((n) => isAmount(value[n]))) return "a cell's numbers are not numbers";
	if (value.error !== null && !isText(value.error, MAX_REASON)) return "a cell's error is not text";
	const http = value.httpStatus;
	if (http !== null && !(isCount(http, 600) && http >= 100))
		return "a cell's HTTP status is not one";
	const verdicts = readVerdicts(value.verdicts);
	if (verdicts === undefined) return "a cell's verdicts are not readable";
	return {
		row,
		column,
		status: status as KeptCellStatus,
		text: value.text,
		truncated: value.truncated === true,
		promptTokens: value.promptTokens as number | null,
		completionTokens: value.completionTokens as number | null,
		costUsd: value.costUsd as number | null,
		latencyMs: value.latencyMs as number | null,
		error: value.error as string | null,
		httpStatus: http as number | null,
		verdicts,
	};
}

/** A kept grid run, each field checked to its real range; or why it cannot be opened. */
export function readLabRun(value: unknown): { ok: true; run: LabRun } | { ok: false; why: string } {
	const fail = (why: string) => ({
		ok: false as const,
		why: `The lab of this run cannot be opened: ${why}.`,
	});
	if (!isObject(value) || value.v !== LAB_RUN_VERSION) return fail('it has no known version');
	const variables = readVariables(value.variables);
	if (typeof variables === 'string') return fail(variables);
	const cases = readCases(value.cases);
	if (typeof cases === 'string') return fail(cases);
	const list = value.columns;
	if (!Array.isArray(list) || list.length === 0 || list.length > MAX_LAB_COLUMNS)
		return fail('its columns are not a list');
	const columns = list.map((c: unknown) =>
		isObject(c) && isText(c.patch, MAX_PATCH_CHARS) && isText(c.label, 1_000)
			? { patch: c.patch, label: c.label }
			: null,
	);
	if (columns.some((c) => c === null)) return fail('a column is not a patch with a label');
	const assertions = readAssertions(value.assertions);
	if (typeof assertions === 'string') return fail(assertions);
	if (!['finished', 'stopped', 'payment-required'].includes(value.ended as string))
		return fail('it does not say how the grid ended');
	const rows = value.rows;
	if (!isCount(rows, MAX_RUN_CELLS + 1) || rows * columns.length > MAX_RUN_CELLS)
		return fail('its size is out of range');
	if (!Array.isArray(value.cells) || value.cells.length > rows * columns.length)
		return fail('its cells are not a list');
	const cells: LabRunCell[] = [];
	const seen = new Set<string>();
	let room = MAX_RUN_TEXT;
	for (const raw of value.cells) {
		const cell = readCell(raw, rows, columns.length);
		if (typeof cell === 'string') return fail(cell);
		const id = `${cell.row}:${cell.column}`;
		if (seen.has(id)) return fail('a cell appears twice');
		seen.add(id);
		room -= cell.text.length;
		if (room < 0) return fail('its answers are too long together');
		cells.push(cell);
	}
	return {
		ok: true,
		run: {
			v: LAB_RUN_VERSION,
			variables: Object.fromEntries(variables),
			cases,
			columns: columns as { patch: string; label: string }[],
			assertions,
			ended: value.ended as LabRun['ended'],
			rows,
			cells,
		},
	};
}

// Opening a kept run: each cell back in the shapes the grid shows (state/lab-grid.svelte.ts).

/** The numbers a kept cell's answer had; null when no answer came back. */
export function keptResult(cell: LabRunCell): CellResult | null {
	if (cell.latencyMs === null && cell.status !== 'done') return null;
	return {
		text: cell.text,
		latencyMs: cell.latencyMs ?? 0,
		costUsd: cell.costUsd,
		promptTokens: cell.promptTokens,
		completionTokens: cell.completionTokens,
	};
}

export function keptState(cell: LabRunCell, result: CellResult | null): CellState {
	switch (cell.status) {
		case 'done':
			return { status: 'done', result: result ?? (keptResult(cell) as CellResult) };
		case 'error':
			return {
				status: 'error',
				message: cell.error ?? 'Error',
				httpStatus: cell.httpStatus,
				result,
			};
		case 'stopped':
			return { status: 'stopped', result };
		case 'cancelled':
			return { status: 'cancelled' };
	}
}

/** The answer as the cell's detail reads it: the text kept and its usage. */
export function keptAnswer(cell: LabRunCell): Completion {
	const usage: Usage = {};
	if (cell.promptTokens !== null) usage.prompt_tokens = cell.promptTokens;
	if (cell.completionTokens !== null) usage.completion_tokens = cell.completionTokens;
	if (cell.costUsd !== null) usage.cost = cell.costUsd;
	const text = cell.truncated
		? `${cell.text}\n[… the rest of this answer was not kept]`
		: cell.text;
	return {
		...EMPTY_COMPLETION,
		text,
		usage: Object.keys(usage).length > 0 ? usage : null,
		complete: true,
	};
}

export function endedGrid(run: LabRun): GridState {
	if (run.ended !== 'payment-required') return { status: run.ended };
	const paid = run.cells.find((c) => c.httpStatus === 402);
	return { status: 'payment-required', message: paid?.error ?? 'Payment required' };
}
