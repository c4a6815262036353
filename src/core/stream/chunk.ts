import type { PlaygroundError } from '../errors';
import type { ApiErrorBody, ChatChunk, ChunkChoice } from './types';

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function errorFields(error: ApiErrorBody, fallbackCode: number | string) {
	return {
		code: error.code ?? error.http_status ?? fallbackCode,
		message: typeof error.message === 'string' && error.message ? error.message : 'Unknown error',
		...(isObject(error.metadata) ? { metadata: error.metadata } : {}),
	};
}

/**
 * A non-2xx answer → an http error. Accepts the usual envelope `{error:{code,message,metadata}}`,
 * the availability shape `{message, error_type, http_status}` (§6.1) and bodies that are not JSON.
 */
export function errorFromBody(status: number, text: string): PlaygroundError {
	let body: unknown = null;
	try {
		body = JSON.parse(text);
	} catch {
		// Not JSON: a proxy page or a plain-text error.
	}
	const envelope = isObject(body) && isObject(body.error) ? (body.error as ApiErrorBody) : null;
	const flat = isObject(body) && typeof body.message === 'string' ? (body as ApiErrorBody) : null;
	const source = envelope ?? flat;
	if (source) return { kind: 'http', status, ...errorFields(source, status) };
	const snippet = text.trim().slice(0, 300);
	return {
		kind: 'http',
		status,
		code: status,
		message: snippet || `The server answered ${status} with an empty body`,
	};
}

/**
 * A non-stream JSON body → one chunk, so it goes through the same fold as a stream. A 200 whose body
 * is an error envelope (§4.7) becomes an http error; `choices[0].error` stays in the chunk (stream error).
 */
export function chunkFromResponse(
	status: number,
	body: unknown,
): { chunk: ChatChunk } | { error: PlaygroundError } {
	if (!isObject(body))
		return { error: { kind: 'protocol', message: 'the body was not a JSON object' } };
	if (isObject(body.error) && !Array.isArray(body.choices)) {
		const error = body.error as ApiErrorBody;
		const code = error.code ?? status;
		return {
			error: {
				kind: 'http',
				status: typeof code === 'number' ? code : status,
				...errorFields(error, status),
			},
		};
	}
	const choices = Array.isArray(body.choices) ? (body.choices as Record<string, unknown>[]) : [];
	const mapped: ChunkChoice[] = choices.map((choice) => {
		const message = isObject(choice.message) ? choice.message : {};
		return {
			index: typeof choice.index === 'number' ? choice.index : 0,
			delta: message as ChunkChoice['delta'],
			finish_reason: (choice.finish_reason as string | null | undefined) ?? null,
			native_finish_reason: (choice.native_finish_reason as string | null | undefined) ?? null,
			logprobs: choice.logprobs,
			...(isObject(choice.error) ? { error: choice.error as ApiErrorBody } : {}),
		};
	});
	return { chunk: { ...body, choices: mapped } as ChatChunk };
}
