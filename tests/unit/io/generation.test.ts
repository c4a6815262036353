import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchGeneration } from '../../../src/io/generation';
import { startEmulator, type Emulator } from '../../emulator/server';

const KEY = 'sk-or-v1-test-generation';
let emu: Emulator;
beforeAll(async () => {
	emu = await startEmulator({ port: 0, tokenDelayMs: 0, generationDelayMs: 300 });
});
afterAll(() => emu.close());

describe('fetchGeneration', () => {
	it('retries while the record 404s, then returns provider, latency, native tokens and cost', async () => {
		const res = await fetch(`${emu.apiBaseUrl}/chat/completions`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({
				model: 'emulator/reasoning',
				messages: [{ role: 'user', content: 'hi' }],
			}),
		});
		const id = res.headers.get('X-Generation-Id') as string;
		await res.text();
		const waits: number[] = [];
		const result = await fetchGeneration(id, {
			apiKey: KEY,
			baseUrl: emu.apiBaseUrl,
			delaysMs: [100, 100, 100, 100, 100, 100],
			sleep: (ms) => {
				waits.push(ms);
				return new Promise((r) => setTimeout(r, ms));
			},
		});
		if (!result.ok) throw new Error(result.message);
		expect(waits.length).toBeGreaterThan(0);
		expect(result.stats.provider).toBeTruthy();
		expect(result.stats.nativeReasoning).toBe(13);
		expect(result.stats.totalCost).toBeGreaterThan(0);
		expect(result.stats.latencyMs).not.toBeNull();
		const gen = emu.requests().filter((r) => r.path.includes('/generation'));
		expect(gen.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
	});

	it('gives up with a message when the record never appears', async () => {
		const result = await fetchGeneration('gen-missing', {
			apiKey: KEY,
			baseUrl: emu.apiBaseUrl,
			delaysMs: [1, 1],
		});
		expect(result).toEqual({
			ok: false,
			message: expect.stringMatching(/had not published the generation stats after 3 tries/),
		});
	});

	it('backs off on 404 and 429, says which try it is on, and sends the key only in the header', async () => {
		const statuses = [404, 429, 200];
		const seen: { url: string; auth: string | null }[] = [];
		const waits: [number, number][] = [];
		const slept: number[] = [];
		const result = await fetchGeneration('gen-1', {
			apiKey: KEY,
			baseUrl: 'https://openrouter.ai/api/v1/',
			firstTryAfterMs: 0,
			delaysMs: [10, 20, 40],
			onWait: (attempt, attempts) => waits.push([attempt, attempts]),
			sleep: async (ms) => void slept.push(ms),
			fetch: async (url, init) => {
				seen.push({ url: String(url), auth: new Headers(init?.headers).get('authorization') });
				const status = statuses.shift() ?? 500;
				return new Response(
					JSON.stringify(status === 200 ? { data: { provider_name: 'X' } } : {}),
					{
						status,
					},
				);
			},
		});
		expect(result).toMatchObject({ ok: true, stats: { provider: 'X' } });
		expect(waits).toEqual([
			[1, 4],
			[2, 4],
		]);
		expect(slept).toEqual([10, 20]);
		expect(seen.map((s) => s.url)).toEqual(
			Array(3).fill('https://openrouter.ai/api/v1/generation?id=gen-1'),
		);
		expect(seen.every((s) => s.auth === `Bearer ${KEY}` && !s.url.includes(KEY))).toBe(true);
	});

	it('waits before the first try, since a record asked for at once is not there yet', async () => {
		const events: string[] = [];
		const result = await fetchGeneration('gen-1', {
			apiKey: KEY,
			baseUrl: 'https://openrouter.ai/api/v1',
			sleep: async (ms) => void events.push(`sleep ${ms}`),
			fetch: async () => (events.push('fetch'), Response.json({ data: { provider_name: 'X' } })),
		});
		expect(result).toMatchObject({ ok: true });
		expect(events).toEqual(['sleep 500', 'fetch']);
	});

	it('a run replaced during the first wait asks for nothing', async () => {
		const controller = new AbortController();
		let calls = 0;
		const pending = fetchGeneration('gen-1', {
			apiKey: KEY,
			baseUrl: 'https://openrouter.ai/api/v1',
			signal: controller.signal,
			fetch: async () => (calls++, new Response('{}', { status: 404 })),
		});
		controller.abort();
		expect(await pending).toEqual({ ok: false, message: 'cancelled' });
		expect(calls).toBe(0);
	});

	it('stops waiting as soon as it is cancelled', async () => {
		const controller = new AbortController();
		const started = Date.now();
		const pending = fetchGeneration('gen-1', {
			apiKey: KEY,
			baseUrl: 'https://openrouter.ai/api/v1',
			delaysMs: [60_000],
			signal: controller.signal,
			fetch: async () => new Response('{}', { status: 404 }),
		});
		setTimeout(() => controller.abort(), 20);
		expect(await pending).toEqual({ ok: false, message: 'cancelled' });
		expect(Date.now() - started).toBeLessThan(5_000);
	});

	it('other failures are not retried', async () => {
		let calls = 0;
		const result = await fetchGeneration('gen-1', {
			apiKey: KEY,
			baseUrl: 'https://openrouter.ai/api/v1',
			delaysMs: [1, 1],
			fetch: async () => (calls++, new Response('{}', { status: 401 })),
		});
		expect(result).toEqual({ ok: false, message: 'The generation stats failed with 401.' });
		expect(calls).toBe(1);
	});
});
