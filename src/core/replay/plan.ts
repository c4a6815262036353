/**
 * "Replay on the same provider" (docs/openrouter-protocol.md#provider-routing): the finished run's
 * request, pinned to the provider that served it with fallbacks off, `seed` kept, run N times; then
 * how many answers matched exactly.
 */
export const REPLAY_MIN = 1;
export const REPLAY_MAX = 10;
/**
 * Replays run at most this many at a time: gentle on rate limits
 * (docs/openrouter-protocol.md#limits), still quick.
 */
export const REPLAY_CONCURRENCY = 2;

export function clampReplays(value: number): number {
	if (!Number.isFinite(value)) return REPLAY_MIN;
	return Math.min(REPLAY_MAX, Math.max(REPLAY_MIN, Math.round(value)));
}

/** OpenRouter's provider slug for a display name: "Google AI Studio" → "google-ai-studio". */
export function providerSlug(name: string): string {
	return name
		.trim()
		.toLowerCase()
		.replace(/[^a-z0-9/]+/g, '-')
		.replace(/^-|-$/g, '');
}

/**
 * The body of every replay: the original body with `provider.order` = [the serving provider],
 * `allow_fallbacks: false` (other preferences kept), the same `seed`, and no debug echo.
 */
export function pinnedBody(
	body: Record<string, unknown>,
	providerName: string,
): Record<string, unknown> {
	const { debug: _debug, ...rest } = body;
	const previous =
		typeof body.provider === 'object' && body.provider !== null && !Array.isArray(body.provider)
			? (body.provider as Record<string, unknown>)
			: {};
	return {
		...rest,
		provider: { ...previous, order: [providerSlug(providerName)], allow_fallbacks: false },
	};
}

/** Why a run cannot be replayed, or null when it can. */
export function replayBlocker(run: {
	status: string;
	provider: string | null;
	body: Record<string, unknown>;
}): string | null {
	if (run.status !== 'done') return 'Only a finished run can be replayed.';
	if (!run.provider) return 'The answer did not name the provider that served it.';
	return null;
}
