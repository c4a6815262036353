import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMPTY_COMPLETION, foldEvent } from '../../../../src/core/stream/accumulate';
import { chunkFromResponse } from '../../../../src/core/stream/chunk';
import { runTimings, wasStreamed } from '../../../../src/core/stream/timing';
import type { Completion } from '../../../../src/core/stream/types';
import { encode, fixture, foldPieces } from './pipeline';

/** A recorded non-streamed body, folded as io/openrouter folds a JSON response: one chunk, then done. */
function foldJsonBody(): Completion {
	const text = readFileSync(
		new URL(
			'../../../fixtures/openrouter-recorded/real-r1-nonstream-reasoning.body',
			import.meta.url,
		),
		'utf8',
	);
	const mapped = chunkFromResponse(JSON.parse(text));
	if (!('chunk' in mapped)) throw new Error('the recorded body did not map to a chunk');
	const chunked = foldEvent(EMPTY_COMPLETION, { type: 'chunk', chunk: mapped.chunk });
	return foldEvent(chunked, { type: 'done' });
}

// Times as the playground takes them: the body arrives 2 s after Send, parsed 0.1 ms later.
const at = { startedAt: 1000, firstTokenAt: 3000, endedAt: 3000.1 };

describe('runTimings', () => {
	it('gives a one-body answer (stream: false) its total time and no first token or speed', () => {
		const completion = foldJsonBody();
		expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
		const timings = runTimings({ ...at, body: { stream: false }, completion });
		expect(timings).toEqual({ streamed: false, ttft: null, total: 2000.1, tokensPerSecond: null });
	});

	it('treats a JSON body answering stream: true as one body too', () => {
		const completion = foldJsonBody();
		expect(wasStreamed({ body: { stream: true }, completion })).toBe(false);
		expect(runTimings({ ...at, body: { stream: true }, completion }).tokensPerSecond).toBeNull();
	});

	it('times a streamed answer from its first token', async () => {
		const { completion } = await foldPieces([encode(fixture('text-keepalive.txt'))]);
		expect(completion.chunks).toBeGreaterThan(1);
		const timings = runTimings({
			body: { stream: true },
			startedAt: 1000,
			firstTokenAt: 1400,
			endedAt: 2900,
			completion,
		});
		expect(timings.streamed).toBe(true);
		expect(timings.ttft).toBe(400);
		expect(timings.total).toBe(1900);
		// 15 completion tokens over the 1.5 s after the first one.
		expect(timings.tokensPerSecond).toBeCloseTo(10, 5);
	});

	it('has no total while the run goes on', () => {
		const timings = runTimings({
			body: { stream: true },
			startedAt: 0,
			firstTokenAt: null,
			endedAt: null,
			completion: EMPTY_COMPLETION,
		});
		expect(timings).toEqual({ streamed: false, ttft: null, total: null, tokensPerSecond: null });
	});
});
