import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_COMPLETION, foldEvent } from '../../../src/core/stream/accumulate';
import type { StreamEvent } from '../../../src/core/stream/types';
import { buildHeaders, send, type SendOptions } from '../../../src/io/openrouter';

const KEY = 'sk-or-v1-test-fake-unit-secret';
const OPTIONS: SendOptions = { apiKey: KEY, baseUrl: 'https://openrouter.ai/api/v1' };
const SSE = { 'Content-Type': 'text/event-stream' };
const data = (content: string) =>
	`data: {"id":"gen-1","choices":[{"index":0,"delta":{"role":"assistant","content":${JSON.stringify(content)}},"finish_reason":null}]}\n\n`;
const FINISH = 'data: {"choices":[{"index":0,"delta":{"content":""},"finish_reason":"stop"}]}\n\n';

type BodyOptions = { fail?: Error; onCancel?: () => void; signal?: AbortSignal };

/** A body delivered piece by piece on pull, like a network read; optionally failing at the end. */
function body(pieces: string[], { fail, onCancel, signal }: BodyOptions = {}) {
	const queue = pieces.map((piece) => new TextEncoder().encode(piece));
	return new ReadableStream<Uint8Array>({
		pull(controller) {
			if (signal?.aborted) return controller.error(new DOMException('aborted', 'AbortError'));
			const next = queue.shift();
			if (next) controller.enqueue(next);
			else if (fail) controller.error(fail);
			else controller.close();
		},
		cancel: onCancel,
	});
}

async function collect(
	fetchImpl: typeof fetch,
	options: Partial<SendOptions> = {},
	request: Record<string, unknown> = { model: 'openai/gpt-4o-mini', messages: [], stream: true },
): Promise<StreamEvent[]> {
	const events: StreamEvent[] = [];
	for await (const event of send(request, { ...OPTIONS, ...options }, fetchImpl))
		events.push(event);
	return events;
}

const respond = (response: Response) => async () => response;
const types = (events: StreamEvent[]) => events.map((e) => e.type);
const fold = (events: StreamEvent[]) => events.reduce(foldEvent, EMPTY_COMPLETION);

afterEach(() => vi.restoreAllMocks());

describe('send: the request', () => {
	it('POSTs the JSON body to /chat/completions with the key only in Authorization', async () => {
		let url = '';
		let init: RequestInit = {};
		const request = { model: 'm', messages: [{ role: 'user', content: 'Hi é' }], stream: true };
		await collect(
			async (input, given) => {
				url = String(input);
				init = given ?? {};
				return new Response(body(['data: [DONE]\n\n']), { headers: SSE });
			},
			{
				baseUrl: 'https://openrouter.ai/api/v1/',
				headers: { 'HTTP-Referer': 'https://play.example', 'X-OpenRouter-Title': 'Playground' },
			},
			request,
		);
		expect(url).toBe('https://openrouter.ai/api/v1/chat/completions');
		expect(init.method).toBe('POST');
		expect(init.body).toBe(JSON.stringify(request));
		expect(init.headers).toEqual({
			'HTTP-Referer': 'https://play.example',
			'X-OpenRouter-Title': 'Playground',
			Authorization: `Bearer ${KEY}`,
			'Content-Type': 'application/json',
		});
	});

	it('buildHeaders: extra headers cannot replace or double Authorization or Content-Type', () => {
		expect(
			buildHeaders(KEY, {
				authorization: 'Bearer other',
				'content-type': 'text/plain',
				'X-OpenRouter-Title': 'T',
			}),
		).toEqual({
			'X-OpenRouter-Title': 'T',
			Authorization: `Bearer ${KEY}`,
			'Content-Type': 'application/json',
		});
	});

	it('passes the abort signal to fetch', async () => {
		const controller = new AbortController();
		let given: AbortSignal | null | undefined;
		await collect(
			async (_input, init) => {
				given = init?.signal;
				return new Response(body(['data: [DONE]\n\n']), { headers: SSE });
			},
			{ signal: controller.signal },
		);
		expect(given).toBe(controller.signal);
	});

	it('calls fetch in the caller’s task, before anything awaited can run (B5)', () => {
		// The playground sets its new run, then iterates: a microtask before fetch would let the view
		// render the run first and post the request late.
		let fetched = false;
		const iterator = send({ model: 'm', messages: [] }, OPTIONS, () => {
			fetched = true;
			return new Promise<Response>(() => undefined);
		});
		void iterator.next();
		expect(fetched).toBe(true);
	});
});

