import { chunkFromResponse, errorFromBody } from '../core/stream/chunk';
import { decodeSse } from '../core/stream/sse';
import type { StreamEvent } from '../core/stream/types';

export type SendOptions = {
	apiKey: string;
	baseUrl: string;
	signal?: AbortSignal;
	/** Attribution headers (HTTP-Referer, X-OpenRouter-Title). Never the key. */
	headers?: Record<string, string>;
};

async function* readBody(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
	const reader = body.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			yield value;
		}
	} finally {
		// Stop reading after [DONE] or an abort; cancelling closes the connection cleanly.
		await reader.cancel().catch(() => undefined);
	}
}

/**
 * POST /chat/completions and yield what happens as StreamEvents. Errors are yielded, never thrown;
 * an abort simply ends the sequence (the caller knows it stopped). The key goes only into the
 * Authorization header of this one request.
 */
export async function* send(
	body: Record<string, unknown>,
	options: SendOptions,
	fetchImpl: typeof fetch = globalThis.fetch,
): AsyncGenerator<StreamEvent> {
	const { signal } = options;
	const host = new URL(options.baseUrl).host;
	let res: Response;
	try {
		res = await fetchImpl(`${options.baseUrl}/chat/completions`, {
			method: 'POST',
			headers: {
				...options.headers,
				Authorization: `Bearer ${options.apiKey}`,
				'Content-Type': 'application/json',
			},
			body: JSON.stringify(body),
			signal,
		});
	} catch (error) {
		if (signal?.aborted) return;
		const reason = error instanceof Error ? error.message : String(error);
		yield {
			type: 'error',
			error: { kind: 'network', message: `Could not reach ${host} (${reason})` },
		};
		return;
	}
	yield {
		type: 'open',
		status: res.status,
		generationId: res.headers.get('X-Generation-Id'),
		providerName: res.headers.get('X-Provider-Name'),
	};

	try {
		const contentType = res.headers.get('Content-Type') ?? '';
		// Errors before the stream starts are JSON, even with stream: true (tricky case 17).
		if (!res.ok) {
			yield { type: 'error', error: errorFromBody(res.status, await res.text()) };
			return;
		}
		if (contentType.includes('application/json') || !res.body) {
			const text = await res.text();
			let parsed: unknown;
			try {
				parsed = JSON.parse(text);
			} catch {
				yield { type: 'error', error: { kind: 'protocol', message: 'the response was not JSON' } };
				return;
			}
			const mapped = chunkFromResponse(res.status, parsed);
			if ('error' in mapped) yield { type: 'error', error: mapped.error };
			else yield* [{ type: 'chunk', chunk: mapped.chunk } as const, { type: 'done' } as const];
			return;
		}
		for await (const event of decodeSse(readBody(res.body))) {
			yield event;
			if (event.type === 'done' || event.type === 'end') break;
		}
	} catch (error) {
		if (signal?.aborted) return;
		const reason = error instanceof Error ? error.message : String(error);
		yield {
			type: 'error',
			error: { kind: 'network', message: `the connection to ${host} dropped (${reason})` },
		};
	}
}
