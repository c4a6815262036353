import type { ToolCall, Usage } from '../stream/types';

/** How a stored run ended. A run still streaming is never stored. */
export const RUN_STATUSES = ['done', 'stopped', 'error'] as const;
export type RunRecordStatus = (typeof RUN_STATUSES)[number];

export const RECORD_VERSION = 2;

/**
 * The first record shape (the branch's first build): the answer as plain text, no timings, no
 * provider. Kept so records written then still load.
 */
export type RunRecordV1 = {
	v: 1;
	id: string;
	at: number;
	request: Record<string, unknown>;
	answer: string;
	status: RunRecordStatus;
	usage: Usage | null;
};

/** One run as history keeps it: the body exactly as posted (never the key), the answer and numbers. */
export type RunRecord = {
	v: 2;
	id: string;
	/** When the run started, ms since the epoch. */
	at: number;
	request: Record<string, unknown>;
	/** The model asked for (`request.model`), and the one that answered with its provider. */
	model: string;
	servedModel: string | null;
	provider: string | null;
	status: RunRecordStatus;
	answer: {
		text: string;
		reasoning: string;
		refusal: string;
		toolCalls: ToolCall[];
		finishReason: string | null;
	};
	usage: Usage | null;
	timings: { ttftMs: number | null; totalMs: number | null; tokensPerSecond: number | null };
	/** What went wrong, as the user saw it. */
	error: string | null;
	generationId: string | null;
	httpStatus: number | null;
};

export type Migrated =
	{ ok: true; record: RunRecord } | { ok: false; newer: boolean; reason: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const isStatus = (value: unknown): value is RunRecordStatus =>
	(RUN_STATUSES as readonly unknown[]).includes(value);
const isNumberOrNull = (value: unknown) => value === null || typeof value === 'number';
const isStringOrNull = (value: unknown) => value === null || typeof value === 'string';

const modelOf = (request: Record<string, unknown>) =>
	typeof request.model === 'string' ? request.model : '';

function fromV1(record: RunRecordV1): RunRecord {
	return {
		v: 2,
		id: record.id,
		at: record.at,
		request: record.request,
		model: modelOf(record.request),
		servedModel: null,
		provider: null,
		status: record.status,
		answer: { text: record.answer, reasoning: '', refusal: '', toolCalls: [], finishReason: null },
		usage: record.usage,
		timings: { ttftMs: null, totalMs: null, tokensPerSecond: null },
		error: null,
		generationId: null,
		httpStatus: null,
	};
}

/** Why `value` is not a base record (fields every version has), or null when it is one. */
function baseProblem(value: Record<string, unknown>): string | null {
	if (typeof value.id !== 'string' || !value.id) return 'it has no id';
	if (typeof value.at !== 'number' || !Number.isFinite(value.at)) return 'it has no time';
	if (!isObject(value.request)) return 'it has no request';
	if (!isStatus(value.status)) return `its status ${JSON.stringify(value.status)} is unknown`;
	if (value.usage !== null && !isObject(value.usage)) return 'its usage is not an object';
	return null;
}

function v2Problem(value: Record<string, unknown>): string | null {
	const answer = value.answer;
	if (!isObject(answer)) return 'it has no answer';
	for (const field of ['text', 'reasoning', 'refusal'] as const)
		if (typeof answer[field] !== 'string') return `its answer has no ${field}`;
	if (!Array.isArray(answer.toolCalls)) return 'its tool calls are not a list';
	if (!isStringOrNull(answer.finishReason)) return 'its finish reason is not text';
	const timings = value.timings;
	if (
		!isObject(timings) ||
		!['ttftMs', 'totalMs', 'tokensPerSecond'].every((k) => isNumberOrNull(timings[k]))
	)
		return 'its timings are not numbers';
	if (typeof value.model !== 'string') return 'it has no model';
	for (const field of ['servedModel', 'provider', 'error', 'generationId'] as const)
		if (!isStringOrNull(value[field])) return `its ${field} is not text`;
	if (!isNumberOrNull(value.httpStatus)) return 'its HTTP status is not a number';
	return null;
}

/** Validates a stored or imported record of any known version and brings it to the current one. */
export function migrateRecord(value: unknown): Migrated {
	if (!isObject(value)) return { ok: false, newer: false, reason: 'it is not an object' };
	const v = value.v;
	if (typeof v === 'number' && Number.isInteger(v) && v > RECORD_VERSION)
		return {
			ok: false,
			newer: true,
			reason: `it was written by a newer version of the app (record version ${v}, this app reads up to ${RECORD_VERSION})`,
		};
	if (v !== 1 && v !== 2) return { ok: false, newer: false, reason: 'it has no known version' };
	const problem =
		baseProblem(value) ??
		(v === 1 ? (typeof value.answer === 'string' ? null : 'it has no answer') : v2Problem(value));
	if (problem) return { ok: false, newer: false, reason: problem };
	return { ok: true, record: v === 1 ? fromV1(value as RunRecordV1) : (value as RunRecord) };
}

/** Imported runs not already in history (same id), so importing twice adds nothing. */
export function newRuns(existing: RunRecord[], imported: RunRecord[]): RunRecord[] {
	const ids = new Set(existing.map((run) => run.id));
	return imported.filter((run) => !ids.has(run.id) && (ids.add(run.id), true));
}
