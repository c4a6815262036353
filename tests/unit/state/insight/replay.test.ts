import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../../src/core/stream/types';
import type { SendFn } from '../../../../src/state/playground.svelte';
import { Replay } from '../../../../src/state/insight/replay.svelte';

const answer = (text: string, provider = 'Novita'): StreamEvent[] => [
	{
		type: 'chunk',
		chunk: { provider, choices: [{ index: 0, delta: { content: text }, finish_reason: 'stop' }] },
	},
	{ type: 'done' },
];

function fakeSend(texts: string[]) {
	const posted: Record<string, unknown>[] = [];
	let running = 0;
	let most = 0;
	const send: SendFn = async function* (body) {
		const index = posted.push(body) - 1;
		running++;
		most = Math.max(most, running);
		await new Promise((resolve) => setTimeout(resolve, 5));
		yield* answer(texts[index % texts.length] as string);
		running--;
	};
	return { send, posted, most: () => most };
}

const source = { model: 'deepseek/deepseek-chat', messages: [], seed: 7, stream: true };

describe('Replay', () => {
	it('runs N pinned requests at most two at a time and counts exact matches', async () => {
		const fake = fakeSend(['same answer', 'same answer', 'other answer']);
		let asked = false;
		const replay = new Replay({
			send: fake.send,
			readKey: () => 'sk-or-v1-test-unit',
			baseUrl: () => 'https://openrouter.ai/api/v1',
			askForKey: () => (asked = true),
		});
		replay.count = 5;
		await replay.start(source, 'Novita', 'same answer');
		expect(asked).toBe(false);
		expect(fake.posted).toHaveLength(5);
		for (const body of fake.posted)
			expect(body).toEqual({ ...source, provider: { order: ['novita'], allow_fallbacks: false } });
		expect(fake.most()).toBeLessThanOrEqual(2);
		expect(replay.result?.finished).toBe(true);
		// Answers 0, 1, 3, 4 are 'same answer'; answer 2 differs.
		expect(replay.result?.matched).toBe(4);
		expect(replay.result?.attempts.map((a) => a.text)).toHaveLength(5);
		expect(replay.running).toBe(false);
	});

	it('without a key it asks for one and sends nothing', async () => {
		const fake = fakeSend(['x']);
		let asked = false;
		const replay = new Replay({
			send: fake.send,
			readKey: () => null,
			baseUrl: () => 'b',
			askForKey: () => (asked = true),
		});
		await replay.start(source, 'Novita', 'x');
		expect(asked).toBe(true);
		expect(fake.posted).toEqual([]);
	});

	it('clamps the number of runs to 10', async () => {
		const fake = fakeSend(['x']);
		const replay = new Replay({
			send: fake.send,
			readKey: () => 'k',
			baseUrl: () => 'b',
			askForKey: () => undefined,
		});
		replay.count = 50;
		await replay.start(source, 'Novita', 'x');
		expect(fake.posted).toHaveLength(10);
		expect(replay.count).toBe(10);
		expect(replay.result?.matched).toBe(10);
	});
});
