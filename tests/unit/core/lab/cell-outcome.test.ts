import { describe, expect, it } from 'vitest';
import { cellOutcome, metadataHeaders } from '../../../../src/core/lab/cell-outcome';
import { EMPTY_COMPLETION } from '../../../../src/core/stream/accumulate';
import type { Completion } from '../../../../src/core/stream/types';

const NOW = 1_767_225_600_000;
const with_ = (fields: Partial<Completion>): Completion => ({ ...EMPTY_COMPLETION, ...fields });

describe('cellOutcome', () => {
	it('reads the numbers of a finished answer', () => {
		const usage = { prompt_tokens: 5, completion_tokens: 3, cost: 0.002 };
		expect(cellOutcome(with_({ text: 'hi', usage, complete: true }), 120, false, NOW)).toEqual({
			kind: 'done',
			result: { text: 'hi', latencyMs: 120, costUsd: 0.002, promptTokens: 5, completionTokens: 3 },
		});
	});

	it('retries a 429 after the reset time the body carries, or by backoff without one', () => {
		const error = {
			kind: 'http' as const,
			status: 429,
			code: 429,
			message: 'Rate limit exceeded',
			metadata: { headers: { 'X-RateLimit-Reset': String(NOW + 1500) } },
		};
		expect(cellOutcome(with_({ error }), 10, false, NOW)).toEqual({
			kind: 'rate-limited',
			message: 'Rate limit exceeded',
			retryAfterMs: 1500,
		});
		const bare = { ...error, metadata: undefined };
		expect(cellOutcome(with_({ error: bare }), 10, false, NOW)).toEqual({
			kind: 'rate-limited',
			message: 'Rate limit exceeded',
		});
	});

	it('stops the grid on a 402 with the API message, and keeps other errors with their text', () => {
		const paid = { kind: 'http' as const, status: 402, code: 402, message: 'More credits' };
		expect(cellOutcome(with_({ error: paid }), 1, false, NOW)).toEqual({
			kind: 'payment-required',
			message: 'More credits',
		});
		const stream = { kind: 'stream' as const, code: 502, message: 'Provider disconnected' };
		const outcome = cellOutcome(with_({ text: 'part', error: stream }), 1, false, NOW);
		expect(outcome).toMatchObject({
			kind: 'error',
			message: 'Error during the stream (502): Provider disconnected',
			result: { text: 'part' },
		});
		expect(outcome).not.toHaveProperty('status');
	});

	it('a stop wins over anything that arrived', () => {
		expect(cellOutcome(with_({ text: 'half' }), 1, true, NOW)).toMatchObject({
			kind: 'stopped',
			result: { text: 'half' },
		});
	});

	it('takes only string and number headers from hostile metadata', () => {
		expect(metadataHeaders({ headers: { a: '1', b: 2, c: { x: 1 }, d: null } })).toEqual([
			['a', '1'],
			['b', '2'],
		]);
		expect(metadataHeaders({ headers: [['a', '1']] })).toEqual([]);
		expect(metadataHeaders('nope')).toEqual([]);
	});
});
