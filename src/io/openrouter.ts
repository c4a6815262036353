import type { PlaygroundError } from '../core/errors';
import { chunkFromResponse, errorFromBody } from '../core/stream/chunk';
import { redactValue, watchForKeys } from '../core/security/redact';
import { MAX_EVENT_CHARS, readSse, type SseReader } from '../core/stream/sse';
import type { StreamEvent } from '../core/stream/types';

export type SendOptions = {
	apiKey: string;
	baseUrl: string;
	signal?: AbortSignal;
	/** Attribution headers (HTTP-Referer, X-OpenRouter-Title). Never the key. */
	headers?: Record<string, string>;
	/** Receives the body's text exactly as it arrives (for the raw inspector). */
	onText?: (text: string) => void;
};

const OWN_HEADERS = new Set(['authorization', 'content-type']);

/**
 * The request headers. Extra headers cannot replace or double the two we own: a plain object with both
 * `authorization` and `Authorization` would be sent as one comma-joined value.
 */
export function buildHeaders(
	apiKey: string,
	extra: Record<string, string> = {},
): Record<string, string> {
	// fromEntries defines each name as its own (a header named `__proto__` stays a header).
	const headers: Record<string, string> = Object.fromEntries(
		Object.entries(extra).filter(([name]) => !OWN_HEADERS.has(name.toLowerCase())),
	);
	headers.Authorization = `Bearer ${apiKey}`;
	headers['Content-Type'] = 'application/json';
	return headers;
}

/** Error text that came from elsewhere (fetch, a stream) may quote a header; the key never leaves. */
function reasonOf(error: unknown, apiKey: string): string {
	const text = error instanceof Error ? error.message : String(error);
	return apiKey ? text.split(apiKey).join('[key hidden]') : text;
}

function hostOf(baseUrl: string): string {
	try {
		return new URL(baseUrl).host;
	} catch {
		return baseUrl;
	}
}

/**
 * A JSON body, even one answering `stream: true`, is one chunk and then done
 * (docs/openrouter-protocol.md#reading-a-stream).
 */
async function jsonEvents(res: Response, onText?: (text: string) => void): Promise<StreamEvent[]> {
	const text = await res.text();
	onText?.(text);
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return [
			{ type: 'error', error: { kind: 'protocol', message: 'the JSON response did not parse' } },
		];
	}
	const mapped = chunkFromResponse(body);
	if ('error' in mapped) return [{ type: 'error', error: mapped.error }];
	return [{ type: 'chunk', chunk: mapped.chunk }, { type: 'done' }];
}

/**
 * Errors before the stream starts are JSON, not SSE, even with `stream: true`
 * (docs/openrouter-protocol.md#errors-before-the-stream).
 */
async function httpError(
	res: Response,
	apiKey: string,
	onText?: (text: string) => void,
): Promise<PlaygroundError> {
	const text = await res.text();
	onText?.(text);
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}
	return errorFromBody(res.status, body, text, [apiKey]);
}

/**
 * The events of a body that is not a stream to read (an HTTP error, a JSON answer, a web page), or
 * the SSE stream to read.
 */
async function bodyOf(
	res: Response,
	host: string,
	apiKey: string,
	onText?: (text: string) => void,
): Promise<StreamEvent[] | ReadableStream<Uint8Array>> {
	if (!res.ok) return [{ type: 'error', error: await httpError(res, apiKey, onText) }];
	const contentType = res.headers.get('Content-Type') ?? '';
	if (/\bjson\b/i.test(contentType) || !res.body) return jsonEvents(res, onText);
	// A wrong base URL often answers 200 with a web page; as SSE it would look like a dropped stream.
	if (/\bhtml\b/i.test(contentType)) {
		const page = (await res.text()).trim().slice(0, 200);
		const message = `${host} answered with a web page, not the API: ${page}`;
		return [{ type: 'error', error: { kind: 'protocol', message } }];
	}
	return res.body;
}

/**
 * POST /chat/completions and yield what happens as StreamEvents: `open`, then chunks and comments,
 * then `done`, `end` or `error`. Errors are yielded, never thrown. An abort ends the sequence quietly
 * (the caller knows it stopped). The key goes only into the Authorization header of this request,
 * and anything key-shaped that comes back (a body quoting that header) is redacted on the way in.
 */
export function send(
	body: Record<string, unknown>,
	options: SendOptions,
	fetchImpl: typeof fetch = globalThis.fetch,
): AsyncGenerator<StreamEvent> {
	const known = [options.apiKey];
	// A chunk or comment read from text that could not spell a key needs no walk
	// (core/security/redact.ts): the watch sees every piece before the SSE decoder does. Keep-alive
	// comments can come between tokens too: a tenth of the events of the benchmarks' streams (B4).
	const watch = watchForKeys(known);
	const onText = (text: string) => {
		watch.see(text);
		options.onText?.(text);
	};
	const redact = (event: StreamEvent) =>
		(event.type === 'chunk' || event.type === 'comment') && watch.clean
			? event
			: redactValue(event, known);
	// The generator below is the only one an event passes through (B4: a read per token).
	return exchange(body, { ...options, onText }, fetchImpl, redact);
}

async function* exchange(
	body: Record<string, unknown>,
	options: SendOptions,
	fetchImpl: typeof fetch,
	redact: (event: StreamEvent) => StreamEvent,
): AsyncGenerator<StreamEvent> {
	const { apiKey, signal } = options;
	const baseUrl = options.baseUrl.replace(/\/+$/, '');
	const host = hostOf(baseUrl);
	let res: Response;
	try {
		res = await fetchImpl(`${baseUrl}/chat/completions`, {
			method: 'POST',
			headers: buildHeaders(apiKey, options.headers),
			body: JSON.stringify(body),
			signal,
		});
	} catch (error) {
		if (signal?.aborted) return;
		// fetch rejects with a bare TypeError offline; say what it means.
		const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
		const message = offline
			? `You are offline: sending needs a network connection (${host} could not be reached).`
			: `Could not reach ${host}: ${reasonOf(error, apiKey)}`;
		yield redact({ type: 'error', error: { kind: 'network', message } });
		return;
	}
	if (signal?.aborted) return;
	yield redact({
		type: 'open',
		status: res.status,
		generationId: res.headers.get('X-Generation-Id'),
		providerName: res.headers.get('X-Provider-Name'),
		headers: [...res.headers.entries()],
	});

	let reader: SseReader | null = null;
	try {
		const answer = await bodyOf(res, host, apiKey, options.onText);
		if (Array.isArray(answer)) {
			for (const event of answer) {
				if (signal?.aborted) return;
				yield redact(event);
			}
			return;
		}
		reader = readSse(answer, MAX_EVENT_CHARS, options.onText);
		for (let events = await reader.next(); events; events = await reader.next())
			for (const event of events) {
				if (signal?.aborted) return;
				yield redact(event);
				// Stop at [DONE]: leaving cancels the reader, which closes the body cleanly
				// (docs/openrouter-protocol.md#how-a-stream-ends).
				if (event.type === 'done') return;
			}
	} catch (error) {
		if (signal?.aborted) return;
		const message = `The connection to ${host} broke off: ${reasonOf(error, apiKey)}`;
		yield redact({ type: 'error', error: { kind: 'network', message } });
	} finally {
		await reader?.cancel();
	}
}
