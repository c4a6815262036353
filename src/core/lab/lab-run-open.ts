/**
 * Opening a grid run kept in history (core/lab/lab-record.ts): the stored run read as hostile,
 * each field checked to its real range, then each cell put back in the shapes the grid shows
 * (state/lab-grid.svelte.ts): its state, its answer and its checks' verdict.
 */
import type { Verdict } from './assertions';
import { MAX_LAB_COLUMNS, readAssertions, readCases, readVariables } from './lab-file';
import {
	KEPT_CELL_STATUSES,
	LAB_RUN_VERSION,
	MAX_CELL_TEXT,
	MAX_REASON,
	MAX_RUN_CELLS,
	MAX_RUN_TEXT,
	type KeptCellStatus,
	type LabRun,
	type LabRunCell,
} from './lab-record';
import { MAX_PATCH_CHARS } from './patch';
import type { CellResult, CellState, GridState } from './scheduler';
import { EMPTY_COMPLETION } from '../stream/accumulate';
import type { Completion, Usage } from '../stream/types';

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

/** A kept cell as the grid shows it; `verdict` only for an answer that was checked. */
export type OpenedCell = {
	state: CellState;
	answer: Completion;
	verdict: { pass: boolean; verdicts: Verdict[] } | null;
};

/** Every kept cell by its grid id (`row:columnId`), given the ids of the lab's columns in order. */
export function openedCells(run: LabRun, columnIds: readonly string[]): Map<string, OpenedCell> {
	const cells = new Map<string, OpenedCell>();
	for (const cell of run.cells) {
		const column = columnIds[cell.column];
		if (column === undefined) continue;
		const result = keptResult(cell);
		const verdicts = result && cell.status === 'done' ? cell.verdicts : null;
		cells.set(`${cell.row}:${column}`, {
			state: keptState(cell, result),
			answer: keptAnswer(cell),
			verdict: verdicts && { pass: verdicts.every((v) => v.pass), verdicts },
		});
	}
	return cells;
}
