import { describe, expect, it } from 'vitest';
import { createSseDecoder, decodeSse } from '../../../../src/core/stream/sse';
import type { StreamEvent } from '../../../../src/core/stream/types';
import { encode, source, split } from './pipeline';

const chunk = (content: string) =>
	`{"choices":[{"index":0,"delta":{"role":"assistant","content":${JSON.stringify(content)}}}]}`;

/** Feeds text pieces to one decoder, then flushes; returns every event in order. */
function decodeText(pieces: string[]): StreamEvent[] {
	const sse = createSseDecoder();
	return [...pieces.flatMap((piece) => sse.feed(piece)), ...sse.flush()];
}

async function collect(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
	const out: StreamEvent[] = [];
	for await (const event of events) out.push(event);
	return out;
}

const contents = (events: StreamEvent[]) =>
	events.flatMap((e) =>
		e.type === 'chunk' ? [e.chunk.choices?.[0]?.delta?.content ?? null] : [`<${e.type}>`],
	);

describe('createSseDecoder', () => {
	it('turns comments, data and [DONE] into events', () => {
		const events = decodeText([
			`: OPENROUTER PROCESSING\n\n:OPENROUTER PROCESSING\n\ndata: ${chunk('Hi')}\n\ndata: [DONE]\n\n`,
		]);
		expect(events).toEqual([
			{ type: 'comment', text: 'OPENROUTER PROCESSING' },
			{ type: 'comment', text: 'OPENROUTER PROCESSING' },
			{ type: 'chunk', chunk: JSON.parse(chunk('Hi')) },
			{ type: 'done' },
		]);
	});

	it('reports a data line that is not JSON and keeps going', () => {
		const events = decodeText([`data: {"choices":[\n\ndata: 42\n\ndata: ${chunk('after')}\n\n`]);
		expect(events.map((e) => e.type)).toEqual(['error', 'error', 'chunk']);
		expect(events[0]).toEqual({
			type: 'error',
			error: { kind: 'protocol', message: 'a data line was not JSON: {"choices":[' },
		});
		expect(events[1]).toMatchObject({ error: { kind: 'protocol' } });
	});

	it('emits nothing after [DONE], whatever follows', () => {
		const sse = createSseDecoder();
		expect(sse.feed('data: [DONE]\n\n: late\n\n')).toEqual([{ type: 'done' }]);
		expect(sse.feed(`data: ${chunk('late')}\n\ndata: garbage\n\n`)).toEqual([]);
		expect(sse.flush()).toEqual([]);
		expect(sse.done).toBe(true);
	});

	it.each([
		['LF', '\n'],
		['CRLF', '\r\n'],
		['CR', '\r'],
	])('accepts %s line endings, also split between reads', (_name, eol) => {
		const text = `: keep-alive${eol}${eol}data: ${chunk('a')}${eol}${eol}data: ${chunk('b')}${eol}${eol}data: [DONE]${eol}${eol}`;
		const expected = ['<comment>', 'a', 'b', '<done>'];
		expect(contents(decodeText([text]))).toEqual(expected);
		// Every possible cut, including between the \r and the \n of a CRLF.
		for (let at = 1; at < text.length; at++)
			expect(contents(decodeText([text.slice(0, at), text.slice(at)]))).toEqual(expected);
	});

	it('accepts `data:` without a space and joins multi-line data with \\n', () => {
		const events = decodeText([
			`data:${chunk('tight')}\n\ndata: {"choices":\ndata:[{"delta":{"content":"two lines"}}]}\n\n`,
		]);
		expect(contents(events)).toEqual(['tight', 'two lines']);
	});

	it('ignores event:, id:, retry: and unknown fields instead of failing', () => {
		const events = decodeText([
			`event: message\nid: 7\nretry: 1000\nretry: soon\nmystery: 1\ndata: ${chunk('ok')}\n\n`,
		]);
		expect(contents(events)).toEqual(['ok']);
	});

	it('counts a last event without its blank line, but not a tail cut mid-JSON', () => {
		expect(contents(decodeText([`data: ${chunk('last')}`]))).toEqual(['last']);
		expect(contents(decodeText([`data: ${chunk('last')}\r`]))).toEqual(['last']);
		expect(decodeText([`data: ${chunk('whole')}\n\ndata: {"choices":[{"del`])).toEqual([
			{ type: 'chunk', chunk: JSON.parse(chunk('whole')) },
		]);
	});

	it('stops with one protocol error when an event outgrows the cap, and never throws after', () => {
		const sse = createSseDecoder(1000);
		const events = sse.feed(`data: "${'x'.repeat(2000)}`);
		expect(events).toEqual([
			{ type: 'error', error: { kind: 'protocol', message: expect.stringContaining('larger') } },
		]);
		expect(sse.finished).toBe(true);
		expect(sse.feed(`"\n\ndata: ${chunk('more')}\n\n`)).toEqual([]);
		expect(sse.flush()).toEqual([]);
	});
});

