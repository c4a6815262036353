/**
 * The asynchronous face of the validator, for schemas that come from the user (tool parameters,
 * structured outputs): a `pattern` is a regular expression the user wrote, and one such as
 * `^(a+)+$` takes exponential time on a string that almost matches. Such checks run where they
 * can be stopped (io/schema-check: a worker terminated after a time limit), and say so when they
 * were.
 */
import { validate, type Issue, type ValidateOptions } from './validate';

export type CheckOutcome =
	| { state: 'checked'; issues: Issue[] }
	/** The check ran past its time limit and was stopped: a pattern that takes too long. */
	| { state: 'timed-out'; message: string }
	/** A newer check with the same `key` took its place before it started. */
	| { state: 'superseded' };

export type CheckOptions = ValidateOptions & {
	/** Checks with the same key replace each other while waiting: only the latest text matters. */
	key?: string;
};

export type CheckSchema = (
	schema: unknown,
	value: unknown,
	options?: CheckOptions,
) => Promise<CheckOutcome>;

/**
 * What a worker is asked and answers. The schema travels as JSON text: it may be a reactive proxy,
 * which cannot be posted, and the text lets the worker keep its prepared validator while the same
 * schema is checked against every frame of a streamed answer.
 */
export type CheckRequest = { id: number; schema: string; value: unknown; partial: boolean };
export type CheckReply = { id: number; started: true } | { id: number; issues: Issue[] };

/** The worker's side: tell the page the check started (its clock starts then), then answer. */
export function createCheckAnswerer(post: (reply: CheckReply) => void) {
	let last: { text: string; schema: unknown } | null = null;
	return (request: CheckRequest): void => {
		post({ id: request.id, started: true });
		if (last?.text !== request.schema)
			last = { text: request.schema, schema: JSON.parse(request.schema) as unknown };
		const issues = validate(request.value, last.schema, { partial: request.partial });
		post({ id: request.id, issues });
	};
}

export const TIMED_OUT_MESSAGE = 'pattern check timed out';
