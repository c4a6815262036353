import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { GenerationResult } from '../../../src/core/generation';
import {
	Playground,
	preloadStreaming,
	type GenerationFn,
	type SendFn,
} from '../../../src/state/playground.svelte';
import { FAST_CHARS } from '../../../src/state/frame-commits';
import { loadedSettings, textChunk } from './helpers';

// As in the app, where it comes in idle time: these tests count the steps of a send.
beforeAll(() => preloadStreaming());

const send: SendFn = async function* () {
	yield { type: 'open', status: 200, generationId: 'gen-1', providerName: 'OpenAI' };
	yield textChunk('answer', 'stop');
	yield { type: 'done' };
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Playground generation stats', () => {
	it('a new run cancels the last run’s lookup, which then lets go of that run (B8)', async () => {
		const signals: AbortSignal[] = [];
		// Like OpenRouter right after a run: the record is not there yet, so the lookup waits.
		const generation: GenerationFn = (_id, options) =>
			new Promise<GenerationResult>((resolve) => {
				if (options.signal) signals.push(options.signal);
				options.signal?.addEventListener('abort', () =>
					resolve({ ok: false, message: 'cancelled' }),
				);
			});
		const playground = new Playground({
			send,
			generation,
			settings: await loadedSettings(),
			schedule: (commit) => commit(),
		});
		let firstEnded = false;
		void playground.send().then(() => (firstEnded = true));
		await flush();
		expect(playground.run?.generation).toEqual({ status: 'loading', attempt: 1, attempts: null });
		expect(signals).toHaveLength(1);
		expect(signals[0]?.aborted).toBe(false);

		void playground.send();
		await flush();
		expect(signals[0]?.aborted).toBe(true);
		expect(firstEnded).toBe(true);
		// The cancelled result is not shown on the new run, whose own lookup goes on.
		expect(signals).toHaveLength(2);
		expect(signals[1]?.aborted).toBe(false);
		expect(playground.run?.generation).toEqual({ status: 'loading', attempt: 1, attempts: null });
	});
});

describe('Playground frame commits', () => {
	it('what a frame showed stays as it was: the run is folded in place, the view gets copies', async () => {
		let next: () => void = () => undefined;
		const gate = () => new Promise<void>((resolve) => (next = resolve));
		const slow: SendFn = async function* () {
			yield { type: 'open', status: 200, generationId: null, providerName: null };
			yield textChunk('one ');
			await gate();
			yield textChunk('two', 'stop');
			yield { type: 'done' };
		};
		const frames: (() => void)[] = [];
		const playground = new Playground({
			send: slow,
			settings: await loadedSettings(),
			schedule: (commit) => void frames.push(commit),
		});
		const sent = playground.send();
		await flush();
		for (const commit of frames.splice(0)) commit();
		const shown = playground.run;
		expect(shown?.completion.text).toBe('one ');
		next();
		await sent;
		expect(playground.run?.completion.text).toBe('one two');
		expect(playground.run?.completion.finishReason).toBe('stop');
		// The frame's run and completion were not changed under the view.
		expect(shown?.completion.text).toBe('one ');
		expect(shown?.completion.finishReason).toBeNull();
		expect(shown?.status).toBe('streaming');
	});

	/** Streams `words`, a word an animation frame; returns the answer as each frame showed it. */
	async function shownPerFrame(words: string[]): Promise<string[]> {
		let next: () => void = () => undefined;
		const stream: SendFn = async function* () {
			yield { type: 'open', status: 200, generationId: null, providerName: null };
			for (const word of words) {
				await new Promise<void>((resolve) => (next = resolve));
				yield textChunk(word);
			}
			yield { type: 'done' };
		};
		const frames: ((frameTime?: number) => void)[] = [];
		const playground = new Playground({
			send: stream,
			settings: await loadedSettings(),
			schedule: (commit) => void frames.push(commit),
		});
		void playground.send();
		await flush();
		const shown: string[] = [];
		let time = 0;
		for (let frame = 0; frame < words.length; frame++) {
			next();
			await flush();
			time += 1000 / 60;
			for (const job of frames.splice(0)) job(time);
			shown.push(playground.run?.completion.text ?? '');
		}
		return shown;
	}

	it('a line of text a frame is shown every other frame at 60 Hz, its first text at once', async () => {
		const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((letter) => letter.repeat(FAST_CHARS));
		expect(await shownPerFrame([a, b, c, d, e] as string[])).toEqual([
			a,
			a,
			`${a}${b}${c}`,
			`${a}${b}${c}`,
			`${a}${b}${c}${d}${e}`,
		]);
	});

	it('a word a frame is shown in every frame', async () => {
		expect(await shownPerFrame(['one ', 'two ', 'three'])).toEqual([
			'one ',
			'one two ',
			'one two three',
		]);
	});

	/** A playground whose frames run only when the test runs them, and whose lookup never ends. */
	async function framed() {
		const frames: (() => void)[] = [];
		const clock = { ms: 1000 };
		const playground = new Playground({
			send,
			generation: () => new Promise<GenerationResult>(() => undefined),
			settings: await loadedSettings(),
			schedule: (commit) => void frames.push(commit),
			now: () => clock.ms,
		});
		return { playground, frames, clock };
	}

	it('the last text is shown in a frame of its own, and the finished run in the next', async () => {
		const { playground, frames, clock } = await framed();
		const runFrame = () => {
			clock.ms += 16;
			for (const job of frames.splice(0)) job();
		};
		void playground.send();
		await flush();
		// The stream is over, its last text waits for a frame: nothing is finished yet.
		expect(playground.run?.status).toBe('streaming');
		const streamEnd = clock.ms;
		runFrame();
		await flush();
		expect(playground.run?.status).toBe('streaming');
		expect(playground.run?.completion.text).toBe('answer');
		// The whole answer came: a Stop pressed now stops nothing.
		playground.stop();
		runFrame();
		await flush();
		expect(playground.run?.status).toBe('done');
		expect(playground.run?.completion.text).toBe('answer');
		// Its times are the stream's, not the frames': the wait is not part of the answer's time.
		expect(playground.run?.endedAt).toBe(streamEnd);
	});

	it('a frame commit that comes after the end does not bring back the streaming run', async () => {
		const { playground, frames } = await framed();
		void playground.send();
		// No frame comes (a hidden tab): the run ends anyway, after a short wait.
		await vi.waitFor(() => expect(playground.run?.status).toBe('done'));
		expect(playground.run?.generation).toEqual({ status: 'loading', attempt: 1, attempts: null });
		// The frame asked for while streaming comes now, after the end.
		expect(frames.length).toBeGreaterThan(0);
		for (const commit of frames) commit();
		expect(playground.run?.status).toBe('done');
		expect(playground.run?.completion.text).toBe('answer');
		expect(playground.run?.generation).toEqual({ status: 'loading', attempt: 1, attempts: null });
	});
});
