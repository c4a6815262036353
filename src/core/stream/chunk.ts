import type { PlaygroundError } from '../errors';
import { redactValue } from '../security/redact';
import { errorFields, errorSource } from './error-fields';
import type { ChatChunk, ChunkChoice } from './types';

export { errorFields, errorSource };

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const SNIPPET_CHARS = 500;

/**
 * A non-2xx answer → an http error. `body` is the parsed JSON (or undefined when it was not JSON),
 * `fallbackText` the raw text. Accepts the envelope `{error:{code,message,metadata}}`, the
 * availability shape `{message, error_type, http_status, availability}`
 * (docs/openrouter-protocol.md#error-envelope) and anything else, in which case the status and the
 * text itself are what the user sees (a proxy page, a plain string).
 * A body may quote the request's `Authorization` header: `known` keys and anything key-shaped are
 * redacted before the error goes anywhere.
 */
export function errorFromBody(
	status: number,
	body: unknown,
	fallbackText: string,
	known: readonly string[] = [],
): PlaygroundError {
	return redactValue(readErrorBody(status, body, fallbackText), known);
}

function readErrorBody(status: number, body: unknown, fallbackText: string): PlaygroundError {
	const fallback = `The API answered ${status} without a message`;
	if (isObject(body)) {
		const error = errorSource(body.error);
		if (error) return { kind: 'http', status, ...errorFields(error, status, fallback) };
		if (typeof body.message === 'string')
			return { kind: 'http', status, ...errorFields(body, status, fallback) };
	}
	const text = fallbackText.trim();
	return {
		kind: 'http',
		status,
		code: status,
		message: text
			? text.length > SNIPPET_CHARS
				? `${text.slice(0, SNIPPET_CHARS)}…`
				: text
			: `The server answered ${status} with an empty body`,
	};
}

/** `message` becomes `delta`; a whole tool-call list is keyed by position, whatever `index` says. */
function choiceFromMessage(raw: unknown, position: number): ChunkChoice {
	const { message, ...rest } = isObject(raw) ? raw : {};
	const delta: Record<string, unknown> = isObject(message) ? { ...message } : {};
	if (Array.isArray(delta.tool_calls))
		delta.tool_calls = delta.tool_calls.map((call: unknown, index) =>
			isObject(call) ? { ...call, index } : call,
		);
	return {
		...rest,
		index: typeof rest.index === 'number' ? rest.index : position,
		delta,
	} as ChunkChoice;
}

/**
 * A non-stream JSON body (docs/openrouter-protocol.md#non-streaming-response) → one chunk, so it
 * goes through the same fold as a stream. A 200 whose body is an error and has no choices
 * (docs/openrouter-protocol.md#errors-in-a-200-body) is an http error whose status is the
 * error's code; `choices[0].error` stays in the chunk, and the fold keeps the partial content with it.
 */
export function chunkFromResponse(
	body: unknown,
): { chunk: ChatChunk } | { error: PlaygroundError } {
	if (!isObject(body))
		return { error: { kind: 'protocol', message: 'the response body was not a JSON object' } };
	const choices = Array.isArray(body.choices) ? body.choices : [];
	const error = errorSource(body.error);
	if (error && choices.length === 0) {
		const fields = errorFields(error, 200, 'The API answered 200 with an error but no message');
		return {
			error: {
				kind: 'http',
				status: typeof fields.code === 'number' ? fields.code : 200,
				...fields,
			},
		};
	}
	return { chunk: { ...body, choices: choices.map(choiceFromMessage) } as ChatChunk };
}
