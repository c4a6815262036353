import { connect } from 'node:http2';
import { describe, expect, it } from 'vitest';
import { selfSignedCert } from '../../bench/tls';
import { createPacer } from '../../emulator/pacing';
import { startEmulator } from '../../emulator/server';

function fakeClock() {
	let t = 0;
	const sleeps: number[] = [];
	return {
		now: () => t,
		sleep: async (ms: number) => {
			sleeps.push(ms);
			t += ms;
		},
		advance: (ms: number) => (t += ms),
		sleeps,
	};
}

describe('createPacer', () => {
	it('sleeps the whole delay per token from 4 ms up', async () => {
		const clock = fakeClock();
		const pace = createPacer(15, clock.now, clock.sleep);
		await pace();
		await pace();
		expect(clock.sleeps).toEqual([15, 15]);
	});

	it('below 4 ms follows a schedule: due tokens go at once, no drift', async () => {
		const clock = fakeClock();
		const pace = createPacer(0.2, clock.now, clock.sleep); // 5 000 tok/s
		for (let i = 0; i < 5000; i++) await pace();
		// One second of tokens took one second of (fake) sleeping, in whole-millisecond ticks.
		expect(clock.now()).toBeGreaterThanOrEqual(999);
		expect(clock.now()).toBeLessThanOrEqual(1000);
		expect(clock.sleeps.length).toBeLessThanOrEqual(1000);
		expect(clock.sleeps.every((ms) => Number.isInteger(ms) && ms >= 1)).toBe(true);
	});

	it('catches up without sleeping when the writer fell behind', async () => {
		const clock = fakeClock();
		const pace = createPacer(0.5, clock.now, clock.sleep);
		await pace();
		clock.advance(10);
		for (let i = 0; i < 20; i++) await pace();
		expect(clock.sleeps).toEqual([]);
	});

	it('does not wait at all for a zero delay', async () => {
		const clock = fakeClock();
		const pace = createPacer(0, clock.now, clock.sleep);
		await pace();
		expect(clock.sleeps).toEqual([]);
	});
});

describe('the emulator over HTTP/2', () => {
	it('streams a chat answer on an h2 stream over TLS', async () => {
		const emu = await startEmulator({ tokenDelayMs: 0, tls: selfSignedCert() });
		expect(emu.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
		const session = connect(emu.origin, { rejectUnauthorized: false });
		try {
			const stream = session.request({
				':method': 'POST',
				':path': '/api/v1/chat/completions',
				authorization: 'Bearer sk-or-v1-test-h2',
				'content-type': 'application/json',
			});
			stream.end(
				JSON.stringify({
					model: 'emulator/bench',
					max_tokens: 50,
					stream: true,
					messages: [{ role: 'user', content: 'hi' }],
				}),
			);
			let status = 0;
			let text = '';
			stream.on('response', (headers) => (status = Number(headers[':status'])));
			stream.setEncoding('utf8');
			for await (const piece of stream) text += piece as string;
			expect(status).toBe(200);
			expect(text.match(/"content":"[^"]+"/g)?.length).toBe(50);
			expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
		} finally {
			session.close();
			await emu.close();
		}
	});
});
