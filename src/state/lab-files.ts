/**
 * The lab's files: the whole lab as versioned JSON (never the key), its cases and its results as
 * CSV or JSON Lines. Reading goes through core/lab/lab-file.ts, which treats every byte as hostile.
 */
import { generateLabScript } from '../core/codegen/lab-script';
import { readLabFile, writeLabFile } from '../core/lab/lab-file';
import { planGrid } from '../core/lab/plan';
import { decodeLabLink, encodeLabLink, type LabLink } from '../core/lab/link';
import type { Deflate } from '../core/share/codec';
import { resultsTable } from '../core/lab/results';
import { toCsv, toJsonl, type Table } from '../core/lab/table';
import { redactKeys } from '../core/security/redact';
import type { Lab } from './lab.svelte';

export type TableFile = 'csv' | 'jsonl';

const written = (table: Table, format: TableFile) =>
	format === 'csv' ? toCsv(table) : toJsonl(table);

/** The lab as a file; a key that found its way into the request or a case is removed. */
export function labFileText(
	lab: Lab,
	request: Record<string, unknown>,
	key: string | null,
): string {
	const text = writeLabFile({
		request,
		variables: new Map(lab.values),
		cases: lab.cases.table,
		columns: lab.columns.map((c) => c.text),
		assertions: [...lab.assertions],
	});
	return redactKeys(text, [key]);
}

/** Loads a lab file (its request goes to the editor); returns the problem, or null. */
export function openLabFile(lab: Lab, text: string): string | null {
	const read = readLabFile(text);
	if (!read.ok) return read.error;
	lab.load(read.lab);
	return null;
}

/** A link to the lab (its file, compressed), or why there is none. */
export function labLink(
	lab: Lab,
	request: Record<string, unknown>,
	key: string | null,
	appUrl: string,
	deflate: Deflate,
): Promise<LabLink> {
	return encodeLabLink(labFileText(lab, request, key), appUrl, deflate);
}

/** Opens the lab a `#lab=` link holds, without sending anything. Returns what to tell the user. */
export async function openLabLink(
	lab: Lab,
	hash: string,
	deflate: Deflate,
): Promise<{ ok: boolean; message: string }> {
	const read = await decodeLabLink(hash, deflate);
	if (read.kind === 'none') return { ok: false, message: 'The link holds no lab.' };
	if (read.kind === 'error') return { ok: false, message: read.message };
	const problem = openLabFile(lab, read.text);
	if (problem) return { ok: false, message: `The lab link could not be opened. ${problem}` };
	return {
		ok: true,
		message: 'Opened a lab from a link. Nothing has been sent: check it, then press Run grid.',
	};
}

export function casesText(lab: Lab, format: TableFile): string {
	return written(lab.cases.table, format);
}

export function resultsText(lab: Lab, format: TableFile): string | null {
	const grid = lab.grid;
	if (!grid) return null;
	const labels = new Map(grid.columns.map((c) => [c.id, c.label]));
	const cells = grid.cells.map((cell) => ({
		row: cell.row,
		values: grid.rows[cell.row] ?? new Map<string, string>(),
		column: labels.get(cell.column) ?? cell.column,
		state: grid.states.get(cell.id),
		verdicts: lab.assertions.length > 0 ? (lab.verdictOf(cell.id)?.verdicts ?? null) : null,
	}));
	return written(resultsTable(cells, lab.caseColumns), format);
}

/** The "Run this lab" script for Node (core/codegen/lab-script.ts); null while a patch is invalid. */
export function labScript(
	lab: Lab,
	request: Record<string, unknown>,
	baseUrl: string,
): string | null {
	const columns = lab.patches.flatMap((c) =>
		c.parsed.ok ? [{ ...c, patch: c.parsed.patch }] : [],
	);
	if (columns.length !== lab.patches.length) return null;
	const { cells, bodies } = planGrid(request, columns, lab.rows);
	const index = new Map(columns.map((c, i) => [c.id, i]));
	return generateLabScript({
		baseUrl,
		columns: columns.map((c) => c.label),
		cells: cells.map((cell) => ({
			row: cell.row,
			column: index.get(cell.column) ?? 0,
			body: bodies.get(cell.id) ?? { ok: false, reason: 'no request' },
		})),
		assertions: lab.assertions,
		concurrency: lab.concurrency,
	});
}
