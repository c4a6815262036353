import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/server';

let emu: Emulator;
const KEY = 'sk-or-v1-test-unit';
const auth = { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' };
const chat = (body: unknown, headers: Record<string, string> = auth) =>
	fetch(`${emu.apiBaseUrl}/chat/completions`, {
		method: 'POST',
		headers,
		body: JSON.stringify(body),
	});
const hello = { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] };

beforeAll(async () => {
	emu = await startEmulator({ tokenDelayMs: 0, generationDelayMs: 150 });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

describe('CORS like the real API', () => {
	it('preflight: 204, methods, requested headers echoed', async () => {
		const res = await fetch(`${emu.apiBaseUrl}/chat/completions`, {
			method: 'OPTIONS',
			headers: {
				Origin: 'http://app.local',
				'Access-Control-Request-Method': 'POST',
				'Access-Control-Request-Headers': 'authorization,content-type,x-openrouter-title',
			},
		});
		expect(res.status).toBe(204);
		expect(res.headers.get('access-control-allow-methods')).toBe(
			'GET,OPTIONS,PATCH,DELETE,POST,PUT',
		);
		expect(res.headers.get('access-control-allow-headers')).toBe(
			'authorization,content-type,x-openrouter-title',
		);
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
	});

	it.each([
		['success', () => chat(hello)],
		['401', () => chat(hello, { 'Content-Type': 'application/json' })],
		['404 path', () => fetch(`${emu.apiBaseUrl}/nope`)],
	])('%s carries allow-origin * and only the real exposed headers', async (_name, call) => {
		const res = await call();
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(res.headers.get('access-control-expose-headers')).toBe(
			'X-Generation-Id,X-Provider-Name,request-id,cf-ray',
		);
		await res.text();
	});
});

describe('POST /chat/completions', () => {
	it('missing and unknown keys get the two real 401 messages', async () => {
		const missing = await chat(hello, { 'Content-Type': 'application/json' });
		expect(missing.status).toBe(401);
		expect((await missing.json()).error.message).toBe('No cookie auth credentials found');
		const unknown = await chat(hello, { ...auth, Authorization: 'Bearer sk-or-v1-whatever' });
		expect(await unknown.json()).toEqual({ error: { message: 'User not found.', code: 401 } });
	});

	it('an unknown model is a 400 naming it', async () => {
		const res = await chat({ ...hello, model: 'nobody/nothing' });
		expect(res.status).toBe(400);
		expect((await res.json()).error.message).toBe('nobody/nothing is not a valid model ID');
	});

	it('empty messages are a 400; unknown fields are accepted', async () => {
		expect((await chat({ ...hello, messages: [] })).status).toBe(400);
		expect(
			(await chat({ ...hello, usage: { include: true }, transforms: ['middle-out'] })).status,
		).toBe(200);
	});

	it('streams comments, chunks with the dated model, usage and [DONE], with generation headers', async () => {
		const res = await chat({ ...hello, stream: true });
		expect(res.headers.get('content-type')).toBe('text/event-stream');
		const id = res.headers.get('x-generation-id');
		expect(id).toMatch(/^gen-\d+-[A-Za-z0-9]{20}$/);
		expect(res.headers.get('x-provider-name')).toBe('OpenAI');
		const text = await res.text();
		expect(text.startsWith(': OPENROUTER PROCESSING\n\n')).toBe(true);
		expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
		expect(text).toContain('"model":"openai/gpt-4o-mini-2024-07-18"');
		expect(text).toContain(`"id":"${id}"`);
		expect(text).toContain('"usage":{');
	});

	it('the same request gives the same answer; another seed gives another', async () => {
		const a = await (await chat(hello)).json();
		const b = await (await chat(hello)).json();
		const c = await (await chat({ ...hello, seed: 7 })).json();
		expect(a.choices[0].message.content).toBe(b.choices[0].message.content);
		expect(c.choices[0].message.content).not.toBe(a.choices[0].message.content);
	});

	it('records the exact body and headers it received', async () => {
		await chat({ ...hello, temperature: 0.3 }, { ...auth, 'X-OpenRouter-Title': 'Tests' });
		const [record] = emu.requests();
		expect(record?.body).toEqual({ ...hello, temperature: 0.3 });
		expect(record?.headers['x-openrouter-title']).toBe('Tests');
		expect(record?.headers.authorization).toBe(`Bearer ${KEY}`);
	});

	it('HTTP 429 carries rate-limit headers the browser cannot read, and metadata.headers it can', async () => {
		const res = await chat({ ...hello, model: 'emulator/http-429', stream: true });
		expect(res.status).toBe(429);
		expect(res.headers.get('x-ratelimit-reset')).toBe('1788220800000');
		expect(res.headers.get('access-control-expose-headers')).not.toMatch(/RateLimit|Retry/i);
		const body = await res.json();
		expect(body.error.metadata.headers['X-RateLimit-Remaining']).toBe('0');
	});

	it('special keys give 402 and the 403 key cap', async () => {
		expect(
			(await chat(hello, { ...auth, Authorization: 'Bearer sk-or-v1-test-no-credits' })).status,
		).toBe(402);
		const capped = await chat(hello, { ...auth, Authorization: 'Bearer sk-or-v1-test-capped' });
		expect(capped.status).toBe(403);
		expect((await capped.json()).error.message).toContain('Key limit exceeded');
	});

	it('an aborted stream stops and its generation is marked cancelled', async () => {
		const slow = await startEmulator({ tokenDelayMs: 30, generationDelayMs: 0 });
		try {
			const controller = new AbortController();
			const res = await fetch(`${slow.apiBaseUrl}/chat/completions`, {
				method: 'POST',
				headers: auth,
				signal: controller.signal,
				body: JSON.stringify({ ...hello, model: 'emulator/long', stream: true }),
			});
			const id = res.headers.get('x-generation-id');
			const reader = res.body!.getReader();
			await reader.read();
			controller.abort();
			await new Promise((r) => setTimeout(r, 150));
			const gen = await fetch(`${slow.apiBaseUrl}/generation?id=${id}`, { headers: auth });
			expect((await gen.json()).data.cancelled).toBe(true);
		} finally {
			await slow.close();
		}
	});
});

describe('GET /generation, /key, /credits, /models', () => {
	it('/generation 404s for a while after the run, then answers', async () => {
		const res = await chat(hello);
		const id = res.headers.get('x-generation-id');
		await res.text();
		expect((await fetch(`${emu.apiBaseUrl}/generation?id=${id}`, { headers: auth })).status).toBe(
			404,
		);
		await new Promise((r) => setTimeout(r, 200));
		const later = await fetch(`${emu.apiBaseUrl}/generation?id=${id}`, { headers: auth });
		expect(later.status).toBe(200);
		expect((await later.json()).data).toMatchObject({
			id,
			provider_name: 'OpenAI',
			streamed: false,
			cancelled: false,
		});
	});

	it('/key usage grows by each request cost', async () => {
		const before = (await (await fetch(`${emu.apiBaseUrl}/key`, { headers: auth })).json()).data;
		const cost = (await (await chat(hello)).json()).usage.cost;
		const after = (await (await fetch(`${emu.apiBaseUrl}/auth/key`, { headers: auth })).json())
			.data;
		expect(after.usage).toBeCloseTo(before.usage + cost, 9);
		expect(after.limit_remaining).toBeCloseTo(before.limit_remaining - cost, 9);
	});

	it('/credits refuses ordinary keys', async () => {
		const res = await fetch(`${emu.apiBaseUrl}/credits`, { headers: auth });
		expect(res.status).toBe(403);
		expect((await res.json()).error.message).toBe(
			'Only management keys can perform this operation',
		);
	});

	it('/models is keyless, filters and paginates', async () => {
		const all = await (await fetch(`${emu.apiBaseUrl}/models`)).json();
		expect(all.links.next).toBeNull();
		expect(
			all.data.every((m: { architecture: { output_modalities: string[] } }) =>
				m.architecture.output_modalities.includes('text'),
			),
		).toBe(true);
		expect(typeof all.data[0].pricing.prompt).toBe('string');
		const images = await (await fetch(`${emu.apiBaseUrl}/models?output_modalities=image`)).json();
		// The curated image model first, then generated ones; each lists image among its outputs.
		expect(images.data[0].id).toBe('google/gemini-2.5-flash-image');
		expect(images.data.length).toBeGreaterThan(10);
		expect(
			images.data.every((m: { architecture: { output_modalities: string[] } }) =>
				m.architecture.output_modalities.includes('image'),
			),
		).toBe(true);
		const everything = await (await fetch(`${emu.apiBaseUrl}/models?output_modalities=all`)).json();
		expect(everything.data.length).toBeGreaterThanOrEqual(500);
		const tools = await (
			await fetch(`${emu.apiBaseUrl}/models?supported_parameters=tools,logprobs&q=gpt`)
		).json();
		expect(tools.data.map((m: { id: string }) => m.id)).toEqual(['openai/gpt-4o-mini']);
		const page = await (await fetch(`${emu.apiBaseUrl}/models?limit=3`)).json();
		expect(page.data).toHaveLength(3);
		expect(page.links.next).toBe('/api/v1/models?offset=3&limit=3');
		expect(page.total_count).toBe(all.total_count);
	});

	it('/models/{id}/endpoints lists each provider in the real shape, stats only with a key', async () => {
		const list = await (await fetch(`${emu.apiBaseUrl}/models?output_modalities=all`)).json();
		const many = list.data.find((m: { id: string }) => m.id === 'deepseek/deepseek-chat');
		expect(many).toBeTruthy();
		const res = await fetch(`${emu.apiBaseUrl}/models/deepseek/deepseek-chat/endpoints`);
		const { data } = await res.json();
		expect(data.id).toBe('deepseek/deepseek-chat');
		expect(data.endpoints.map((e: { tag: string }) => e.tag)).toEqual([
			'novita',
			'deepinfra',
			'chutes',
		]);
		expect(data.endpoints[0]).toMatchObject({
			provider_name: 'Novita',
			status: 0,
			latency_last_30m: null,
			throughput_last_30m: null,
		});
		expect(typeof data.endpoints[0].pricing.prompt).toBe('string');
		expect(data.endpoints[2].status).toBeLessThan(0);
		// Every generated model has endpoints, some of them without a feature the model lists.
		const generated = list.data.filter((m: { id: string }) => m.id.startsWith('arcee-ai/'));
		expect(generated.length).toBeGreaterThan(0);
		const one = await (
			await fetch(`${emu.apiBaseUrl}/models/${generated[0].id}/endpoints`, {
				headers: { Authorization: `Bearer ${KEY}` },
			})
		).json();
		expect(one.data.endpoints.length).toBeGreaterThan(0);
		expect(one.data.endpoints[0].latency_last_30m).toMatchObject({ p50: expect.any(Number) });
		expect((await fetch(`${emu.apiBaseUrl}/models/nobody/nothing/endpoints`)).status).toBe(404);
	});
});

describe('OAuth PKCE', () => {
	const verifier = 'v'.repeat(43);
	const challenge = createHash('sha256').update(verifier).digest('base64url');
	async function code(extra = '') {
		const res = await fetch(
			`${emu.origin}/auth?callback_url=${encodeURIComponent('http://localhost:5173/pg/?x=1')}&code_challenge=${challenge}&code_challenge_method=S256${extra}`,
			{ redirect: 'manual' },
		);
		expect(res.status).toBe(302);
		return new URL(res.headers.get('location') ?? '').searchParams.get('code');
	}
	const exchange = (body: unknown) =>
		fetch(`${emu.apiBaseUrl}/auth/keys`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});

	it('issues a key once for the right verifier', async () => {
		const c = await code();
		const ok = await exchange({ code: c, code_verifier: verifier, code_challenge_method: 'S256' });
		const { key } = await ok.json();
		expect(key).toMatch(/^sk-or-v1-test-oauth-/);
		expect(
			(await fetch(`${emu.apiBaseUrl}/key`, { headers: { Authorization: `Bearer ${key}` } }))
				.status,
		).toBe(200);
		const again = await exchange({
			code: c,
			code_verifier: verifier,
			code_challenge_method: 'S256',
		});
		expect(again.status).toBe(403);
	});

	it('rejects a wrong verifier, a wrong method, and an expired code', async () => {
		expect(
			(
				await exchange({
					code: await code(),
					code_verifier: 'w'.repeat(43),
					code_challenge_method: 'S256',
				})
			).status,
		).toBe(403);
		const wrongMethod = await exchange({
			code: await code(),
			code_verifier: verifier,
			code_challenge_method: 'plain',
		});
		expect(wrongMethod.status).toBe(400);
		expect((await wrongMethod.json()).error.message).toBe('Invalid code_challenge_method');
		const expired = await exchange({
			code: await code('&emulator_expire=1'),
			code_verifier: verifier,
			code_challenge_method: 'S256',
		});
		expect((await expired.json()).error.message).toBe('Authorization code expired');
	});

	it('refuses a callback that is neither https nor localhost', async () => {
		const res = await fetch(
			`${emu.origin}/auth?callback_url=${encodeURIComponent('http://evil.example/')}&code_challenge=x`,
			{ redirect: 'manual' },
		);
		expect(res.status).toBe(400);
	});

	it('keeps the callback query and adds the code', async () => {
		const res = await fetch(
			`${emu.origin}/auth?callback_url=${encodeURIComponent('http://127.0.0.1:9/a/?x=1')}&code_challenge=${challenge}&code_challenge_method=S256`,
			{ redirect: 'manual' },
		);
		const location = new URL(res.headers.get('location') ?? '');
		expect(location.pathname).toBe('/a/');
		expect(location.searchParams.get('x')).toBe('1');
		expect(location.searchParams.get('code')).toMatch(/^[0-9a-f]{32}$/);
	});
});

describe('POST /__emulator/reset?token-delay', () => {
	const reset = (query: string) =>
		fetch(`${emu.origin}/__emulator/reset${query}`, { method: 'POST' });
	const streamed = async () => {
		const started = performance.now();
		const res = await chat({ ...hello, model: 'emulator/long', max_tokens: 8, stream: true });
		await res.text();
		return performance.now() - started;
	};

	it('paces the streams that follow until the next reset, which restores the default', async () => {
		expect((await reset('?token-delay=40')).status).toBe(200);
		// Eight tokens each after a 40 ms sleep: at least 320 ms, where the default (0) takes a few.
		expect(await streamed()).toBeGreaterThanOrEqual(8 * 40);
		expect((await reset('')).status).toBe(200);
		expect(await streamed()).toBeLessThan(8 * 40);
	});

	it('refuses a pace that is not a number of milliseconds', async () => {
		for (const bad of ['abc', '-1', '1e9']) {
			const res = await reset(`?token-delay=${bad}`);
			expect(res.status).toBe(400);
			expect((await res.json()).error.message).toContain('token-delay');
		}
	});
});
