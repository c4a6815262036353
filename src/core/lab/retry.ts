/**
 * How long to wait before retrying a request the API rate-limited (HTTP 429). The answer's own
 * headers come first: `Retry-After` in seconds or as an HTTP date
 * (https://www.rfc-editor.org/rfc/rfc9110#field.retry-after), else `X-RateLimit-Reset`, which
 * OpenRouter sends as epoch milliseconds (docs/openrouter-protocol.md#response-headers). Without
 * either, the wait doubles with each attempt, up to a cap. A page cannot read those headers
 * (docs/openrouter-protocol.md#cors): the caller passes the copy in the error body's
 * `metadata.headers` (docs/openrouter-protocol.md#rate-limits) as name-value pairs. Pure: the
 * caller passes the clock's `now`.
 */

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 30_000;

/** Epoch values below this are seconds: in milliseconds they would be before 2002. */
const EPOCH_MS_FLOOR = 1e12;

function header(headers: readonly (readonly [string, string])[], name: string): string | null {
	const lower = name.toLowerCase();
	for (const [key, value] of headers) if (key.toLowerCase() === lower) return value.trim();
	return null;
}

/** The wait the headers ask for, in ms from `now` (never negative), or null when they say nothing. */
export function headerDelay(
	headers: readonly (readonly [string, string])[],
	now: number,
): number | null {
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== null) {
		if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
		// An HTTP date names its day and month; Date.parse would also take "-3" as a year.
		const date = /[a-z]/i.test(retryAfter) ? Date.parse(retryAfter) : Number.NaN;
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	const reset = header(headers, 'x-ratelimit-reset');
	if (reset !== null && /^\d+(\.\d+)?$/.test(reset)) {
		const value = Number(reset);
		const at = value < EPOCH_MS_FLOOR ? value * 1000 : value;
		return Math.max(0, Math.round(at - now));
	}
	return null;
}

/** 1 s, 2 s, 4 s … for attempts 1, 2, 3 …, at most BACKOFF_CAP_MS. */
export function backoffDelay(attempt: number): number {
	const exponent = Math.max(0, Math.min(attempt - 1, 30));
	return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** exponent);
}

/** The wait before retry number `attempt` (1 for the first retry) of a rate-limited request. */
export function retryDelay(
	headers: readonly (readonly [string, string])[],
	now: number,
	attempt: number,
): number {
	return headerDelay(headers, now) ?? backoffDelay(attempt);
}
