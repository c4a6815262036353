/**
 * The code a send runs while it streams is a chunk of its own (src/state/streaming.ts), fetched in
 * idle time after load. Once it is here a send posts in the caller's own task; a send that comes
 * before it waits for it; and when it cannot load (offline before it was cached), the send says
 * so and posts nothing. Each test imports the playground afresh, so no chunk is there yet.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SendFn } from '../../../src/state/playground.svelte';
import { loadedSettings, textChunk } from './helpers';

const fresh = () => import('../../../src/state/playground.svelte');

describe('the streaming chunk', () => {
	beforeEach(() => vi.resetModules());
	afterEach(() => vi.doUnmock('../../../src/state/streaming'));

	async function setup(module: Awaited<ReturnType<typeof fresh>>) {
		const posted: unknown[] = [];
		const send: SendFn = async function* (body) {
			posted.push(body);
			yield textChunk('ok', 'stop');
			yield { type: 'done' };
		};
		const playground = new module.Playground({
			send,
			settings: await loadedSettings(),
			schedule: (commit) => commit(),
		});
		playground.text = JSON.stringify({
			model: 'a/model',
			messages: [{ role: 'user', content: 'hi' }],
		});
		return { playground, posted };
	}

	it('once preloaded, a send posts in the caller’s own task', async () => {
		const module = await fresh();
		await module.preloadStreaming();
		const { playground, posted } = await setup(module);
		void playground.send();
		expect(posted).toHaveLength(1);
	});

	it('a send before it is here waits for it, then streams as usual', async () => {
		const { playground, posted } = await setup(await fresh());
		const sending = playground.send();
		expect(posted).toHaveLength(0);
		await sending;
		expect(posted).toHaveLength(1);
		expect(playground.run?.status).toBe('done');
		expect(playground.run?.completion.text).toBe('ok');
	});

	it('when it cannot load, the send posts nothing and says so; the next one tries again', async () => {
		vi.doMock('../../../src/state/streaming', () => {
			throw new Error('Failed to fetch dynamically imported module');
		});
		const module = await fresh();
		const { playground, posted } = await setup(module);
		await playground.send();
		expect(posted).toEqual([]);
		expect(playground.run).toBeNull();
		expect(playground.notice).toMatch(/did not load/);
		vi.doUnmock('../../../src/state/streaming');
		await playground.send();
		expect(posted).toHaveLength(1);
		expect(playground.run?.status).toBe('done');
	});
});
