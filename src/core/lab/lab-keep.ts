/**
 * The prompt lab kept between visits, as the draft keeps the request: the variables' values, the
 * cases, the columns' patch texts (as typed, an unfinished edit too), the assertions, the
 * concurrency and the confirmation threshold. Not the request (the draft holds it) and never the
 * key. The stored record is read as hostile: its size and depth are bounded before parsing and
 * every field goes through the lab file's readers (core/lab/lab-file.ts).
 */
import { MAX_JSON_DEPTH, measureJson } from '../json-bounds';
import { redactKeys } from '../security/redact';
import type { Assertion } from './assertions';
import {
	MAX_LAB_COLUMNS,
	MAX_LAB_FILE_CHARS,
	readAssertions,
	readCases,
	readVariables,
} from './lab-file';
import { MAX_PATCH_CHARS } from './patch';
import { DEFAULT_CONCURRENCY } from './scheduler';
import type { Table } from './table';

export type KeptLab = {
	variables: ReadonlyMap<string, string>;
	cases: Table;
	/** Each column's patch as the user typed it. */
	columns: string[];
	assertions: readonly Assertion[];
	concurrency: number;
	confirmAboveUsd: number;
};

/** As stored: the lab as JSON text, so it can be measured before it is parsed. */
export type KeptLabRecord = { v: 1; text: string; savedAt: number };

/** Where the lab is kept (io/lab-store.ts). Every call resolves; problems come back as notices. */
export type LabStore = {
	load(): Promise<{ lab: KeptLab | null; notice: string | null }>;
	save(lab: KeptLab, secrets: readonly (string | null)[]): Promise<{ notice: string | null }>;
};

export const MAX_CONCURRENCY = 16;
/** Grids estimated above this many dollars ask first, until the user sets another amount. */
export const DEFAULT_CONFIRM_USD = 0.1;
/** A threshold above this is a typing slip, not a budget: the stored value is not taken. */
const MAX_CONFIRM_USD = 1_000_000;

const isConcurrency = (v: unknown): v is number =>
	typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_CONCURRENCY;
const isThreshold = (v: unknown): v is number =>
	typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_CONFIRM_USD;

/**
 * The record to store, or null when the lab is too large to keep (the caller says so). A key
 * typed into a value, a case or a patch is removed, as from a lab file.
 */
export function keptLabRecord(
	lab: KeptLab,
	savedAt: number,
	secrets: readonly (string | null)[] = [],
): KeptLabRecord | null {
	const concurrency = Math.floor(lab.concurrency);
	const text = JSON.stringify({
		variables: Object.fromEntries(lab.variables),
		cases: lab.cases,
		columns: lab.columns,
		assertions: lab.assertions,
		concurrency: isConcurrency(concurrency) ? concurrency : DEFAULT_CONCURRENCY,
		confirmAboveUsd: isThreshold(lab.confirmAboveUsd) ? lab.confirmAboveUsd : DEFAULT_CONFIRM_USD,
	});
	if (text.length > MAX_LAB_FILE_CHARS) return null;
	return { v: 1, text: redactKeys(text, secrets), savedAt };
}

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** The lab a stored record holds, or why it cannot be used (then nothing of it is). */
export function readKeptLab(
	value: unknown,
): { ok: true; lab: KeptLab } | { ok: false; why: string } {
	const fail = (why: string) => ({ ok: false as const, why });
	if (!isObject(value) || value.v !== 1 || typeof value.text !== 'string')
		return fail('it is not a kept lab');
	if (value.text.length > MAX_LAB_FILE_CHARS) return fail('it is too large');
	if (!measureJson(value.text, MAX_JSON_DEPTH).ok) return fail('it nests too deep');
	let data: unknown;
	try {
		data = JSON.parse(value.text);
	} catch {
		return fail('it is not JSON');
	}
	if (!isObject(data)) return fail('it is not an object');
	const variables = readVariables(data.variables);
	if (typeof variables === 'string') return fail(variables);
	const cases = readCases(data.cases);
	if (typeof cases === 'string') return fail(cases);
	const columns = data.columns;
	if (!Array.isArray(columns) || columns.length === 0 || columns.length > MAX_LAB_COLUMNS)
		return fail('its columns are not a list');
	if (!columns.every((c) => typeof c === 'string' && c.length <= MAX_PATCH_CHARS))
		return fail('a column is not a patch text');
	const assertions = readAssertions(data.assertions);
	if (typeof assertions === 'string') return fail(assertions);
	if (!isConcurrency(data.concurrency)) return fail('its concurrency is out of range');
	if (!isThreshold(data.confirmAboveUsd)) return fail('its confirmation threshold is out of range');
	return {
		ok: true,
		lab: {
			variables,
			cases,
			columns: columns as string[],
			assertions,
			concurrency: data.concurrency,
			confirmAboveUsd: data.confirmAboveUsd,
		},
	};
}
