/**
 * Reading `debug.echo_upstream_body` chunks (docs/openrouter-protocol.md#debug-echo). Apart from
 * diff.ts: the stream needs this at once, the diff only when the user opens it.
 */
type Json = Record<string, unknown>;

/** The debug echoes of a stream: one per provider tried, in order. */
export type UpstreamEcho = { provider: string | null; body: Json };

export function readEcho(chunk: Json): UpstreamEcho | null {
	const debug = chunk.debug as { echo_upstream_body?: unknown } | undefined;
	const body = debug?.echo_upstream_body;
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
	return {
		provider: typeof chunk.provider === 'string' ? chunk.provider : null,
		body: body as Json,
	};
}
