/**
 * A local OpenRouter (docs/openrouter-protocol.md#emulating-the-api): the endpoints a browser
 * playground touches, with the real API's CORS, error shapes and streaming quirks. It records every
 * call so tests can assert the exact body and headers that arrived. No dependencies beyond Node.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSecureServer, type Http2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { callbackAllowed, createAuth } from './auth';
import { GENERATED, MODELS, findModel, scenarioModels } from './catalog';
import { endpointsOf } from './routing';
import { envelope } from './errors';
import { createGenerations } from './generation';
import { createPacer } from './pacing';
import { createPromptCache } from './prompt-cache';
import {
	replayHeaders,
	replayOf,
	replayPauseMs,
	replayPieces,
	type Recording,
	type ReplayVariant,
} from './recorded';
import { SCENARIO_IDS, chooseScenario, renderScenario, type ChatRequestLike } from './scenarios';

export type RecordedRequest = {
	method: string;
	path: string;
	headers: Record<string, string>;
	body: unknown;
	rawBody: string;
	at: number;
};
export type Emulator = {
	origin: string;
	apiBaseUrl: string;
	requests(): RecordedRequest[];
	reset(): void;
	close(): Promise<void>;
	/** Benchmarks (B3/B4): told of every SSE frame right after it is written, to stamp send times. */
	tap(listener: ((text: string) => void) | null): void;
};
export type EmulatorOptions = {
	port?: number;
	host?: string;
	tokenDelayMs?: number;
	generationDelayMs?: number;
	strictCors?: boolean;
	/** Serve HTTP/2 over TLS (HTTP/1.1 still accepted), as openrouter.ai does: no 6-per-host queue. */
	tls?: { key: string | Buffer; cert: string | Buffer };
};

const EXPOSED = 'X-Generation-Id,X-Provider-Name,request-id,cf-ray';
// The allow-list recorded from the real preflight (docs/openrouter-protocol.md#cors); used only
// with strictCors.
const RECORDED_ALLOW_HEADERS =
	'Authorization, User-Agent, X-Api-Key, X-CSRF-Token, X-Requested-With, Accept, Accept-Version, Content-Length, Content-MD5, Content-Type, Date, X-Api-Version, HTTP-Referer, X-Windowai-Title, X-Openrouter-Title, X-Title, X-Openrouter-Categories, X-Openrouter-App-Visibility, X-Session-Id';

