import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../../src/core/stream/types';
import type { SendFn } from '../../../../src/state/playground.svelte';
import { Upstream } from '../../../../src/state/insight/upstream.svelte';

const echo = (provider: string, body: object): StreamEvent => ({
	type: 'chunk',
	chunk: { provider, choices: [], debug: { echo_upstream_body: body } },
});

function recorder(events: StreamEvent[]) {
	const posted: Record<string, unknown>[] = [];
	const send: SendFn = async function* (body) {
		posted.push(body);
		yield* events;
	};
	return { posted, send };
}

async function drain(send: SendFn, body: Record<string, unknown>): Promise<StreamEvent[]> {
	const out: StreamEvent[] = [];
	for await (const e of send(body, {
		apiKey: 'k',
		baseUrl: 'b',
		signal: new AbortController().signal,
	}))
		out.push(e);
	return out;
}

describe('Upstream.wrap', () => {
	const events = [
		echo('Chutes', { model: 'a' }),
		echo('Novita', { model: 'b' }),
		{ type: 'done' } as const,
	];

	it('adds the debug flag to a streamed body only when enabled, and keeps every echo', async () => {
		const upstream = new Upstream();
		const { posted, send } = recorder(events);
		const body = { model: 'm', messages: [], stream: true };
		upstream.enabled = true;
		expect(await drain(upstream.wrap(send), body)).toEqual(events);
		expect(posted[0]).toEqual({ ...body, debug: { echo_upstream_body: true } });
		expect(body).toEqual({ model: 'm', messages: [], stream: true });
		expect(upstream.capture).toEqual({
			body,
			added: true,
			echoes: [
				{ provider: 'Chutes', body: { model: 'a' } },
				{ provider: 'Novita', body: { model: 'b' } },
			],
		});
	});

	it('sends the body untouched when off, or when the request is not streamed', async () => {
		const upstream = new Upstream();
		const { posted, send } = recorder(events);
		const streamed = { stream: true, messages: [] };
		await drain(upstream.wrap(send), streamed);
		upstream.enabled = true;
		const plain = { stream: false, messages: [] };
		await drain(upstream.wrap(send), plain);
		expect(posted).toEqual([streamed, plain]);
		expect(upstream.capture).toBeNull();
	});

	it('when nothing is captured, the events come straight from send, with no layer between', () => {
		const upstream = new Upstream();
		const stream = (async function* () {})();
		const wrapped = upstream.wrap(() => stream);
		const options = { apiKey: 'k', baseUrl: 'b', signal: new AbortController().signal };
		expect(wrapped({ stream: true, messages: [] }, options)).toBe(stream);
		upstream.enabled = true;
		expect(wrapped({ stream: true, messages: [] }, options)).not.toBe(stream);
	});

	it('a request that already asks for the echo is captured without adding anything', async () => {
		const upstream = new Upstream();
		const { posted, send } = recorder(events);
		const body = { stream: true, messages: [], debug: { echo_upstream_body: true } };
		await drain(upstream.wrap(send), body);
		expect(posted[0]).toBe(body);
		expect(upstream.capture?.added).toBe(false);
		expect(upstream.capture?.echoes).toHaveLength(2);
	});
});
