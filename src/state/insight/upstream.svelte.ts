import { readEcho, type UpstreamEcho } from '../../core/upstream/echo';
import type { SendFn } from '../playground.svelte';

/** What one streamed run asked for, and the provider bodies OpenRouter echoed back. */
export type UpstreamCapture = {
	/** The body the playground posted (its run.body), without the debug flag we added. */
	body: Record<string, unknown>;
	echoes: UpstreamEcho[];
	/** True when we added the flag (it was not in the user's request). */
	added: boolean;
};

/**
 * "Show upstream request": adds `debug: { echo_upstream_body: true }` to the body actually posted
 * by a streamed run (never to the request text, so never to snippets or links), and keeps the debug
 * chunks (one per provider tried) for the response pane to diff.
 */
export class Upstream {
	enabled = $state(false);
	#capture = $state.raw<UpstreamCapture | null>(null);
	get capture(): UpstreamCapture | null {
		return this.#capture;
	}

	/** Wraps the playground's send; every other request passes through untouched. */
	wrap(send: SendFn): SendFn {
		const record = (capture: UpstreamCapture | null) => (this.#capture = capture);
		const enabled = () => this.enabled;
		return (body, options) => {
			const streamed = body.stream === true;
			const asked = (body.debug as { echo_upstream_body?: unknown } | undefined)
				?.echo_upstream_body;
			const added = enabled() && streamed && asked !== true;
			// Not captured: the events come straight from `send`, with no generator in between.
			if (!(added || (streamed && asked === true))) {
				record(null);
				return send(body, options);
			}
			const posted = added
				? { ...body, debug: { ...(body.debug as object), echo_upstream_body: true } }
				: body;
			return capturing(send(posted, options), { body, echoes: [], added }, record);
		};
	}
}

async function* capturing(
	events: ReturnType<SendFn>,
	first: UpstreamCapture,
	record: (capture: UpstreamCapture) => void,
): ReturnType<SendFn> {
	let capture = first;
	record(capture);
	for await (const event of events) {
		const echo = event.type === 'chunk' ? readEcho(event.chunk) : null;
		if (echo) {
			capture = { ...capture, echoes: [...capture.echoes, echo] };
			record(capture);
		}
		yield event;
	}
}