describe('decodeSse', () => {
	const body = `: OPENROUTER PROCESSING\n\ndata: ${chunk('Café 日本語 🚀')}\n\ndata: [DONE]\n\n`;

	it('joins UTF-8 characters split across reads', async () => {
		const bytes = encode(body);
		for (const size of [1, 2, 3, 5]) {
			const events = await collect(decodeSse(source(split(bytes, size))));
			expect(contents(events)).toEqual(['<comment>', 'Café 日本語 🚀', '<done>']);
		}
	});

	it('a decoder without stream mode would have broken the same bytes', () => {
		// Guards the test above: byte-by-byte input really does cut characters in half.
		const naive = split(encode('日本'), 1)
			.map((piece) => new TextDecoder().decode(piece))
			.join('');
		expect(naive).not.toBe('日本');
	});

	it('yields end when the bytes stop before [DONE]', async () => {
		const events = await collect(decodeSse(source([encode(`data: ${chunk('cut')}\n\n`)])));
		expect(contents(events)).toEqual(['cut', '<end>']);
	});

	it('after [DONE] yields nothing more but still reads the input to its end', async () => {
		let read = 0;
		async function* counted(): AsyncGenerator<Uint8Array> {
			for (const piece of split(encode(`${body}: trailing\n\ndata: ${chunk('late')}\n\n`), 16)) {
				read++;
				yield piece;
			}
		}
		const events = await collect(decodeSse(counted()));
		expect(contents(events)).toEqual(['<comment>', 'Café 日本語 🚀', '<done>']);
		expect(read).toBe(
			Math.ceil(encode(`${body}: trailing\n\ndata: ${chunk('late')}\n\n`).length / 16),
		);
	});

	it('reads a ReadableStream and cancels it when the consumer stops at [DONE]', async () => {
		let cancelled = false;
		const pieces = split(encode(`${body}data: ${chunk('never read')}\n\n`), 8);
		const stream = new ReadableStream<Uint8Array>({
			pull(controller) {
				const next = pieces.shift();
				if (next) controller.enqueue(next);
				else controller.close();
			},
			cancel() {
				cancelled = true;
			},
		});
		const seen: StreamEvent[] = [];
		for await (const event of decodeSse(stream)) {
			seen.push(event);
			if (event.type === 'done') break;
		}
		expect(contents(seen)).toEqual(['<comment>', 'Café 日本語 🚀', '<done>']);
		expect(cancelled).toBe(true);
	});

	it('does not yield end after an event broke the size cap', async () => {
		const events = await collect(decodeSse(source([encode(`data: "${'y'.repeat(500)}"`)]), 100));
		expect(events.map((e) => e.type)).toEqual(['error']);
	});

	it('parses one 8 MiB event fed in 1 KiB reads in linear time', async () => {
		const big = `data: {"choices":[{"delta":{"content":"${'a'.repeat(8 * 1024 * 1024)}"}}]}\n\ndata: [DONE]\n\n`;
		const started = performance.now();
		const events = await collect(decodeSse(source(split(encode(big), 1024))));
		const elapsed = performance.now() - started;
		expect(events.map((e) => e.type)).toEqual(['chunk', 'done']);
		// Linear work is tens of ms; re-joining the pending line on every read would take many seconds.
		expect(elapsed).toBeLessThan(2000);
	});
});
