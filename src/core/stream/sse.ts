import { createParser, type EventSourceMessage, type ParseError } from 'eventsource-parser';
import type { ChatChunk, StreamEvent } from './types';

/**
 * Upper bound for one pending line plus one pending event. Real single events reach ~2 MB (a base64
 * image, docs/openrouter-protocol.md#sse-framing); without a cap a body that never ends a line
 * grows memory without bound (eventsource-parser's `maxBufferSize`).
 */
export const MAX_EVENT_CHARS = 64 * 1024 * 1024;

export type SseDecoder = {
	/** Decoded text in, the events it completed out (often none). Nothing comes out after `[DONE]`. */
	feed(text: string): StreamEvent[];
	/** End of input: a last event that lacked its blank line still counts if its JSON is whole. */
	flush(): StreamEvent[];
	/** `[DONE]` was seen. */
	readonly done: boolean;
	/** `[DONE]` was seen, or the stream broke a limit; either way no more events will come. */
	readonly finished: boolean;
};

const sizeOf = (chars: number): string =>
	chars >= 1048576 ? `${Math.round(chars / 1048576)} MB` : `${chars} characters`;

const preview = (data: string): string => (data.length > 120 ? `${data.slice(0, 120)}…` : data);

const protocolError = (message: string): StreamEvent => ({
	type: 'error',
	error: { kind: 'protocol', message },
});

/** One `data:` payload → a chunk, or a protocol error; null for a tail cut mid-JSON at the end. */
function eventFromData(data: string, atEnd: boolean): StreamEvent | null {
	let chunk: unknown;
	try {
		chunk = JSON.parse(data);
	} catch {
		// Cut mid-JSON when the body ended: a dropped connection, which `end` reports better
		// (docs/openrouter-protocol.md#how-a-stream-ends).
		return atEnd ? null : protocolError(`a data line was not JSON: ${preview(data)}`);
	}
	return typeof chunk === 'object' && chunk !== null && !Array.isArray(chunk)
		? { type: 'chunk', chunk: chunk as ChatChunk }
		: protocolError(`a data line was not an object: ${preview(data)}`);
}

/**
 * Text pieces of an SSE body → StreamEvents. eventsource-parser does the spec work (buffering partial
 * lines, LF/CRLF/CR, `data:` with or without a space, multi-line data joined with `\n`, comments);
 * this maps payloads. A data line that is not JSON is reported as a `protocol` error, never thrown.
 */
export function createSseDecoder(maxEventChars = MAX_EVENT_CHARS): SseDecoder {
	let out: StreamEvent[] = [];
	let done = false;
	let broken = false;
	let flushing = false;

	const onEvent = ({ data }: EventSourceMessage): void => {
		if (done) return;
		// OpenRouter ends every stream with a literal `[DONE]`, which is not JSON
		// (docs/openrouter-protocol.md#sse-framing).
		done = data === '[DONE]';
		const event = done ? ({ type: 'done' } as const) : eventFromData(data, flushing);
		if (event) out.push(event);
	};

	const parser = createParser({
		onEvent,
		// OpenRouter sends ": OPENROUTER PROCESSING" while it waits; comments are never data
		// (docs/openrouter-protocol.md#sse-framing).
		onComment(comment) {
			if (!done) out.push({ type: 'comment', text: comment.trim() });
		},
		onError(error: ParseError) {
			// Unknown fields and bad `retry:` values are ignorable by the SSE spec; only the size cap ends us.
			if (error.type !== 'max-buffer-size-exceeded' || done) return;
			broken = true;
			out.push(
				protocolError(`one event was larger than ${sizeOf(maxEventChars)}; reading stopped`),
			);
		},
		maxBufferSize: maxEventChars,
	});

	const take = (): StreamEvent[] => {
		const events = out;
		out = [];
		return events;
	};

	return {
		feed(text) {
			if (!done && !broken && text) parser.feed(text);
			return take();
		},
		flush() {
			if (!done && !broken) {
				flushing = true;
				// Two line ends close a pending line (even one ending in a lone CR) and dispatch the event.
				parser.feed('\n\n');
				flushing = false;
			}
			return take();
		},
		get done() {
			return done;
		},
		get finished() {
			return done || broken;
		},
	};
}

/** Reads from a ReadableStream (with a reader: async iteration of streams is missing in some
 * browsers) or any async iterable of bytes, with one `next` per read and no generator between. */
function byteReader(bytes: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>) {
	if ('getReader' in bytes) {
		const reader = bytes.getReader();
		return { next: () => reader.read(), stop: () => reader.cancel() };
	}
	const iterator = bytes[Symbol.asyncIterator]();
	return { next: () => iterator.next(), stop: async () => void (await iterator.return?.()) };
}

export type SseReader = {
	/**
	 * The events of the next network read (never an empty batch), or null once the input is over.
	 * After `[DONE]` nothing more comes, but the input is still read to its end so the caller may
	 * drain the connection; `end` comes when the bytes run out before `[DONE]`.
	 */
	next(): Promise<StreamEvent[] | null>;
	/** Stops reading early (at `[DONE]`, on abort): cancels the stream, which closes the body. */
	cancel(): Promise<void>;
};

/**
 * Bytes → events, a batch per read. One TextDecoder in streaming mode, so a UTF-8 character split
 * across reads is joined (docs/openrouter-protocol.md#sse-framing); `onText` sees that same decoded
 * text as it arrives (the raw inspector).
 *
 * A reader to pull from, not a generator: a fast stream brings a read per token, and every async
 * generator a read passes through costs it a promise round trip (benchmark B4).
 */
export function readSse(
	bytes: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
	maxEventChars = MAX_EVENT_CHARS,
	onText?: (text: string) => void,
): SseReader {
	const source = byteReader(bytes);
	const decoder = new TextDecoder('utf-8');
	const sse = createSseDecoder(maxEventChars);
	let over = false;
	return {
		async next() {
			while (!over) {
				const { done, value } = await source.next();
				const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
				if (text) onText?.(text);
				const events = sse.finished ? [] : sse.feed(text);
				if (done) {
					over = true;
					if (!sse.finished) {
						events.push(...sse.flush());
						if (!sse.finished) events.push({ type: 'end' });
					}
				}
				if (events.length) return events;
			}
			return null;
		},
		async cancel() {
			if (over) return;
			over = true;
			await source.stop().catch(() => undefined);
		},
	};
}

/**
 * The same as a generator, one event at a time: the simplest way to read a whole body (the unit
 * tests read recorded streams with it). A consumer that stops early cancels the stream.
 */
export async function* decodeSse(
	bytes: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
	maxEventChars = MAX_EVENT_CHARS,
	onText?: (text: string) => void,
): AsyncGenerator<StreamEvent> {
	const reader = readSse(bytes, maxEventChars, onText);
	try {
		for (let events = await reader.next(); events; events = await reader.next()) yield* events;
	} finally {
		await reader.cancel();
	}
}
