/**
 * Test cases for the prompt lab as a table: a header of column names (the template's variables)
 * and rows of strings. Read from CSV (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180), from TSV
 * as a spreadsheet puts it on the clipboard (cells holding a tab, a newline or a leading quote are
 * quoted, quotes doubled), or from JSON Lines (https://jsonlines.org/); written back as CSV, TSV or
 * JSON Lines. Files and pastes are hostile: sizes are bounded before any work, and every problem is
 * a value naming the line, never a throw.
 */
import Papa, { type ParseError } from 'papaparse';
import { MAX_JSON_DEPTH, measureJson } from '../json-bounds';
import { groupDigits } from './format';

export const TABLE_FORMATS = [
	{ id: 'csv', label: 'CSV', delimiter: ',' },
	{ id: 'tsv', label: 'TSV (pasted from a spreadsheet)', delimiter: '\t' },
	{ id: 'jsonl', label: 'JSON Lines', delimiter: null },
] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number]['id'];

/** Characters, checked before parsing; a file's byte size can be checked against it before reading. */
export const MAX_TABLE_CHARS = 5_000_000;
/** Rows of test cases, header excluded: each is a request per column. */
export const MAX_TABLE_ROWS = 10_000;
/** Columns: JSON Lines with a new key per line would otherwise pad into rows × keys cells. */
export const MAX_TABLE_COLUMNS = 200;

export type Table = { columns: string[]; rows: string[][] };
export type TableResult =
	| { ok: true; table: Table }
	/** `line`: 1-based line of the input where the problem is, when there is one. */
	| { ok: false; error: string; line?: number };

const BOM = '\ufeff';
const fail = (error: string, line?: number): TableResult =>
	line === undefined ? { ok: false, error } : { ok: false, error, line };

export function parseTable(text: string, format: TableFormat): TableResult {
	if (text.length > MAX_TABLE_CHARS)
		return fail(
			`The table is too large: ${groupDigits(text.length)} characters, at most ${groupDigits(MAX_TABLE_CHARS)}`,
		);
	const source = text.startsWith(BOM) ? text.slice(1) : text;
	if (source.trim() === '') return fail('The table is empty');
	return format === 'jsonl' ? parseJsonLines(source) : parseDelimited(source, format);
}

/** JSON Lines when the first non-blank character opens an object, TSV when the first line has a tab. */
export function guessFormat(text: string): TableFormat {
	const source = text.startsWith(BOM) ? text.slice(1) : text;
	if (source.trimStart().startsWith('{')) return 'jsonl';
	const firstLine = source.slice(0, source.search(/\r|\n|$/));
	return firstLine.includes('\t') ? 'tsv' : 'csv';
}

/** The 1-based line holding character `index`, counting CRLF, LF and CR as line ends. */
function lineAt(text: string, index: number): number {
	let line = 1;
	for (let i = 0; i < index && i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
	}
	return line;
}

function parseDelimited(source: string, format: 'csv' | 'tsv'): TableResult {
	const rows: string[][] = [];
	let problem: ParseError | undefined;
	let cursor = 0;
	Papa.parse(source, {
		delimiter: format === 'csv' ? ',' : '\t',
		quoteChar: '"',
		escapeChar: '"',
		// Row by row, to tell a blank line (skipped) from a row holding one empty quoted cell ("").
		step: (result, parser) => {
			const raw = source.slice(cursor, result.meta.cursor);
			cursor = result.meta.cursor;
			problem ??= result.errors[0];
			if (!/^[\r\n]*$/.test(raw)) rows.push(result.data);
			// One row past the limit (and the header) is enough to know it is exceeded.
			if (problem || rows.length > MAX_TABLE_ROWS + 1) parser.abort();
		},
	});
	if (problem) {
		const line = problem.index === undefined ? undefined : lineAt(source, problem.index);
		const what =
			problem.code === 'MissingQuotes'
				? 'a quoted cell is never closed'
				: problem.code === 'InvalidQuotes'
					? 'text follows the closing quote of a cell'
					: problem.message;
		return fail(`Not valid ${format.toUpperCase()}: ${what}`, line);
	}
	const [header = [], ...data] = rows;
	const columns = header.map((name) => name.trim());
	// Spreadsheets export columns once used and now empty as trailing empty header cells.
	while (columns.length > 0 && columns[columns.length - 1] === '') columns.pop();
	return fromCells(columns, data);
}

/**
 * Checks names and row count, and makes the table rectangular: spreadsheets and hand-written files
 * drop trailing empty cells or add some; cells beyond the header must be empty.
 */