describe('send: a stream', () => {
	it('yields open with status, generation id and provider, then the SSE events', async () => {
		const events = await collect(
			respond(
				new Response(
					body([
						': OPENROUTER PROCESSING\n\n',
						data('Hel'),
						data('lo'),
						FINISH,
						'data: [DONE]\n\n',
					]),
					{
						headers: { ...SSE, 'X-Generation-Id': 'gen-9', 'X-Provider-Name': 'Novita' },
					},
				),
			),
		);
		expect(events[0]).toEqual({
			type: 'open',
			status: 200,
			generationId: 'gen-9',
			providerName: 'Novita',
			headers: expect.arrayContaining([['x-provider-name', 'Novita']]),
		});
		expect(types(events)).toEqual(['open', 'comment', 'chunk', 'chunk', 'chunk', 'done']);
		expect(fold(events)).toMatchObject({ text: 'Hello', provider: 'Novita', complete: true });
	});

	it('stops reading at [DONE] and closes the body', async () => {
		let cancelled = false;
		const events = await collect(
			respond(
				new Response(
					body([data('a'), 'data: [DONE]\n\n', data('never'), data('read')], {
						onCancel: () => {
							cancelled = true;
						},
					}),
					{ headers: SSE },
				),
			),
		);
		expect(types(events)).toEqual(['open', 'chunk', 'done']);
		expect(cancelled).toBe(true);
	});

	it('a body that ends without [DONE] ends with end', async () => {
		const events = await collect(
			respond(new Response(body([data('a'), FINISH]), { headers: SSE })),
		);
		expect(types(events)).toEqual(['open', 'chunk', 'chunk', 'end']);
		expect(fold(events)).toMatchObject({ text: 'a', complete: true, error: null });
	});

	it('a body that breaks keeps earlier chunks, then a network error', async () => {
		const events = await collect(
			respond(
				new Response(body([data('par')], { fail: new TypeError('terminated') }), { headers: SSE }),
			),
		);
		expect(types(events)).toEqual(['open', 'chunk', 'error']);
		expect(events.at(-1)).toEqual({
			type: 'error',
			error: { kind: 'network', message: 'The connection to openrouter.ai broke off: terminated' },
		});
		expect(fold(events).text).toBe('par');
	});
});

describe('send: JSON bodies', () => {
	it('a non-2xx JSON error becomes one error event with status, code, message and metadata', async () => {
		const metadata = { provider_name: 'Google', raw: '{"error":{"status":"RESOURCE_EXHAUSTED"}}' };
		const events = await collect(
			respond(
				Response.json(
					{ error: { code: 429, message: 'Provider returned error', metadata }, user_id: 'user_1' },
					{ status: 429 },
				),
			),
		);
		expect(events).toEqual([
			{
				type: 'open',
				status: 429,
				generationId: null,
				providerName: null,
				headers: expect.any(Array),
			},
			{
				type: 'error',
				error: {
					kind: 'http',
					status: 429,
					code: 429,
					message: 'Provider returned error',
					metadata,
				},
			},
		]);
	});

	it('a non-JSON error page still says what happened', async () => {
		const events = await collect(
			respond(
				new Response('<html>502 Bad Gateway</html>', {
					status: 502,
					headers: { 'Content-Type': 'text/html' },
				}),
			),
		);
		expect(events.at(-1)).toEqual({
			type: 'error',
			error: { kind: 'http', status: 502, code: 502, message: '<html>502 Bad Gateway</html>' },
		});
	});

	it('a 200 JSON body that is an error envelope becomes an http error', async () => {
		const events = await collect(
			respond(
				Response.json({ error: { code: 429, message: 'Rate limit exceeded' }, user_id: 'u' }),
			),
		);
		expect(events.at(-1)).toEqual({
			type: 'error',
			error: { kind: 'http', status: 429, code: 429, message: 'Rate limit exceeded' },
		});
	});

	it('a JSON body despite stream:true is one whole answer', async () => {
		const events = await collect(
			respond(
				new Response(
					JSON.stringify({
						id: 'gen-1',
						choices: [
							{ index: 0, message: { role: 'assistant', content: 'whole' }, finish_reason: 'stop' },
						],
					}),
					{ headers: { 'Content-Type': 'application/json; charset=utf-8' } },
				),
			),
		);
		expect(types(events)).toEqual(['open', 'chunk', 'done']);
		expect(fold(events)).toMatchObject({ text: 'whole', finishReason: 'stop', complete: true });
	});

	it('a 200 web page instead of the API is a protocol error, not a dropped stream', async () => {
		const events = await collect(
			respond(
				new Response('<!doctype html><title>App</title>', {
					headers: { 'Content-Type': 'text/html' },
				}),
			),
		);
		expect(events.at(-1)).toMatchObject({ type: 'error', error: { kind: 'protocol' } });
	});
});

