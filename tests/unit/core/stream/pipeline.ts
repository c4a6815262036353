/**
 * Test helpers that feed bytes as the network would: whole, in fixed sizes, or at seeded random
 * split points (mid-line, mid-JSON, mid-UTF-8), through the same sse + fold pipeline the app runs.
 */
import { readFileSync } from 'node:fs';
import { EMPTY_COMPLETION, foldEvent, foldEventInto } from '../../../../src/core/stream/accumulate';
import { decodeSse } from '../../../../src/core/stream/sse';
import type { Completion, StreamEvent } from '../../../../src/core/stream/types';

export type Split = 'whole' | number | `random-${number}`;

/** STYLE.md: chunk sizes 1, 2, 7, 64 and whole, plus seeded random cuts. */
export const SPLITS: readonly Split[] = [
	'whole',
	1,
	2,
	7,
	64,
	'random-1',
	'random-42',
	'random-2025',
];

export function fixture(name: string): string {
	return readFileSync(new URL(`../../../fixtures/sse/${name}`, import.meta.url), 'utf8');
}

/** mulberry32: small, seeded, the same cuts on every run. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function split(bytes: Uint8Array, how: Split): Uint8Array[] {
	if (how === 'whole') return [bytes];
	const next = typeof how === 'number' ? () => how : randomSize(Number(how.slice(7)));
	const pieces: Uint8Array[] = [];
	for (let at = 0; at < bytes.length;) {
		const n = next();
		pieces.push(bytes.subarray(at, at + n));
		at += n;
	}
	return pieces;
}

/** Mostly small reads, sometimes a large one, as a real connection delivers them. */
function randomSize(seed: number): () => number {
	const rand = random(seed);
	return () => (rand() < 0.9 ? 1 + Math.floor(rand() * 40) : 1 + Math.floor(rand() * 4000));
}

/** An async byte source; with `fail`, the last read rejects like a reset connection. */
export async function* source(pieces: Uint8Array[], fail = false): AsyncGenerator<Uint8Array> {
	for (const piece of pieces) yield piece;
	if (fail) throw new TypeError('terminated');
}

export type Folded = { completion: Completion; events: StreamEvent[] };

/** bytes → decodeSse → foldEvent, stopping at `done` as io/openrouter does; a failed read is a network error. */
export async function foldPieces(pieces: Uint8Array[], fail = false): Promise<Folded> {
	let completion = EMPTY_COMPLETION;
	// The playground's fold, in place, must end the same.
	const draft = { ...EMPTY_COMPLETION };
	const events: StreamEvent[] = [];
	const push = (event: StreamEvent) => {
		events.push(event);
		completion = foldEvent(completion, event);
		foldEventInto(draft, event);
	};
	try {
		for await (const event of decodeSse(source(pieces, fail))) {
			push(event);
			if (event.type === 'done') break;
		}
	} catch (error) {
		push({ type: 'error', error: { kind: 'network', message: String(error) } });
	}
	if (JSON.stringify(draft) !== JSON.stringify(completion))
		throw new Error('folding in place ended unlike foldEvent');
	return { completion, events };
}

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
