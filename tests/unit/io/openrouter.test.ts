import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../src/core/stream/types';
import { send } from '../../../src/io/openrouter';

const KEY = 'sk-or-v1-test-secret-value';
const options = { apiKey: KEY, baseUrl: 'https://openrouter.ai/api/v1' };

function bodyOf(pieces: string[], fail = false): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	const queue = [...pieces];
	// pull, not start: an error raised in start() would discard what was queued before it.
	return new ReadableStream({
		pull(controller) {
			const next = queue.shift();
			if (next !== undefined) controller.enqueue(encoder.encode(next));
			else if (fail) controller.error(new TypeError('terminated'));
			else controller.close();
		},
	});
}

async function collect(fetchImpl: typeof fetch, signal?: AbortSignal): Promise<StreamEvent[]> {
	const events: StreamEvent[] = [];
	for await (const event of send({ model: 'm', messages: [] }, { ...options, signal }, fetchImpl))
		events.push(event);
	return events;
}

describe('send', () => {
	it('posts JSON with the key only in the Authorization header', async () => {
		let seen: { url: string; init: RequestInit } | null = null;
		await collect(async (url, init) => {
			seen = { url: String(url), init: init ?? {} };
			return new Response(bodyOf(['data: [DONE]\n\n']), {
				headers: { 'Content-Type': 'text/event-stream' },
			});
		});
		expect(seen!.url).toBe('https://openrouter.ai/api/v1/chat/completions');
		expect(seen!.init.method).toBe('POST');
		expect((seen!.init.headers as Record<string, string>).Authorization).toBe(`Bearer ${KEY}`);
		expect(seen!.init.body).toBe('{"model":"m","messages":[]}');
	});

	it('an HTTP error is yielded with status, code, message and metadata', async () => {
		const events = await collect(async () =>
			Response.json(
				{
					error: {
						code: 502,
						message: 'Provider returned error',
						metadata: { provider_name: 'Google', raw: 'boom' },
					},
				},
				{ status: 502 },
			),
		);
		expect(events.at(-1)).toEqual({
			type: 'error',
			error: {
				kind: 'http',
				status: 502,
				code: 502,
				message: 'Provider returned error',
				metadata: { provider_name: 'Google', raw: 'boom' },
			},
		});
	});

	it('a non-JSON error page still says what happened', async () => {
		const events = await collect(
			async () => new Response('<html>Bad gateway</html>', { status: 502 }),
		);
		expect(events.at(-1)).toMatchObject({
			type: 'error',
			error: { kind: 'http', status: 502, message: '<html>Bad gateway</html>' },
		});
	});

	it('a JSON body despite stream:true is treated as a whole answer', async () => {
		const events = await collect(async () =>
			Response.json({
				id: 'gen-1',
				choices: [
					{ index: 0, message: { role: 'assistant', content: 'whole' }, finish_reason: 'stop' },
				],
			}),
		);
		expect(events.map((e) => e.type)).toEqual(['open', 'chunk', 'done']);
	});

	it('a 200 JSON body that is an error envelope becomes an error', async () => {
		const events = await collect(async () =>
			Response.json({ error: { code: 429, message: 'Rate limit exceeded' } }),
		);
		expect(events.at(-1)).toMatchObject({
			type: 'error',
			error: { kind: 'http', status: 429, message: 'Rate limit exceeded' },
		});
	});

	it('a failed fetch is a network error naming the host, without the key', async () => {
		const events = await collect(async () => {
			throw new TypeError('Failed to fetch');
		});
		expect(events).toEqual([
			{
				type: 'error',
				error: { kind: 'network', message: 'Could not reach openrouter.ai (Failed to fetch)' },
			},
		]);
		expect(JSON.stringify(events)).not.toContain(KEY);
	});

	it('a body that breaks mid-stream keeps earlier chunks, then a network error', async () => {
		const events = await collect(
			async () =>
				new Response(bodyOf(['data: {"choices":[{"delta":{"content":"par"}}]}\n\n'], true), {
					headers: { 'Content-Type': 'text/event-stream' },
				}),
		);
		expect(events.map((e) => e.type)).toEqual(['open', 'chunk', 'error']);
		expect(events.at(-1)).toMatchObject({ error: { kind: 'network' } });
	});

	it('an abort ends quietly', async () => {
		const controller = new AbortController();
		controller.abort();
		const events = await collect(async (_url, init) => {
			if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
			return new Response('');
		}, controller.signal);
		expect(events).toEqual([]);
	});

	it('reads X-Generation-Id and X-Provider-Name', async () => {
		const events = await collect(
			async () =>
				new Response(bodyOf(['data: [DONE]\n\n']), {
					headers: {
						'Content-Type': 'text/event-stream',
						'X-Generation-Id': 'gen-9',
						'X-Provider-Name': 'Novita',
					},
				}),
		);
		expect(events[0]).toEqual({
			type: 'open',
			status: 200,
			generationId: 'gen-9',
			providerName: 'Novita',
		});
	});
});