/** How long a dropped stream stays open after its last token (see the drop in `chat`). */
const DROP_AFTER_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const alphanumerics = (n: number) =>
	randomBytes(n * 2)
		.toString('base64')
		.replace(/[^A-Za-z0-9]/g, '')
		.slice(0, n);

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const tokenDelayMs = options.tokenDelayMs ?? 20;
	const auth = createAuth();
	const generations = createGenerations(options.generationDelayMs ?? 800);
	const promptCache = createPromptCache();
	const seenBodies = new Set<string>();
	let records: RecordedRequest[] = [];
	/** `POST /__emulator/catalog?duplicates=1`: /models lists some ids twice, until reset. */
	let duplicateModels = false;
	/** Milliseconds between streamed tokens: `POST /__emulator/reset?token-delay=N`, until reset. */
	let paceMs = tokenDelayMs;
	let tap: ((text: string) => void) | null = null;

	/** Forgets every request and setting of the tests so far; `pace` paces streams from now on. */
	function reset(pace = tokenDelayMs) {
		records = [];
		duplicateModels = false;
		paceMs = pace;
		auth.reset();
		generations.reset();
		promptCache.reset();
		seenBodies.clear();
	}

	function baseHeaders(res: ServerResponse) {
		res.setHeader('Access-Control-Allow-Origin', '*');
		res.setHeader('Access-Control-Expose-Headers', EXPOSED);
		res.setHeader('cf-ray', `${alphanumerics(16).toLowerCase()}-EMU`);
		res.setHeader('request-id', `req-${alphanumerics(12)}`);
		res.setHeader('X-Content-Type-Options', 'nosniff');
		res.setHeader('Referrer-Policy', 'no-referrer, strict-origin-when-cross-origin');
	}

	function json(
		res: ServerResponse,
		status: number,
		body: unknown,
		headers: Record<string, string> = {},
		chunked = false,
	) {
		const text = JSON.stringify(body);
		res.writeHead(status, {
			'Content-Type': 'application/json',
			...headers,
			...(chunked ? {} : { 'Content-Length': Buffer.byteLength(text) }),
		});
		// Real error bodies often come chunked without Content-Length
		// (docs/openrouter-protocol.md#response-headers).
		if (chunked) {
			res.write(text.slice(0, 10));
			res.end(text.slice(10));
		} else res.end(text);
	}

	async function chat(
		req: IncomingMessage,
		res: ServerResponse,
		body: unknown,
		origin: string | undefined,
	) {
		const denied = auth.check(req.headers.authorization);
		if (denied) return json(res, denied.status, denied.body, {}, true);
		const key = auth.keyOf(req.headers.authorization);
		if (key === 'sk-or-v1-test-no-credits')
			return json(
				res,
				402,
				envelope(
					402,
					'Insufficient credits. Add more using https://openrouter.ai/settings/credits',
					{ provider_name: null },
				),
			);
		if (key === 'sk-or-v1-test-capped')
			return json(
				res,
				403,
				envelope(
					403,
					'Key limit exceeded (total limit). Manage it using https://openrouter.ai/settings/keys',
				),
			);
		if (typeof body !== 'object' || body === null || Array.isArray(body))
			return json(res, 400, envelope(400, 'Invalid JSON body'));
		const request = body as ChatRequestLike;
		// A hostile or buggy gateway that quotes the request's header (and another key) back.
		if (
			request.model === 'emulator/key-echo-401' ||
			req.headers['x-emulator-scenario'] === 'key-echo-401'
		)
			return json(
				res,
				401,
				envelope(401, `Invalid credentials in "Authorization: Bearer ${key}"`, {
					raw: `{"headers":{"authorization":"Bearer ${key}","x-forwarded-key":"sk-or-v1-test-fake-other-key-not-a-secret"}}`,
				}),
			);
		const model = request.model ?? 'openrouter/auto';
		const replay = replayOf(model);
		if (replay && 'error' in replay)
			return json(res, 400, {
				error: { message: replay.error, code: 400 },
				user_id: 'user_emulator',
			});
		if (replay) return serveReplay(res, replay.recording, replay.variant);
		if (!model.startsWith('emulator/') && !findModel(model))
			return json(res, 400, {
				error: { message: `${model} is not a valid model ID`, code: 400 },
				user_id: 'user_emulator',
			});
		if (!Array.isArray(request.messages) || request.messages.length === 0)
			return json(
				res,
				400,
				envelope(400, 'Input required: specify "prompt" or "messages"', {
					error_type: 'invalid_request',
				}),
			);

		const header = req.headers['x-emulator-scenario'];
		const scenario = chooseScenario(request, typeof header === 'string' ? header : undefined);
		const id = `gen-${Math.floor(Date.now() / 1000)}-${alphanumerics(20)}`;
		// by-content: a body seen before is a retry (the lab's 429 test).
		const bodyKey = JSON.stringify(body);
		const seenBefore = seenBodies.has(bodyKey);
		if (scenario === 'by-content') seenBodies.add(bodyKey);
		const rendered = renderScenario(scenario, request, {
			seenBefore,
			generationId: id,
			created: Math.floor(Date.now() / 1000),
			cachedTokens: promptCache.read(key, model, request.messages ?? []),
		});
		const started = Date.now();
		const finish = (cancelled: boolean) => {
			const usage = rendered.expected.usage as {
				cost?: number;
				prompt_tokens?: number;
				completion_tokens?: number;
			} | null;
			if (usage?.cost) auth.charge(key, usage.cost);
			generations.record({
				id,
				request,
				provider: rendered.headers['X-Provider-Name'] ?? 'Emulator',
				usage: rendered.expected.usage,
				text: rendered.expected.text + rendered.expected.reasoning,
				finishReason: rendered.expected.finishReason,
				streamed: rendered.kind === 'sse',
				cancelled,
				latency: Date.now() - started,
				origin,
			});
		};
		if (rendered.kind === 'json') {
			json(res, rendered.status, rendered.body, rendered.headers, rendered.status >= 400);
			if (rendered.status < 400) finish(false);
			return;
		}
		const delayHeader = Number(req.headers['x-emulator-token-delay']);
		const delay = Number.isFinite(delayHeader) && delayHeader >= 0 ? delayHeader : paceMs;
		const pace = createPacer(delay);
		const split = Number(req.headers['x-emulator-split']) || 0;
		if (rendered.headerDelayMs) await sleep(rendered.headerDelayMs);
		let aborted = false;
		res.on('close', () => {
			if (!res.writableFinished) aborted = true;
		});
		res.writeHead(200, rendered.headers);
		for (const frame of rendered.frames) {
			if (aborted) break;
			if (frame.paced) await pace();
			if (aborted) break;
			if (split > 0) {
				// Network-level splitting: pieces cut mid-line and mid-UTF-8 sequence
				// (docs/openrouter-protocol.md#sse-framing).
				const bytes = Buffer.from(frame.text);
				for (let at = 0; at < bytes.length; at += split) res.write(bytes.subarray(at, at + split));
			} else res.write(frame.text);
			tap?.(frame.text);
		}
		if (aborted) return finish(true);
		if (rendered.drop) {
			// A connection breaks off after what it carried was read. Chromium drops bytes that
			// arrive together with the close (about one stream in ten at 1 000 tok/s): the page
			// never sees them, so no client could keep them.
			await sleep(Math.max(delay, DROP_AFTER_MS));
			res.socket?.destroy(); // no [DONE], no clean end: what a TLS close looks like to fetch
			return finish(false);
		}
		res.end();
		finish(false);
	}

	/** A recorded response as it came: its status, its headers, its bytes in the recorded pieces. */
	async function serveReplay(res: ServerResponse, recording: Recording, variant: ReplayVariant) {
		const pieces = replayPieces(recording, variant);
		const pace = createPacer(replayPauseMs(variant, pieces.length));
		let aborted = false;
		res.on('close', () => {
			if (!res.writableFinished) aborted = true;
		});
		res.writeHead(recording.meta.status, replayHeaders(recording.meta));
		for (const [i, piece] of pieces.entries()) {
			if (i > 0) await pace();
			if (aborted) return;
			res.write(piece);
		}
		res.end();
	}

	const GENERATED_MODELS = GENERATED.map((g) => g.model);

	function models(url: URL, res: ServerResponse) {
		const outputs = (url.searchParams.get('output_modalities') ?? 'text').split(',');
		const required = url.searchParams.get('supported_parameters')?.split(',').filter(Boolean) ?? [];
		const q = url.searchParams.get('q')?.toLowerCase();
		let list = [...MODELS, ...scenarioModels(SCENARIO_IDS), ...GENERATED_MODELS].filter(
			(m) =>
				(outputs.includes('all') ||
					m.architecture.output_modalities.some((o) => outputs.includes(o))) &&
				required.every((p) => m.supported_parameters.includes(p)) &&
				(!q || `${m.id} ${String(m.name)}`.toLowerCase().includes(q)),
		);
		// A catalog served with repeated ids (a proxy merging two lists did this): the second entry
		// of each id has another name, so a client keeping the wrong one shows it.
		if (duplicateModels)
			list = [
				...list,
				...list.slice(0, 5).map((m) => ({ ...m, name: `${String(m.name)} (duplicate)` })),
			];
		const total = list.length;
		const offset = Number(url.searchParams.get('offset') ?? 0);
		const limitParam = url.searchParams.get('limit');
		let next: string | null = null;
		if (limitParam !== null || offset > 0) {
			const limit = Math.min(Math.max(Number(limitParam ?? 500), 1), 1000);
			list = list.slice(offset, offset + limit);
			if (offset + limit < total) next = `/api/v1/models?offset=${offset + limit}&limit=${limit}`;
		}
		json(
			res,
			200,
			{ data: list, total_count: total, links: { next } },
			{ 'Cache-Control': 'public, max-age=120, stale-while-revalidate=3600' },
		);
	}

	async function route(
		req: IncomingMessage,
		res: ServerResponse,
		url: URL,
		rawBody: string,
		body: unknown,
	) {
		const path = url.pathname;
		const authed = req.headers.authorization;
		if (path === '/api/v1/chat/completions')
			return req.method === 'POST'
				? chat(req, res, body, req.headers.origin)
				: json(res, 405, envelope(405, 'Method not allowed'));
		if (path === '/api/v1/models') return models(url, res);
		if (path === '/api/v1/models/count')
			return json(res, 200, { data: { count: MODELS.length + GENERATED.length } });
		const one = /^\/api\/v1\/model\/(.+)$/.exec(path);
		if (one) {
			const found = findModel(decodeURIComponent(one[1] ?? ''));
			return found
				? json(res, 200, { data: found.model })
				: json(res, 404, envelope(404, 'Model not found'));
		}
		const endpoints = /^\/api\/v1\/models\/(.+)\/endpoints$/.exec(path);
		if (endpoints) {
			const id = decodeURIComponent(endpoints[1] ?? '');
			const found = findModel(id);
			const list = endpointsOf(id, Boolean(authed));
			if (!found || !list) return json(res, 404, envelope(404, 'Model not found'));
			const m = found.model;
			return json(res, 200, {
				data: {
					id: m.id,
					name: m.name,
					created: m.created,
					description: m.description ?? '',
					architecture: m.architecture,
					endpoints: list,
				},
			});
		}
		if (path === '/api/v1/key' || path === '/api/v1/auth/key') {
			const denied = auth.check(authed);
			return denied
				? json(res, denied.status, denied.body)
				: json(res, 200, auth.keyInfo(auth.keyOf(authed)));
		}
		if (path === '/api/v1/credits') {
			const denied = auth.check(authed);
			return denied
				? json(res, denied.status, denied.body)
				: json(res, 403, envelope(403, 'Only management keys can perform this operation'));
		}
		if (path === '/api/v1/generation') {
			const denied = auth.check(authed);
			if (denied) return json(res, denied.status, denied.body);
			const found = generations.get(url.searchParams.get('id') ?? '');
			return found
				? json(res, 200, { data: found })
				: json(res, 404, envelope(404, 'Generation not found'));
		}
		if (path === '/api/v1/auth/keys') {
			if (req.method !== 'POST') return json(res, 405, envelope(405, 'Method not allowed'));
			const result = auth.exchange(body);
			return json(res, result.status, result.body);
		}
		if (path === '/auth') return consent(url, res);
		if (path === '/__emulator/requests') return json(res, 200, records);
		if (path === '/__emulator/health')
			return res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
		if (path === '/__emulator/catalog' && req.method === 'POST') {
			duplicateModels = url.searchParams.get('duplicates') === '1';
			return json(res, 200, { ok: true });
		}
		if (path === '/__emulator/reset' && req.method === 'POST') {
			const pace = Number(url.searchParams.get('token-delay') ?? tokenDelayMs);
			if (!(Number.isFinite(pace) && pace >= 0 && pace <= 10_000))
				return json(res, 400, envelope(400, 'token-delay must be 0 to 10000 ms'));
			reset(pace);
			return json(res, 200, { ok: true });
		}
		void rawBody;
		json(res, 404, envelope(404, 'Not Found'));
	}

	/** The /auth page: a person approves on openrouter.ai; here approval is automatic. */
	function consent(url: URL, res: ServerResponse) {
		const callback = url.searchParams.get('callback_url') ?? '';
		if (!callbackAllowed(callback))
			return res.writeHead(400, { 'Content-Type': 'text/html' }).end('<p>Invalid callback_url</p>');
		const target = new URL(callback);
		// emulator_deny simulates a user who cancels and returns to the app without a code.
		if (url.searchParams.get('emulator_deny') !== '1') {
			const code = auth.issueCode(
				url.searchParams.get('code_challenge') ?? '',
				url.searchParams.get('code_challenge_method') ?? 'plain',
				url.searchParams.get('emulator_expire') === '1',
			);
			target.searchParams.set('code', code);
		}
		res.writeHead(302, { Location: target.href }).end();
	}

	const handle = (req: IncomingMessage, res: ServerResponse) => {
		baseHeaders(res);
		const url = new URL(req.url ?? '/', 'http://emulator.local');
		if (req.method === 'OPTIONS') {
			const requested = req.headers['access-control-request-headers'];
			res.writeHead(204, {
				'Access-Control-Allow-Methods': 'GET,OPTIONS,PATCH,DELETE,POST,PUT',
				'Access-Control-Allow-Headers': options.strictCors
					? RECORDED_ALLOW_HEADERS
					: (requested ?? RECORDED_ALLOW_HEADERS),
				'Access-Control-Max-Age': '600',
				Vary: 'Access-Control-Request-Headers',
			});
			return res.end();
		}
		const pieces: Buffer[] = [];
		req.on('data', (piece: Buffer) => pieces.push(piece));
		req.on('end', () => {
			const rawBody = Buffer.concat(pieces).toString('utf8');
			let body: unknown = null;
			try {
				body = rawBody ? JSON.parse(rawBody) : null;
			} catch {
				if (url.pathname === '/api/v1/chat/completions')
					return json(res, 400, envelope(400, 'Invalid JSON in request body'));
			}
			if (!url.pathname.startsWith('/__emulator/')) {
				const headers: Record<string, string> = {};
				for (const [name, value] of Object.entries(req.headers))
					if (typeof value === 'string') headers[name] = value;
				records.push({
					method: req.method ?? 'GET',
					path: url.pathname + url.search,
					headers,
					body,
					rawBody,
					at: Date.now(),
				});
			}
			route(req, res, url, rawBody, body).catch((error: unknown) => {
				if (!res.headersSent) json(res, 500, envelope(500, `Emulator bug: ${String(error)}`));
			});
		});
	};
	// HTTP/2's compatibility request/response have the shape the handler uses.
	const sessions = new Set<Http2Session>();
	const server = options.tls
		? createSecureServer({ ...options.tls, allowHTTP1: true }, handle as never).on(
				'session',
				(session: Http2Session) => {
					sessions.add(session);
					session.on('close', () => sessions.delete(session));
				},
			)
		: createServer(handle);

	await new Promise<void>((resolve) =>
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
	);
	const { port } = server.address() as AddressInfo;
	const origin = `${options.tls ? 'https' : 'http'}://${options.host ?? '127.0.0.1'}:${port}`;
	return {
		origin,
		apiBaseUrl: `${origin}/api/v1`,
		requests: () => records,
		reset: () => reset(),
		tap: (listener) => {
			tap = listener;
		},
		close: () =>
			new Promise<void>((resolve) => {
				if ('closeAllConnections' in server) server.closeAllConnections();
				for (const session of sessions) session.destroy();
				server.close(() => resolve());
			}),
	};
}
