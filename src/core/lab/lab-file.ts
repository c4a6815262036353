/**
 * A lab saved as a file: `{ v: 1, request, variables, cases, columns, assertions }`. It never holds
 * the key (the caller redacts the text it writes). Reading is for hostile files: the size and depth
 * are bounded before parsing, every field is checked to its real range, and user names go in Maps.
 */
import { MAX_JSON_DEPTH, measureJson } from '../json-bounds';
import { ASSERTION_KINDS, MAX_PATTERN_CHARS, type Assertion } from './assertions';
import { MAX_PATCH_CHARS } from './patch';
import { MAX_TABLE_CHARS, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, type Table } from './table';
import { VARIABLE_NAME } from './template';

export type LabFile = {
	request: Record<string, unknown>;
	variables: Map<string, string>;
	cases: Table;
	/** Each column's patch, as the JSON text the user edits. */
	columns: string[];
	assertions: Assertion[];
};

export const MAX_LAB_FILE_CHARS = MAX_TABLE_CHARS * 2;
export const MAX_LAB_COLUMNS = 20;
export const MAX_ASSERTIONS = 50;
const MAX_VALUE_CHARS = 100_000;

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = MAX_VALUE_CHARS): v is string =>
	typeof v === 'string' && v.length <= max;
const isLimit = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

export function writeLabFile(lab: LabFile): string {
	const columns = lab.columns.map((text) => {
		try {
			return JSON.parse(text) as unknown;
		} catch {
			return {}; // an unfinished edit is not saved; the UI shows it as an error meanwhile
		}
	});
	const { cases, request, assertions } = lab;
	const variables = Object.fromEntries(lab.variables);
	return `${JSON.stringify({ v: 1, request, variables, cases, columns, assertions }, null, '\t')}\n`;
}

/** One assertion as the file has it, or null when it is not one the app can run. */
export function readAssertion(value: unknown): Assertion | null {
	if (!isObject(value) || !ASSERTION_KINDS.some((k) => k.id === value.kind)) return null;
	const ignoreCase = value.ignoreCase === true ? { ignoreCase: true } : {};
	switch (value.kind) {
		case 'contains':
		case 'not-contains':
		case 'equals':
			return isText(value.value) ? { kind: value.kind, value: value.value, ...ignoreCase } : null;
		case 'regex':
			if (!isText(value.pattern, MAX_PATTERN_CHARS)) return null;
			if (value.flags !== undefined && !(isText(value.flags, 5) && /^[imsuv]*$/.test(value.flags)))
				return null;
			return { kind: 'regex', pattern: value.pattern, flags: (value.flags as string) ?? '' };
		case 'valid-json':
			return { kind: 'valid-json' };
		case 'json-schema':
			return isObject(value.schema) || typeof value.schema === 'boolean'
				? { kind: 'json-schema', schema: value.schema }
				: null;
		case 'json-pointer':
			return isText(value.pointer, 1_000) && 'expected' in value
				? { kind: 'json-pointer', pointer: value.pointer, expected: value.expected }
				: null;
		case 'max-latency':
			return isLimit(value.ms) ? { kind: 'max-latency', ms: value.ms } : null;
		case 'max-cost':
			return isLimit(value.usd) ? { kind: 'max-cost', usd: value.usd } : null;
	}
	return null;
}

export function readCases(value: unknown): Table | string {
	if (!isObject(value) || !Array.isArray(value.columns) || !Array.isArray(value.rows))
		return 'the cases are not a table';
	const { columns, rows } = value;
	if (columns.length > MAX_TABLE_COLUMNS || rows.length > MAX_TABLE_ROWS)
		return 'the cases table is too large';
	if (!columns.every((c) => isText(c, 200) && VARIABLE_NAME.test(c)))
		return 'a case column is not a variable name';
	if (new Set(columns).size !== columns.length) return 'a case column appears twice';
	const ok = rows.every(
		(row) => Array.isArray(row) && row.length === columns.length && row.every((c) => isText(c)),
	);
	if (!ok) return 'a case row does not match the columns';
	return { columns: columns as string[], rows: rows as string[][] };
}

export type LabFileRead = { ok: true; lab: LabFile } | { ok: false; error: string };

export function readLabFile(text: string): LabFileRead {
	const fail = (why: string): LabFileRead => ({ ok: false, error: `Not a lab file: ${why}.` });
	if (text.length > MAX_LAB_FILE_CHARS) return fail('it is too large');
	if (!measureJson(text, MAX_JSON_DEPTH).ok) return fail('it nests too deep');
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return fail('it is not JSON');
	}
	if (!isObject(value)) return fail('it is not an object');
	if (value.v !== 1) return fail(`version ${JSON.stringify(value.v) ?? 'missing'} is not 1`);
	if (!isObject(value.request) || !Array.isArray(value.request.messages))
		return fail('it has no request with messages');
	const variables = readVariables(value.variables);
	if (typeof variables === 'string') return fail(variables);
	const cases = readCases(value.cases);
	if (typeof cases === 'string') return fail(cases);
	const columns = value.columns;
	if (!Array.isArray(columns) || columns.length === 0 || columns.length > MAX_LAB_COLUMNS)
		return fail(`it needs 1 to ${MAX_LAB_COLUMNS} columns`);
	const patches = columns.map((c) => (isObject(c) ? JSON.stringify(c) : null));
	if (patches.some((p) => p === null || p.length > MAX_PATCH_CHARS))
		return fail('a column is not a small JSON object');
	const assertions = readAssertions(value.assertions);
	if (typeof assertions === 'string') return fail(assertions);
	return {
		ok: true,
		lab: { request: value.request, variables, cases, columns: patches as string[], assertions },
	};
}

/** The variables' values (`{ name: value }`) in a Map, or why they are not readable. */
export function readVariables(value: unknown): Map<string, string> | string {
	if (!isObject(value)) return 'the variables are not an object';
	const variables = new Map<string, string>();
	for (const [name, v] of Object.entries(value)) {
		if (!VARIABLE_NAME.test(name) || !isText(v)) return `variable ${name} is not text`;
		variables.set(name, v);
	}
	return variables;
}

/** A list of assertions the lab can run, or why it is not one. */
export function readAssertions(value: unknown): Assertion[] | string {
	if (!Array.isArray(value) || value.length > MAX_ASSERTIONS)
		return 'the assertions are not a list';
	const assertions = value.map(readAssertion);
	if (assertions.some((a) => a === null)) return 'an assertion is not one the lab knows';
	return assertions as Assertion[];
}