describe('send: failures and aborts', () => {
	it('a rejected fetch is a network error naming the host', async () => {
		const events = await collect(async () => {
			throw new TypeError('Failed to fetch');
		});
		expect(events).toEqual([
			{
				type: 'error',
				error: { kind: 'network', message: 'Could not reach openrouter.ai: Failed to fetch' },
			},
		]);
	});

	it('a base URL that is not a URL is an error value, not a throw', async () => {
		// Like fetch, the fake rejects a URL it cannot parse (nothing leaves the machine).
		const strict = async (input: RequestInfo | URL) => new Response(new URL(String(input)).href);
		const events = await collect(strict, { baseUrl: 'not a url' });
		expect(events).toEqual([
			{
				type: 'error',
				error: { kind: 'network', message: expect.stringContaining('Could not reach') },
			},
		]);
	});

	it('an abort before the answer yields nothing', async () => {
		const controller = new AbortController();
		controller.abort();
		const events = await collect(
			async (_input, init) => {
				if (init?.signal?.aborted)
					throw new DOMException('The operation was aborted.', 'AbortError');
				return new Response('');
			},
			{ signal: controller.signal },
		);
		expect(events).toEqual([]);
	});

	/** The event types a caller gets when it stops at the first chunk. */
	async function stopAtFirstChunk(pieces: string[]) {
		const controller = new AbortController();
		const response = new Response(body(pieces, { signal: controller.signal }), { headers: SSE });
		const events: StreamEvent[] = [];
		const options = { ...OPTIONS, signal: controller.signal };
		for await (const event of send({}, options, respond(response))) {
			events.push(event);
			if (event.type === 'chunk') controller.abort();
		}
		return types(events);
	}

	it('an abort mid-stream ends quietly after what arrived', async () => {
		expect(await stopAtFirstChunk([data('a'), data('b'), data('c')])).toEqual(['open', 'chunk']);
	});

	it('an abort ends it even inside one read that carried several events', async () => {
		const pieces = [data('a') + data('b') + data('c'), FINISH];
		expect(await stopAtFirstChunk(pieces)).toEqual(['open', 'chunk']);
	});
});

