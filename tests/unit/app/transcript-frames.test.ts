/**
 * A streamed frame at the end of a long conversation wakes only the answer's own view: the
 * settled turns do no work (benchmark B9). Here, not with the state tests: effects run only in
 * Svelte's client runtime (client-environment.ts).
 */
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { Conversation } from '../../../src/state/conversation.svelte';
import { Playground, type SendFn } from '../../../src/state/playground.svelte';
import { loadedSettings, textChunk } from '../state/helpers';
import { watch } from './watch.svelte';

describe('a streaming answer after 200 turns', () => {
	it('wakes nothing in the transcript: the turns never read the streamed run', async () => {
		const frames = 40;
		let release = () => {};
		const send: SendFn = async function* () {
			yield { type: 'open', status: 200, generationId: null, providerName: null, headers: [] };
			for (let i = 0; i < frames; i++) {
				yield textChunk(`word ${i} `);
				// A frame per chunk: it is committed and its effects run before the next one comes.
				await new Promise<void>((resolve) => setTimeout(resolve));
			}
			await new Promise<void>((resolve) => (release = resolve));
			yield textChunk('end', 'stop');
			yield { type: 'done' };
		};
		const playground: Playground = new Playground({
			send,
			settings: await loadedSettings(),
			schedule: (commit) => commit(),
		});
		const conversation = new Conversation({ playground });
		const turns = Array.from({ length: 200 }, (_, i) => ({
			role: i % 2 ? 'assistant' : 'user',
			content: `turn ${i}`,
		}));
		playground.text = JSON.stringify({ model: 'm', messages: turns });
		// Every read of the streamed run through the playground is counted.
		const { get } = Object.getOwnPropertyDescriptor(Playground.prototype, 'run')!;
		const run = () => get!.call(playground) as Playground['run'];
		let runReads = 0;
		Object.defineProperty(playground, 'run', { get: () => (runReads++, run()) });
		const frameTexts: string[] = [];
		const stops = [
			// What each turn, the reply box and Send read (ConversationView, ResponsePane).
			watch(() => void [conversation.place, conversation.answer, conversation.answerSiblings]),
			watch(() => void [playground.streaming, playground.sendBlocker]),
			// The answer's own view reads the run on every frame, uncounted.
			watch(() => void frameTexts.push(run()?.completion.text ?? '')),
		];
		const sent = playground.send();
		await vi.waitFor(() => expect(frameTexts.at(-1) ?? '').toContain(`word ${frames - 1}`));
		flushSync();
		// The answer's view saw the frames; nothing else read the run even once.
		expect(frameTexts.length).toBeGreaterThan(frames / 2);
		expect(runReads).toBe(0);
		expect(playground.streaming).toBe(true);
		expect(conversation.answer).toBeNull();
		release();
		await sent;
		flushSync();
		// The end is seen where it matters: the answer joins the transcript, Send is back.
		expect(conversation.answer).toEqual({ role: 'assistant', content: run()?.completion.text });
		expect(conversation.place).toEqual({ kind: 'pending' });
		expect(playground.streaming).toBe(false);
		for (const stop of stops) stop();
	});
});
