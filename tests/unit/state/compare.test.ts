import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../src/core/stream/types';
import { Compare } from '../../../src/state/compare.svelte';
import { FAST_CHARS } from '../../../src/state/frame-commits';
import type { SendFn } from '../../../src/state/playground.svelte';
import { loadedSettings, textChunk } from './helpers';

const request = { model: 'a/first', messages: [{ role: 'user', content: 'hi' }], logprobs: true };

/** A send whose streams advance only when the test releases them, to observe them side by side. */
function gatedSend() {
	const calls: { body: Record<string, unknown>; signal: AbortSignal }[] = [];
	let release: () => void = () => undefined;
	let gate = new Promise<void>((resolve) => (release = resolve));
	const send: SendFn = async function* (body, { signal }) {
		calls.push({ body, signal });
		yield { type: 'open', status: 200, generationId: null, providerName: null } as StreamEvent;
		yield textChunk(`from ${String(body.model)}`);
		await gate;
		if (signal.aborted) return;
		yield textChunk('', 'stop', { prompt_tokens: 3, completion_tokens: 2, cost: 0.5 });
		yield { type: 'done' } as StreamEvent;
	};
	return {
		send,
		calls,
		finish: () => {
			release();
			gate = new Promise<void>((resolve) => (release = resolve));
		},
	};
}

async function setup(send: SendFn) {
	const settings = await loadedSettings();
	const ended: string[] = [];
	const compare = new Compare({
		send,
		settings,
		loadCatalog: async () =>
			new Map([
				['a/first', ['logprobs']],
				['b/second', ['temperature']],
			]),
		schedule: (commit) => commit(),
		onRunEnd: (run) => ended.push(String(run.body.model)),
	});
	compare.show('a/first');
	await new Promise((resolve) => setTimeout(resolve, 0));
	return { compare, ended };
}

describe('Compare', () => {
	it('streams every model at once, one request each with its model swapped in', async () => {
		const gated = gatedSend();
		const { compare, ended } = await setup(gated.send);
		compare.models = ['a/first', 'b/second', 'c/third', 'a/first'];
		const done = compare.run(request);
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(gated.calls.map((c) => c.body.model)).toEqual([
			'a/first',
			'b/second',
			'c/third',
			'a/first',
		]);
		expect(compare.columns.map((c) => c.run.status)).toEqual([
			'streaming',
			'streaming',
			'streaming',
			'streaming',
		]);
		expect(compare.columns.map((c) => c.run.completion.text)).toEqual([
			'from a/first',
			'from b/second',
			'from c/third',
			'from a/first',
		]);
		expect(compare.columns.map((c) => c.plan.unsupported)).toEqual([[], ['logprobs'], [], []]);
		expect(compare.columns[2]?.plan.checked).toBe(false);
		gated.finish();
		await done;
		expect(compare.columns.map((c) => c.run.status)).toEqual(['done', 'done', 'done', 'done']);
		expect(compare.matches[0]).toEqual({ same: true, others: [4] });
		expect(ended).toHaveLength(4);
	});

	it('a column streaming a line of text a frame is shown every other frame at 60 Hz', async () => {
		let next: () => void = () => undefined;
		const lines: SendFn = async function* (body, { signal }) {
			yield { type: 'open', status: 200, generationId: null, providerName: null } as StreamEvent;
			// The second model's stream waits until it is stopped: its column has nothing to show.
			if (body.model !== 'a/first')
				await new Promise((resolve) => signal.addEventListener('abort', resolve));
			if (signal.aborted) return;
			for (const letter of ['a', 'b', 'c', 'd', 'e']) {
				await new Promise<void>((resolve) => (next = resolve));
				if (signal.aborted) return;
				yield textChunk(letter.repeat(FAST_CHARS));
			}
			yield { type: 'done' } as StreamEvent;
		};
		const frames: ((frameTime?: number) => void)[] = [];
		const compare = new Compare({
			send: lines,
			settings: await loadedSettings(),
			loadCatalog: async () => null,
			schedule: (commit) => void frames.push(commit),
		});
		compare.show('a/first');
		compare.models = ['a/first', 'b/second'];
		const done = compare.run(request);
		await new Promise((resolve) => setTimeout(resolve, 0));
		const shown: number[][] = [];
		let time = 0;
		for (let frame = 0; frame < 4; frame++) {
			next();
			await new Promise((resolve) => setTimeout(resolve, 0));
			time += 1000 / 60;
			for (const job of frames.splice(0)) job(time);
			shown.push(compare.columns.map((column) => column.run.completion.text.length));
		}
		expect(shown).toEqual([
			[FAST_CHARS, 0],
			[FAST_CHARS, 0],
			[3 * FAST_CHARS, 0],
			[3 * FAST_CHARS, 0],
		]);
		compare.stopAll();
		next();
		await done;
	});

	it('stops one column and leaves the others streaming; Stop all stops the rest', async () => {
		const gated = gatedSend();
		const { compare } = await setup(gated.send);
		compare.models = ['a/first', 'b/second', 'c/third'];
		const done = compare.run(request);
		await new Promise((resolve) => setTimeout(resolve, 0));
		compare.stop(2);
		expect(gated.calls.map((c) => c.signal.aborted)).toEqual([false, true, false]);
		compare.stopAll();
		gated.finish();
		await done;
		expect(compare.columns.map((c) => c.run.status)).toEqual(['stopped', 'stopped', 'stopped']);
		expect(compare.columns[1]?.run.completion.text).toBe('from b/second');
	});

	it('Run all right after opening waits for the model list, so unsupported parameters are named', async () => {
		const gated = gatedSend();
		const settings = await loadedSettings();
		let answer: (value: ReadonlyMap<string, string[]>) => void = () => undefined;
		const compare = new Compare({
			send: gated.send,
			settings,
			loadCatalog: () => new Promise((resolve) => (answer = resolve)),
			schedule: (commit) => commit(),
		});
		compare.show('a/first');
		compare.models = ['a/first', 'b/second'];
		const done = compare.run(request);
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(gated.calls).toEqual([]);
		answer(
			new Map([
				['a/first', ['logprobs']],
				['b/second', []],
			]),
		);
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(compare.columns.map((c) => c.plan.unsupported)).toEqual([[], ['logprobs']]);
		gated.finish();
		await done;
	});

	it('without a key opens the key dialog and sends nothing', async () => {
		const gated = gatedSend();
		const settings = await loadedSettings(null);
		const compare = new Compare({ send: gated.send, settings, loadCatalog: async () => null });
		compare.models = ['a/first', 'b/second'];
		await compare.run(request);
		expect(gated.calls).toEqual([]);
		expect(settings.keyDialogOpen).toBe(true);
	});
});
