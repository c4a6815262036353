/**
 * Editing the lab's test cases: pure functions from one table (core/lab/table.ts) to the next, so
 * the state keeps one immutable value and every edit is tested in Node. Columns are the variables'
 * names; a column a template no longer uses is kept (its values are the user's data).
 */
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, type Table } from './table';

export const EMPTY_TABLE: Table = { columns: [], rows: [] };

/** The columns to show: the template's variables first, then any other column the cases hold. */
export function shownColumns(table: Table, variables: readonly string[]): string[] {
	const seen = new Set(variables);
	return [...variables, ...table.columns.filter((name) => !seen.has(name))];
}

function withColumn(table: Table, name: string): Table {
	if (table.columns.includes(name) || table.columns.length >= MAX_TABLE_COLUMNS) return table;
	return { columns: [...table.columns, name], rows: table.rows.map((row) => [...row, '']) };
}

/** A new row, its cells filled from `values` (a column per name, added when missing). */
export function addCase(table: Table, values: ReadonlyMap<string, string> = new Map()): Table {
	if (table.rows.length >= MAX_TABLE_ROWS) return table;
	let next = table;
	for (const name of values.keys()) next = withColumn(next, name);
	const row = next.columns.map((name) => values.get(name) ?? '');
	return { columns: next.columns, rows: [...next.rows, row] };
}

export function setCaseValue(table: Table, index: number, name: string, value: string): Table {
	if (index < 0 || index >= table.rows.length) return table;
	const next = withColumn(table, name);
	const at = next.columns.indexOf(name);
	if (at === -1) return table;
	const rows = next.rows.map((row, i) =>
		i === index ? row.map((cell, j) => (j === at ? value : cell)) : row,
	);
	return { columns: next.columns, rows };
}

export function duplicateCase(table: Table, index: number): Table {
	const row = table.rows[index];
	if (!row || table.rows.length >= MAX_TABLE_ROWS) return table;
	const rows = [...table.rows.slice(0, index + 1), [...row], ...table.rows.slice(index + 1)];
	return { columns: table.columns, rows };
}

export function deleteCase(table: Table, index: number): Table {
	return { columns: table.columns, rows: table.rows.filter((_, i) => i !== index) };
}

/** Moves a row one place up (-1) or down (+1); at an end it stays. */
export function moveCase(table: Table, index: number, by: -1 | 1): Table {
	const to = index + by;
	if (index < 0 || to < 0 || index >= table.rows.length || to >= table.rows.length) return table;
	const rows = [...table.rows];
	[rows[index], rows[to]] = [rows[to] as string[], rows[index] as string[]];
	return { columns: table.columns, rows };
}

/** Imported or pasted rows, appended under the current ones, matched by column name. */
export function appendCases(table: Table, imported: Table): Table {
	let next = table;
	for (const name of imported.columns) next = withColumn(next, name);
	const room = MAX_TABLE_ROWS - next.rows.length;
	const rows = imported.rows.slice(0, Math.max(0, room)).map((row) =>
		next.columns.map((name) => {
			const j = imported.columns.indexOf(name);
			return j === -1 ? '' : (row[j] ?? '');
		}),
	);
	return { columns: next.columns, rows: [...next.rows, ...rows] };
}
