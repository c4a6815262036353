/**
 * The grid's results as a table (one line per cell: the case's values, the column, the status, the
 * answer and its numbers, the checks), to be written as CSV or JSON Lines by core/lab/table.ts.
 */
import type { Verdict } from './assertions';
import type { CellState } from './scheduler';
import type { Table } from './table';

export type ResultCell = {
	row: number;
	values: ReadonlyMap<string, string>;
	column: string;
	state: CellState | undefined;
	verdicts: readonly Verdict[] | null;
};

const RESULT_COLUMNS = [
	'column',
	'status',
	'pass',
	'checks',
	'answer',
	'prompt_tokens',
	'completion_tokens',
	'cost_usd',
	'latency_ms',
];

const shown = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function resultsTable(cells: readonly ResultCell[], variables: readonly string[]): Table {
	// "case" and result names never clash with a variable column: those get a "var." prefix.
	const columns = ['case', ...variables.map((v) => `var.${v}`), ...RESULT_COLUMNS];
	const rows = cells.map((cell) => {
		const state = cell.state;
		const result = state && 'result' in state && state.result ? state.result : null;
		const verdicts = cell.verdicts;
		return [
			String(cell.row + 1),
			...variables.map((v) => cell.values.get(v) ?? ''),
			cell.column,
			state?.status ?? 'not run',
			verdicts === null ? '' : verdicts.every((v) => v.pass) ? 'pass' : 'fail',
			verdicts === null ? '' : verdicts.map((v) => `${v.pass ? '✓' : '✗'} ${v.reason}`).join('; '),
			result?.text ?? (state?.status === 'error' ? state.message : ''),
			shown(result?.promptTokens),
			shown(result?.completionTokens),
			shown(result?.costUsd),
			shown(result === null ? null : Math.round(result.latencyMs)),
		];
	});
	return { columns, rows };
}
