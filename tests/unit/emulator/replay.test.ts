/** The replay route serves each recording exactly as recorded, however it is cut. */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	loadRecording,
	loadRecordings,
	replayOf,
	replayPieces,
	type Recording,
} from '../../emulator/recorded';
import { startEmulator, type Emulator } from '../../emulator/server';

let emu: Emulator;
beforeAll(async () => {
	emu = await startEmulator({ tokenDelayMs: 0 });
});
afterAll(() => emu.close());

/** Raw bytes and every piece as the socket delivered it (no fetch in between to merge them). */
function post(
	model: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
	const payload = JSON.stringify({
		model,
		messages: [{ role: 'user', content: 'hi' }],
		stream: true,
	});
	return new Promise((resolve, reject) => {
		const req = request(
			`${emu.apiBaseUrl}/chat/completions`,
			{
				method: 'POST',
				headers: { Authorization: 'Bearer sk-or-v1-test-unit', 'Content-Type': 'application/json' },
			},
			(res) => {
				const pieces: Buffer[] = [];
				res.on('data', (piece: Buffer) => pieces.push(piece));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: Buffer.concat(pieces),
					}),
				);
			},
		);
		req.on('error', reject);
		req.end(payload);
	});
}

const get = (name: string) => loadRecording(name) as Recording;

describe('emulator/replay/<recording>', () => {
	it.each(loadRecordings().map((r) => [r.name, r] as const))(
		'%s: recorded status, headers and bytes',
		async (_name, recording) => {
			const res = await post(`emulator/replay/${recording.name}`);
			expect(res.status).toBe(recording.meta.status);
			expect(res.body.equals(recording.body)).toBe(true);
			for (const [name, value] of Object.entries(recording.meta.headers))
				expect(res.headers[name.toLowerCase()]).toBe(value);
			expect(res.headers['access-control-allow-origin']).toBe('*');
		},
	);

	it.each(['events', 'chunks', 'split-5', 'split-1'])(
		'variant %s keeps the bytes',
		async (variant) => {
			const recording = get('real-gpt5-codex-summary');
			const res = await post(`emulator/replay/${recording.name}:${variant}`);
			expect(res.body.equals(recording.body)).toBe(true);
		},
	);

	it('cuts as asked: one SSE event per piece, the recorded reads, or n bytes', () => {
		const recording = get('real-gpt5-codex-summary');
		const events = replayPieces(recording, { mode: 'events' });
		for (const piece of events) expect(piece.toString()).toMatch(/\n\n$/);
		expect(events.map((p) => p.toString()).filter((p) => p.startsWith('data:'))).toHaveLength(11);
		const chunks = replayPieces(recording, { mode: 'chunks' });
		expect(chunks.map((p) => p.length)).toEqual(recording.meta.chunkSizes);
		const split = replayPieces(recording, { mode: 'split', size: 5 });
		expect(split.every((p, i) => p.length === 5 || i === split.length - 1)).toBe(true);
		for (const pieces of [events, chunks, split])
			expect(Buffer.concat(pieces).equals(recording.body)).toBe(true);
	});

	it('a 5-byte replay cuts multi-byte characters (o3 curly apostrophes)', () => {
		const pieces = replayPieces(get('real-o3-encrypted'), { mode: 'split', size: 5 });
		expect(pieces.some((p) => p.toString('utf8').includes('\uFFFD'))).toBe(true);
	});

	it('the default variant is the one SOURCES.md suggests', () => {
		const o3 = replayOf('emulator/replay/real-o3-encrypted');
		expect(o3 && 'variant' in o3 && o3.variant).toEqual({ mode: 'split', size: 5 });
		const llama = replayOf('emulator/replay/real-llama-502-in-200-stream');
		expect(llama && 'variant' in llama && llama.variant).toEqual({ mode: 'chunks' });
	});

	it('unknown recordings and variants are 400s naming the choices; paths are not names', async () => {
		for (const model of [
			'emulator/replay/nope',
			'emulator/replay/../../package',
			'emulator/replay/real-402-credits:chunks',
			'emulator/replay/real-402-credits:split-0',
		]) {
			const res = await post(model);
			expect(res.status, model).toBe(400);
			expect(JSON.parse(res.body.toString()).error.message).toContain(model);
		}
		expect(replayOf('openai/gpt-4o')).toBeNull();
	});
});
