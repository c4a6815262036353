/**
 * B6 SSE ingest in Node: the app's decoder (src/core/stream/sse.ts: eventsource-parser + JSON.parse
 * + event mapping) against raw eventsource-parser + JSON.parse on the same bytes, in the same run.
 * The stream is the emulator's own `bench` answer: 20 000 OpenRouter-shaped events with keep-alives.
 */
import { createParser } from 'eventsource-parser';
import { createSseDecoder } from '../../src/core/stream/sse';
import { renderScenario } from '../emulator/scenarios';
import { median, round } from './stats';
import type { Bench, Row } from './types';

const RUNS = 7;

function streamBytes(): Uint8Array {
	const rendered = renderScenario('bench', {
		model: 'emulator/bench',
		stream: true,
		messages: [{ role: 'user', content: 'Benchmark the SSE decoder.' }],
	});
	if (rendered.kind !== 'sse') throw new Error('the bench scenario did not stream');
	return new TextEncoder().encode(rendered.frames.map((f) => f.text).join(''));
}

function split(bytes: Uint8Array, size: number): Uint8Array[] {
	const pieces: Uint8Array[] = [];
	for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
	return pieces;
}

/** Decoding included in both: bytes in, parsed chunks out. Returns events seen. */
function viaApp(pieces: Uint8Array[]): number {
	const decoder = new TextDecoder();
	const sse = createSseDecoder();
	let events = 0;
	for (const piece of pieces) events += sse.feed(decoder.decode(piece, { stream: true })).length;
	return events + sse.flush().length;
}

function viaRawParser(pieces: Uint8Array[]): number {
	const decoder = new TextDecoder();
	let events = 0;
	const parser = createParser({
		onEvent: ({ data }) => {
			if (data !== '[DONE]') JSON.parse(data);
			events++;
		},
	});
	for (const piece of pieces) parser.feed(decoder.decode(piece, { stream: true }));
	return events;
}

function timeMs(body: () => unknown): number {
	const start = performance.now();
	body();
	return performance.now() - start;
}

function bestOf(body: () => unknown): number {
	body(); // warm-up
	return median(Array.from({ length: RUNS }, () => timeMs(body))) ?? 0;
}

const bench: Bench = {
	id: 'B6',
	title: 'SSE ingest in Node',
	async run() {
		const bytes = streamBytes();
		const rows: Row[] = [];
		for (const size of [64, 1024, 16 * 1024]) {
			const pieces = split(bytes, size);
			const app = bestOf(() => viaApp(pieces));
			const raw = bestOf(() => viaRawParser(pieces));
			const mbps = (ms: number) => round(bytes.length / 1e6 / (ms / 1000), 0);
			rows.push({
				id: 'B6',
				metric: `${(bytes.length / 1e6).toFixed(1)} MB stream in ${size >= 1024 ? `${size / 1024} KB` : `${size} B`} chunks`,
				value: mbps(app),
				unit: 'MB/s',
				baseline: { label: 'raw eventsource-parser + JSON.parse', value: mbps(raw) },
				target: '≥ 100 MB/s',
				pass: (mbps(app) ?? 0) >= 100,
			});
		}
		const content = 'x'.repeat(8 * 1024 * 1024);
		const big = new TextEncoder().encode(
			`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\ndata: [DONE]\n\n`,
		);
		const pieces = split(big, 1024);
		const app = bestOf(() => viaApp(pieces));
		const raw = bestOf(() => viaRawParser(pieces));
		rows.push({
			id: 'B6',
			metric: 'one 8 MB event in 1 KB chunks',
			value: round(app, 1),
			unit: 'ms',
			baseline: { label: 'raw eventsource-parser + JSON.parse', value: round(raw, 1) },
			target: '≤ 50 ms',
			pass: app <= 50,
		});
		return rows;
	},
};
export default bench;
