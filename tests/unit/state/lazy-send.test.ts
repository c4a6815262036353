import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../src/core/stream/types';
import { lazySend } from '../../../src/state/lazy-send';
import type { SendFn } from '../../../src/state/playground.svelte';

const OPTIONS = { apiKey: 'k', baseUrl: 'b', signal: new AbortController().signal };
const DONE: StreamEvent = { type: 'done' };

/** A real send stand-in that notes when it was called, as fetch would be. */
function spy() {
	const calls: string[] = [];
	const send: SendFn = async function* (body) {
		calls.push(String(body.model));
		yield DONE;
	};
	return { calls, send };
}

async function drain(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
	const out: StreamEvent[] = [];
	for await (const event of events) out.push(event);
	return out;
}

describe('lazySend', () => {
	it('once preloaded, starts the real send in the caller’s task (no await before the request)', async () => {
		const { calls, send } = spy();
		const lazy = lazySend(async () => ({ send }));
		await lazy.preload();
		const events = lazy.send({ model: 'a' }, OPTIONS);
		void events[Symbol.asyncIterator]().next();
		expect(calls).toEqual(['a']);
	});

	it('before the chunk is there, a send waits for it and loses nothing', async () => {
		const { calls, send } = spy();
		let loads = 0;
		const lazy = lazySend(async () => {
			loads++;
			return { send };
		});
		const events = lazy.send({ model: 'b' }, OPTIONS);
		expect(calls).toEqual([]);
		expect(await drain(events)).toEqual([DONE]);
		await lazy.preload();
		expect(calls).toEqual(['b']);
		expect(loads).toBe(1);
	});

	it('a failed chunk load is tried again by the next send', async () => {
		const { send } = spy();
		let tries = 0;
		const lazy = lazySend(async () => {
			if (++tries === 1) throw new Error('chunk failed');
			return { send };
		});
		await expect(lazy.preload()).rejects.toThrow('chunk failed');
		expect(await drain(lazy.send({ model: 'c' }, OPTIONS))).toEqual([DONE]);
		expect(tries).toBe(2);
	});
});
