import { redactKeys } from '../security/redact';
import { migrateRecord, type RunRecord } from './record';

/** The export file: `{ format, v, exportedAt, runs, presets? }`. */
export const EXPORT_FORMAT = 'openrouter-playground-export';
export const EXPORT_VERSION = 1;
/** Files larger than this are refused before parsing. */
const KEY_REMOVED = '[key removed]';
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ExportFile = {
	format: typeof EXPORT_FORMAT;
	v: typeof EXPORT_VERSION;
	exportedAt: string;
	runs: RunRecord[];
	/** Saved presets when the app has them; opaque here, validated by their own store. */
	presets?: Record<string, unknown>[];
};

export type Imported =
	| {
			ok: true;
			runs: RunRecord[];
			presets: Record<string, unknown>[] | null;
			/** Runs left out, and why the first of them was (`Run 3: its time … is not a date`). */
			skipped: { count: number; first: string | null };
	  }
	| { ok: false; message: string };

/**
 * The export as JSON text. The key is never part of a record, but a user may have pasted it into a
 * message, or a record may predate redaction: every occurrence of `secret` and anything key-shaped
 * (a key forgotten since) is replaced, so the file never carries one.
 */
export function buildExport(
	runs: RunRecord[],
	options: { exportedAt: number; presets?: Record<string, unknown>[]; secret?: string | null },
): string {
	const file: ExportFile = {
		format: EXPORT_FORMAT,
		v: EXPORT_VERSION,
		exportedAt: new Date(options.exportedAt).toISOString(),
		runs,
		...(options.presets ? { presets: options.presets } : {}),
	};
	return redactKeys(`${JSON.stringify(file, null, 2)}\n`, [options.secret], KEY_REMOVED);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const fail = (message: string): Imported => ({
	ok: false,
	message: `${message} Nothing was imported.`,
});

/**
 * Reads an export file. A file that is not one is refused whole; inside one, each run is checked
 * on its own (core/history/record.ts) and a bad one is skipped and counted, never stored.
 */
export function parseImport(text: string): Imported {
	if (text.length > MAX_IMPORT_BYTES) return fail('This file is over 50 MB.');
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return fail(`This file is not JSON (${reason}).`);
	}
	if (!isObject(data) || data.format !== EXPORT_FORMAT)
		return fail('This is not a playground export: it has no "format": "' + EXPORT_FORMAT + '".');
	if (typeof data.v !== 'number' || !Number.isInteger(data.v))
		return fail('This export has no version number.');
	if (data.v > EXPORT_VERSION)
		return fail(
			`This export is version ${data.v}, from a newer version of the app; this one reads version ${EXPORT_VERSION}. Update the app to import it.`,
		);
	if (data.v < 1) return fail(`Export version ${data.v} does not exist.`);
	if (!Array.isArray(data.runs)) return fail('This export has no "runs" list.');
	const runs: RunRecord[] = [];
	const skipped = { count: 0, first: null as string | null };
	for (const [index, value] of data.runs.entries()) {
		const migrated = migrateRecord(value);
		if (migrated.ok) runs.push(migrated.record);
		else {
			skipped.count++;
			skipped.first ??= `Run ${index + 1}: ${migrated.reason}`;
		}
	}
	let presets: Record<string, unknown>[] | null = null;
	if (data.presets !== undefined) {
		if (!Array.isArray(data.presets) || !data.presets.every(isObject))
			return fail('Its "presets" are not a list of objects.');
		presets = data.presets;
	}
	return { ok: true, runs, presets, skipped };
}

export { newRuns } from './filter';
