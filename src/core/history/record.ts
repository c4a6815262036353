import { MAX_JSON_DEPTH, nestsDeeperThan } from '../json-bounds';
import type { ToolCall, Usage } from '../stream/types';
import type { Branches } from '../conversation/branches';
import type { LabRun } from '../lab/lab-record';

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
	/** The conversation's branches when the run was made, where there were any to switch between. */
	branches?: Branches;
	/** A prompt lab's grid run: the lab and every cell's result (core/lab/lab-record.ts). */
	lab?: LabRun;
};

export type Migrated =
	{ ok: true; record: RunRecord } | { ok: false; newer: boolean; reason: string };

/**
 * The latest time a `Date` can hold (ECMAScript: 8.64e15 ms after the epoch): past it, dates print
 * as "Invalid Date" and `toISOString` throws. A run is never older than the epoch.
 */
export const MAX_AT = 8.64e15;
/** Run ids are UUIDs; an id this long is not one of ours. */
const MAX_ID_LENGTH = 200;

/** Thrown inside the readers below and caught by migrateRecord: never leaves this module. */
class Unreadable extends Error {}
const unreadable = (reason: string): never => {
	throw new Unreadable(reason);
};

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const isStatus = (value: unknown): value is RunRecordStatus =>
	(RUN_STATUSES as readonly unknown[]).includes(value);

const text = (value: unknown, what: string): string =>
	typeof value === 'string' ? value : unreadable(`its ${what} is not text`);
const textOrNull = (value: unknown, what: string): string | null =>
	value === null ? null : text(value, what);
/** A count, a duration or a price: a finite number, zero or more. */
const amount = (value: unknown, what: string): number =>
	typeof value === 'number' && Number.isFinite(value) && value >= 0
		? value
		: unreadable(`its ${what} is not a number of zero or more`);

function readId(value: unknown): string {
	if (typeof value !== 'string' || !value) return unreadable('it has no id');
	return value.length <= MAX_ID_LENGTH ? value : unreadable('its id is too long');
}

function readAt(value: unknown): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) return unreadable('it has no time');
	return value >= 0 && value <= MAX_AT
		? value
		: unreadable(`its time ${value} is not a date (0 to ${MAX_AT} ms)`);
}

function readRequest(value: unknown): Record<string, unknown> {
	if (!isObject(value)) return unreadable('it has no request');
	// The views print the request with JSON.stringify, which recurses.
	if (nestsDeeperThan(value)) return unreadable(`its request nests over ${MAX_JSON_DEPTH} levels`);
	return value;
}

function readUsage(value: unknown): Usage | null {
	if (value === null) return null;
	if (!isObject(value)) return unreadable('its usage is not an object');
	for (const field of ['prompt_tokens', 'completion_tokens', 'total_tokens', 'cost'])
		if (value[field] !== undefined) amount(value[field], `usage's ${field}`);
	if (nestsDeeperThan(value, 8)) return unreadable('its usage nests too deep');
	return value as Usage;
}

/** Tool calls as the views key them: objects with a unique index and text fields. */
function readToolCalls(value: unknown): ToolCall[] {
	if (!Array.isArray(value)) return unreadable('its tool calls are not a list');
	const seen = new Set<number>();
	return value.map((call: unknown, i): ToolCall => {
		const what = `tool call ${i + 1}`;
		if (!isObject(call)) return unreadable(`its ${what} is not an object`);
		const index = call.index;
		if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0)
			return unreadable(`its ${what} has no index`);
		if (seen.has(index)) return unreadable(`its tool calls repeat index ${index}`);
		seen.add(index);
		return {
			index,
			id: text(call.id, `${what}'s id`),
			type: text(call.type, `${what}'s type`),
			name: text(call.name, `${what}'s name`),
			arguments: text(call.arguments, `${what}'s arguments`),
		};
	});
}

function readV1(value: Record<string, unknown>): RunRecord {
	if (typeof value.answer !== 'string') return unreadable('it has no answer');
	const request = readRequest(value.request);
	return {
		v: 2,
		id: readId(value.id),
		at: readAt(value.at),
		request,
		model: typeof request.model === 'string' ? request.model : '',
		servedModel: null,
		provider: null,
		status: readStatus(value.status),
		answer: { text: value.answer, reasoning: '', refusal: '', toolCalls: [], finishReason: null },
		usage: readUsage(value.usage),
		timings: { ttftMs: null, totalMs: null, tokensPerSecond: null },
		error: null,
		generationId: null,
		httpStatus: null,
	};
}

function readStatus(value: unknown): RunRecordStatus {
	return isStatus(value) ? value : unreadable(`its status ${JSON.stringify(value)} is unknown`);
}

function readHttpStatus(value: unknown): number | null {
	if (value === null) return null;
	return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599
		? value
		: unreadable('its HTTP status is not one (100 to 599)');
}

/**
 * A new record built from the known fields only, each checked for its type and range: unknown
 * fields (`__proto__` among them) are left behind, and every view can trust what it gets.
 */
function readV2(value: Record<string, unknown>): RunRecord {
	const answer = isObject(value.answer) ? value.answer : unreadable('it has no answer');
	const timings = isObject(value.timings) ? value.timings : unreadable('its timings are missing');
	const timing = (field: string) =>
		timings[field] === null ? null : amount(timings[field], `timings' ${field}`);
	return {
		v: 2,
		id: readId(value.id),
		at: readAt(value.at),
		request: readRequest(value.request),
		model: text(value.model, 'model'),
		servedModel: textOrNull(value.servedModel, 'servedModel'),
		provider: textOrNull(value.provider, 'provider'),
		status: readStatus(value.status),
		answer: {
			text: typeof answer.text === 'string' ? answer.text : unreadable('its answer has no text'),
			reasoning: text(answer.reasoning, "answer's reasoning"),
			refusal: text(answer.refusal, "answer's refusal"),
			toolCalls: readToolCalls(answer.toolCalls),
			finishReason: textOrNull(answer.finishReason, 'finish reason'),
		},
		usage: readUsage(value.usage),
		timings: {
			ttftMs: timing('ttftMs'),
			totalMs: timing('totalMs'),
			tokensPerSecond: timing('tokensPerSecond'),
		},
		error: textOrNull(value.error, 'error'),
		generationId: textOrNull(value.generationId, 'generationId'),
		httpStatus: readHttpStatus(value.httpStatus),
		...readOptionalBranches(value.branches),
		...(isObject(value.lab) ? { lab: value.lab as LabRun } : {}),
	};
}

/**
 * Branches and a lab's grid are optional. Here only their outline is checked (the record's size
 * is bounded with the rest of it); each is read in full where it is used: the tree node by node
 * when a run is loaded from history (core/conversation/read-branches.ts), the grid when it is
 * opened in the lab (core/lab/lab-record.ts). That keeps their code out of the history reader.
 */
function readOptionalBranches(value: unknown): { branches?: Branches } {
	if (value === undefined) return {};
	return isObject(value) && Array.isArray(value.roots)
		? { branches: { roots: value.roots as Branches['roots'] } }
		: unreadable('its branches are not readable');
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
	try {
		return { ok: true, record: v === 1 ? readV1(value) : readV2(value) };
	} catch (error) {
		if (error instanceof Unreadable) return { ok: false, newer: false, reason: error.message };
		throw error;
	}
}
