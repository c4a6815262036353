/**
 * The lab's test cases: one immutable table (core/lab/table.ts), changed only through these
 * intention-named edits (core/lab/cases.ts). Files and pastes are read by core/lab/table.ts, which
 * treats them as hostile and names the line of a problem.
 */
import {
	addCase,
	appendCases,
	deleteCase,
	duplicateCase,
	EMPTY_TABLE,
	moveCase,
	setCaseValue,
} from '../core/lab/cases';
import { parseTable, type Table, type TableFormat } from '../core/lab/table';

export class LabCases {
	#table = $state.raw<Table>(EMPTY_TABLE);

	get table(): Table {
		return this.#table;
	}
	get count(): number {
		return this.#table.rows.length;
	}

	/** A new empty row with a cell for each of `columns` (the variables shown). */
	add(columns: readonly string[]): void {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a value passed once, not state
		this.#table = addCase(this.#table, new Map(columns.map((name) => [name, ''])));
	}
	setValue(row: number, name: string, value: string): void {
		this.#table = setCaseValue(this.#table, row, name, value);
	}
	duplicate(row: number): void {
		this.#table = duplicateCase(this.#table, row);
	}
	remove(row: number): void {
		this.#table = deleteCase(this.#table, row);
	}
	move(row: number, by: -1 | 1): void {
		this.#table = moveCase(this.#table, row, by);
	}
	replace(table: Table): void {
		this.#table = table;
	}

	/** Appends the rows of a file or a pasted block; returns why it could not, or null. */
	append(text: string, format: TableFormat): string | null {
		const read = parseTable(text, format);
		if (!read.ok) return read.line ? `Line ${read.line}: ${read.error}` : read.error;
		this.#table = appendCases(this.#table, read.table);
		return null;
	}
}
