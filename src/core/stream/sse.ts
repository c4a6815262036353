import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { ChatChunk, StreamEvent } from './types';

/**
 * Text pieces of an SSE body → StreamEvents. eventsource-parser does the spec work (buffering partial
 * lines, CR/LF/CRLF, multi-line data, comments); we map payloads. Nothing after `[DONE]` is emitted.
 */
export function createSseDecoder(emit: (event: StreamEvent) => void): {
	feed(text: string): void;
	readonly done: boolean;
} {
	let done = false;
	const parser = createParser({
		onEvent(message: EventSourceMessage) {
			if (done) return;
			const data = message.data;
			if (data === '[DONE]') {
				done = true;
				emit({ type: 'done' });
				return;
			}
			try {
				emit({ type: 'chunk', chunk: JSON.parse(data) as ChatChunk });
			} catch {
				emit({
					type: 'error',
					error: {
						kind: 'protocol',
						message: `a data line was not JSON: ${data.length > 120 ? `${data.slice(0, 120)}…` : data}`,
					},
				});
			}
		},
		// OpenRouter sends ": OPENROUTER PROCESSING" comments while waiting; they are not data.
		onComment(comment: string) {
			if (!done) emit({ type: 'comment', text: comment.trim() });
		},
	});
	return {
		feed(text: string) {
			if (!done) parser.feed(text);
		},
		get done() {
			return done;
		},
	};
}

/**
 * Bytes → events. One TextDecoder in streaming mode, so a UTF-8 character split across reads is
 * joined. Yields `end` when the bytes run out before `[DONE]`.
 */
export async function* decodeSse(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<StreamEvent> {
	const decoder = new TextDecoder('utf-8');
	const queue: StreamEvent[] = [];
	const sse = createSseDecoder((event) => queue.push(event));
	for await (const piece of bytes) {
		sse.feed(decoder.decode(piece, { stream: true }));
		while (queue.length > 0) yield queue.shift() as StreamEvent;
		// Keep draining after [DONE] so the connection closes cleanly, but emit nothing more.
	}
	sse.feed(decoder.decode());
	// A last event without its blank line is still an event for us (tricky case 14).
	if (!sse.done) sse.feed('\n\n');
	while (queue.length > 0) yield queue.shift() as StreamEvent;
	if (!sse.done) yield { type: 'end' };
}
