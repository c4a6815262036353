/** The emulator's tap (benchmarks stamp send times with it): every frame, in order, as written. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/server';

let emu: Emulator;
beforeAll(async () => {
	emu = await startEmulator({ tokenDelayMs: 0, generationDelayMs: 0 });
});
afterAll(() => emu.close());

const chat = () =>
	fetch(`${emu.apiBaseUrl}/chat/completions`, {
		method: 'POST',
		headers: { Authorization: 'Bearer sk-or-v1-test-tap', 'Content-Type': 'application/json' },
		body: JSON.stringify({
			model: 'emulator/bench-markdown',
			messages: [{ role: 'user', content: 'bench' }],
			stream: true,
			max_tokens: 200,
		}),
	});

it('reports each written frame; the frames make up the body exactly', async () => {
	const written: string[] = [];
	emu.tap((text) => written.push(text));
	const body = await (await chat()).text();
	expect(written.length).toBeGreaterThan(200);
	expect(written.join('')).toBe(body);
	expect(written.join('')).toContain('zq000025');
});

it('stops reporting once the tap is removed', async () => {
	const written: string[] = [];
	emu.tap((text) => written.push(text));
	emu.tap(null);
	await (await chat()).text();
	expect(written).toEqual([]);
});
