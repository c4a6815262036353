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
		expect(result).toEqual({ ok: false, message: expect.stringMatching(/still not available/) });
	});
});
