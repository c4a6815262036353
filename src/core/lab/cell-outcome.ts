/**
 * What one streamed attempt of a grid cell ended with, read from the folded Completion
 * (core/stream/accumulate.ts): the numbers the assertions and totals read, and whether the scheduler
 * should retry (429), stop the grid (402) or keep the cell as failed. Pure: the caller passes the
 * clock's epoch time, which a rate limit's reset time is measured against.
 */
import { describeError } from '../errors';
import type { Completion } from '../stream/types';
import { headerDelay } from './retry';
import type { CellOutcome, CellResult } from './scheduler';

const count = (v: unknown): number | null =>
	typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;

export function cellResult(completion: Completion, latencyMs: number): CellResult {
	const usage = completion.usage;
	return {
		text: completion.text,
		latencyMs,
		costUsd: count(usage?.cost),
		promptTokens: count(usage?.prompt_tokens),
		completionTokens: count(usage?.completion_tokens),
	};
}

/**
 * The rate-limit headers OpenRouter copies into the error body (a page cannot read the real ones,
 * docs/openrouter-protocol.md#cors), as the name-value pairs core/lab/retry.ts reads.
 */
export function metadataHeaders(metadata: unknown): [string, string][] {
	if (typeof metadata !== 'object' || metadata === null) return [];
	const headers = (metadata as Record<string, unknown>).headers;
	if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) return [];
	return Object.entries(headers).flatMap(([name, value]) =>
		typeof value === 'string' || typeof value === 'number' ? [[name, String(value)]] : [],
	) as [string, string][];
}

/** The status an error carries: the HTTP status, or the numeric code of an in-stream error. */
function statusOf(error: NonNullable<Completion['error']>): number | undefined {
	if (error.kind === 'http') return error.status;
	if (error.kind === 'stream' && typeof error.code === 'number') return error.code;
	return undefined;
}

export function cellOutcome(
	completion: Completion,
	latencyMs: number,
	aborted: boolean,
	epochNow: number,
): CellOutcome {
	const result = cellResult(completion, latencyMs);
	if (aborted) return { kind: 'stopped', result };
	const error = completion.error;
	if (!error) return { kind: 'done', result };
	const status = statusOf(error);
	if (status === 429) {
		const delay = headerDelay(
			metadataHeaders('metadata' in error ? error.metadata : null),
			epochNow,
		);
		return delay === null
			? { kind: 'rate-limited', message: error.message }
			: { kind: 'rate-limited', message: error.message, retryAfterMs: delay };
	}
	if (status === 402) return { kind: 'payment-required', message: error.message };
	// Only an HTTP status is shown as one; an in-stream code is already in the message.
	const message = describeError(error);
	return error.kind === 'http'
		? { kind: 'error', message: error.message, status: error.status, result }
		: { kind: 'error', message, result };
}