function fromCells(columns: string[], rows: string[][]): TableResult {
	if (columns.length === 0) return fail('The first line names no columns');
	const named = checkColumns(columns);
	if (named) return fail(named);
	if (rows.length > MAX_TABLE_ROWS)
		return fail(`The table has more than ${groupDigits(MAX_TABLE_ROWS)} rows`);
	const width = columns.length;
	const out: string[][] = [];
	for (const [i, row] of rows.entries()) {
		if (row.slice(width).some((cell) => cell !== ''))
			return fail(`Row ${i + 1} has ${row.length} cells but the header names ${width} columns`);
		out.push(Array.from({ length: width }, (_, j) => row[j] ?? ''));
	}
	return { ok: true, table: { columns, rows: out } };
}

function checkColumns(columns: string[]): string | null {
	if (columns.length > MAX_TABLE_COLUMNS)
		return `The table has ${columns.length} columns, at most ${MAX_TABLE_COLUMNS}`;
	const seen = new Set<string>();
	for (const [i, name] of columns.entries()) {
		if (name === '') return `Column ${i + 1} has no name`;
		if (seen.has(name)) return `Column "${name}" appears twice`;
		seen.add(name);
	}
	return null;
}

/** JSON strings cannot hold a raw line break, so each physical line is one record. */
function parseJsonLines(source: string): TableResult {
	const columns = new Map<string, number>();
	const records: Map<string, string>[] = [];
	const lines = source.split(/\r?\n/);
	for (const [i, raw] of lines.entries()) {
		const line = raw.trim();
		if (line === '') continue;
		if (records.length === MAX_TABLE_ROWS)
			return fail(`The table has more than ${groupDigits(MAX_TABLE_ROWS)} rows`, i + 1);
		const record = readRecord(line);
		if (typeof record === 'string') return fail(`Line ${i + 1} ${record}`, i + 1);
		for (const key of record.keys()) {
			if (!columns.has(key)) columns.set(key, columns.size);
			if (columns.size > MAX_TABLE_COLUMNS)
				return fail(`The table has more than ${MAX_TABLE_COLUMNS} columns`, i + 1);
		}
		records.push(record);
	}
	const names = [...columns.keys()];
	return fromCells(
		names,
		records.map((record) => names.map((name) => record.get(name) ?? '')),
	);
}

/** One line as name → text (non-strings as their JSON), or why it cannot be a row. */
function readRecord(line: string): Map<string, string> | string {
	if (!measureJson(line, MAX_JSON_DEPTH).ok) return `nests deeper than ${MAX_JSON_DEPTH} levels`;
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch (error) {
		return `is not JSON: ${(error as Error).message}`;
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		return 'is not a JSON object';
	// Object.entries sees an own "__proto__" as JSON.parse made it: an ordinary key.
	return new Map(
		Object.entries(value).map(([key, v]) => [key, typeof v === 'string' ? v : JSON.stringify(v)]),
	);
}

/**
 * A cell is quoted only when it must be: it holds the delimiter, a quote or a line break, or starts
 * with a BOM (which a reader would strip as the file's). A single empty cell on a row is quoted
 * too, or the row would read back as a blank line and be skipped.
 */
function writeDelimited(table: Table, delimiter: string): string {
	const cell = (value: string) =>
		value.includes(delimiter) || /["\r\n]/.test(value) || value.startsWith(BOM)
			? `"${value.replaceAll('"', '""')}"`
			: value;
	const line = (cells: string[]) =>
		cells.length === 1 && cells[0] === '' ? '""' : cells.map(cell).join(delimiter);
	return [table.columns, ...table.rows].map((cells) => `${line(cells)}\r\n`).join('');
}

/** CSV with CRLF line ends, as RFC 4180 writes it. */
export const toCsv = (table: Table): string => writeDelimited(table, ',');

/** Tab-separated, quoted as spreadsheets quote it: what pastes back into a sheet cell by cell. */
export const toTsv = (table: Table): string => writeDelimited(table, '\t');

/**
 * One object per row, keys in column order. Written by hand: an object would put integer-like keys
 * ("7") first. Reading back goes through JSON.parse, which does reorder them; such names cannot be
 * template variables anyway.
 */
export function toJsonl(table: Table): string {
	const keys = table.columns.map((name) => JSON.stringify(name));
	return table.rows
		.map((row) => `{${keys.map((key, j) => `${key}:${JSON.stringify(row[j] ?? '')}`).join(',')}}\n`)
		.join('');
}

/** One row as the values `substitute` takes: column name → cell. */
export function rowValues(table: Table, index: number): Map<string, string> {
	const row = table.rows[index] ?? [];
	return new Map(table.columns.map((name, j) => [name, row[j] ?? '']));
}