describe('send: the key stays secret', () => {
	const responses: [string, () => Response | Promise<Response>][] = [
		['stream', () => new Response(body([data('x'), 'data: [DONE]\n\n']), { headers: SSE })],
		[
			'stream quoting it',
			() => new Response(body([data('x'), data(`echo ${KEY}`), FINISH]), { headers: SSE }),
		],
		[
			'stream quoting it across two reads',
			() => {
				const text = data(`the key: ${KEY} ok`);
				const cut = text.indexOf('sk-or-') + 4;
				return new Response(body([data('x'), text.slice(0, cut), text.slice(cut), FINISH]), {
					headers: SSE,
				});
			},
		],
		...(['\\u0073', '\\u00', '\\'] as const).map(
			(cut) =>
				[
					`stream spelling it with a JSON escape, cut after ${cut}`,
					() => {
						// "\u0073k-or-…" parses to the key, though the text never holds "sk-or-".
						const text = `data: {"choices":[{"index":0,"delta":{"content":"\\u0073${KEY.slice(1)}"}}]}\n\n`;
						const at = text.indexOf('\\u0073') + cut.length;
						return new Response(body([data('x'), text.slice(0, at), text.slice(at), FINISH]), {
							headers: SSE,
						});
					},
				] as [string, () => Response],
		),
		[
			'http error',
			() => Response.json({ error: { code: 401, message: 'User not found.' } }, { status: 401 }),
		],
		[
			'broken body',
			() =>
				new Response(body([data('x')], { fail: new TypeError(`bad ${KEY}`) }), { headers: SSE }),
		],
		[
			'fetch quoting the header',
			() => {
				// undici names the bad header value in its message; that value contains the key.
				throw new TypeError(`Headers.append: "Bearer ${KEY}" is an invalid header value.`);
			},
		],
	];

	it.each(responses)('%s: the key is in no event and nothing is logged', async (_name, make) => {
		const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
			vi.spyOn(console, method).mockImplementation(() => undefined),
		);
		const events = await collect(async () => make());
		expect(events.length).toBeGreaterThan(0);
		expect(JSON.stringify(events)).not.toContain(KEY);
		expect(JSON.stringify(events)).not.toContain('test-fake-unit-secret');
		for (const spy of spies) expect(spy).not.toHaveBeenCalled();
	});
});

describe('send: the raw text for the inspector', () => {
	it('hands over the SSE body exactly as it arrived, and JSON and error bodies whole', async () => {
		const pieces = [
			': OPENROUTER PROCESSING\n\n',
			data('Hel'),
			data('lo'),
			FINISH,
			'data: [DONE]\n\n',
		];
		let seen = '';
		await collect(respond(new Response(body(pieces), { headers: SSE })), {
			onText: (t) => (seen += t),
		});
		expect(seen).toBe(pieces.join(''));

		const error = JSON.stringify({ error: { code: 402, message: 'Insufficient credits' } });
		let errorText = '';
		await collect(respond(new Response(error, { status: 402 })), {
			onText: (t) => (errorText += t),
		});
		expect(errorText).toBe(error);
	});
});

describe('send: a key that comes back is redacted on the way in', () => {
	it('in a 401 body quoting the header, and in stream chunks', async () => {
		const quoted = `Authorization: Bearer ${KEY}`;
		const denied = await collect(
			respond(
				new Response(JSON.stringify({ error: { code: 401, message: quoted } }), { status: 401 }),
			),
		);
		const streamed = await collect(
			respond(
				new Response(body([data(`echo sk-or-v1-test-other-0123456789 ${KEY}`), FINISH]), {
					headers: SSE,
				}),
			),
		);
		for (const events of [denied, streamed]) {
			expect(JSON.stringify(events)).not.toContain('sk-or-v1-');
			expect(JSON.stringify(events)).toContain('[key hidden]');
		}
		expect(fold(denied).error).toMatchObject({ message: 'Authorization: Bearer [key hidden]' });
	});

	it('in SSE comments, a key cut between two reads included, after clean ones', async () => {
		const [head, tail] = [KEY.slice(0, 10), KEY.slice(10)];
		const events = await collect(
			respond(
				new Response(
					body([
						': OPENROUTER PROCESSING\n\n',
						data('hi'),
						`: echo ${head}`,
						`${tail}\n\n`,
						FINISH,
					]),
					{ headers: SSE },
				),
			),
		);
		const comments = events.filter((e) => e.type === 'comment');
		expect(comments).toEqual([
			{ type: 'comment', text: 'OPENROUTER PROCESSING' },
			{ type: 'comment', text: 'echo [key hidden]' },
		]);
	});
});
