import { describe, expect, it } from 'vitest';
import {
	EMPTY_COMPLETION,
	INCOMPLETE_MESSAGE,
	finishCompletion,
	foldEvent,
	foldEventInto,
} from '../../../../src/core/stream/accumulate';
import type {
	ChatChunk,
	ChunkChoice,
	Completion,
	StreamEvent,
} from '../../../../src/core/stream/types';

type Delta = NonNullable<ChunkChoice['delta']>;

const chunk = (c: ChatChunk): StreamEvent => ({ type: 'chunk', chunk: c });
const delta = (d: Delta, extra: Partial<ChunkChoice> = {}): StreamEvent =>
	chunk({ choices: [{ index: 0, delta: { role: 'assistant', ...d }, ...extra }] });
const finish = (reason: string | null, native: string | null = reason): StreamEvent =>
	chunk({
		choices: [
			{ index: 0, delta: { content: '' }, finish_reason: reason, native_finish_reason: native },
		],
	});
/** Folds both ways: new objects (foldEvent) and in place (foldEventInto), which must agree. */
const fold = (events: StreamEvent[], from: Completion = EMPTY_COMPLETION): Completion => {
	const folded = events.reduce(foldEvent, from);
	const draft = { ...from };
	for (const event of events) foldEventInto(draft, event);
	expect(draft).toEqual(folded);
	return folded;
};
const call = (
	index: number | undefined,
	id: string | undefined,
	name: string | undefined,
	args?: unknown,
) => ({
	...(index === undefined ? {} : { index }),
	...(id === undefined ? {} : { id, type: 'function' }),
	function: {
		...(name === undefined ? {} : { name }),
		...(args === undefined ? {} : { arguments: args }),
	},
});
const tools = (...calls: ReturnType<typeof call>[]) =>
	delta({ content: null, tool_calls: calls as Delta['tool_calls'] });

describe('foldEvent keeps every Completion it was given', () => {
	it('never mutates its input, and EMPTY_COMPLETION is frozen to the arrays', () => {
		const events = [
			delta({ content: 'a', reasoning_details: [{ type: 'reasoning.text', text: 'r', index: 0 }] }),
			tools(call(0, 'c1', 'f', '{')),
			delta({
				annotations: [{ type: 'url_citation' }],
				images: [{ type: 'image_url', image_url: { url: 'u' } }],
			}),
		];
		let c = EMPTY_COMPLETION;
		for (const event of events) {
			const before = structuredClone(c);
			const next = foldEvent(c, event);
			expect(c).toEqual(before);
			expect(next).not.toBe(c);
			c = next;
		}
		expect(Object.isFrozen(EMPTY_COMPLETION)).toBe(true);
		expect(Object.isFrozen(EMPTY_COMPLETION.toolCalls)).toBe(true);
		expect(Object.isFrozen(EMPTY_COMPLETION.reasoningDetails)).toBe(true);
	});

	it('does not copy arrays a chunk did not touch (cheap per token)', () => {
		const before = fold([
			tools(call(0, 'c1', 'f', '{}')),
			delta({ reasoning_details: [{ type: 'reasoning.encrypted', data: 'x' }] }),
			delta({ annotations: [{ type: 'url_citation' }] }),
		]);
		const after = foldEvent(before, delta({ content: 'token' }));
		for (const key of [
			'toolCalls',
			'reasoningDetails',
			'annotations',
			'images',
			'logprobs',
		] as const)
			expect(after[key]).toBe(before[key]);
		expect(after.text).toBe('token');
	});
});

describe('text, ids and counts', () => {
	it('appends only non-empty string content; role-only and null chunks change nothing', () => {
		const c = fold([
			delta({ content: '' }),
			delta({ content: 'Hel' }),
			delta({ content: null }),
			delta({}),
			chunk({ choices: [{ index: 0 }] }),
			delta({ content: 'lo' }),
		]);
		expect(c.text).toBe('Hello');
		expect(c.chunks).toBe(6);
	});

	it('takes id from the first chunk that has one, model and provider from the latest', () => {
		const c = fold([
			{ type: 'open', status: 200, generationId: 'gen-h', providerName: 'Header' },
			chunk({ choices: [] }),
			chunk({ id: 'gen-1', model: 'a/b', choices: [] }),
			chunk({ id: 'gen-2', model: 'a/b-2025', provider: 'Novita', choices: [] }),
		]);
		expect(c).toMatchObject({ id: 'gen-1', model: 'a/b-2025', provider: 'Novita' });
		const onlyHeader = fold([
			{ type: 'open', status: 200, generationId: null, providerName: 'Header' },
		]);
		expect(onlyHeader.provider).toBe('Header');
	});

	it('counts comments and ignores other choices than the first answer', () => {
		const c = fold([
			{ type: 'comment', text: 'OPENROUTER PROCESSING' },
			{ type: 'comment', text: 'OPENROUTER PROCESSING' },
			chunk({
				choices: [{ index: 1, delta: { content: 'other answer' }, finish_reason: 'length' }],
			}),
		]);
		expect(c).toMatchObject({ comments: 2, chunks: 1, text: '', finishReason: null });
	});

	it('appends refusal, images and logprobs', () => {
		const c = fold([
			delta({ refusal: "I can't" }),
			delta({ refusal: ' help with that.' }),
			delta({ images: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,A' } }] }),
			delta({ images: [{ type: 'image_url', image_url: { url: '' } }, null as never] }),
			delta({ content: 'x' }, { logprobs: { content: [{ token: 'x', logprob: -1 }] } }),
			delta({ content: 'y' }, { logprobs: null }),
		]);
		expect(c.refusal).toBe("I can't help with that.");
		expect(c.images).toEqual(['data:image/png;base64,A']);
		expect(c.logprobs).toEqual([{ token: 'x', logprob: -1 }]);
	});
});

describe('reasoning', () => {
	const text = (t: string, extra: Record<string, unknown> = {}) => ({
		type: 'reasoning.text',
		text: t,
		index: 0,
		...extra,
	});

	it('uses the reasoning string when a chunk has both, never both', () => {
		const c = fold([delta({ reasoning: 'abc', reasoning_details: [text('abc')] })]);
		expect(c.reasoning).toBe('abc');
	});

	it('falls back to details text or summary when there is no reasoning string', () => {
		const c = fold([
			delta({ reasoning: null, reasoning_details: [text('one ')] }),
			delta({
				reasoning: '',
				reasoning_details: [{ type: 'reasoning.summary', summary: 'two', index: 0 }],
			}),
			delta({ reasoning_details: [{ type: 'reasoning.encrypted', data: 'gAAA' }] }),
		]);
		expect(c.reasoning).toBe('one two');
	});

	it('merges consecutive text pieces of one index and keeps the first real signature', () => {
		const c = fold([
			delta({ reasoning_details: [text('', { signature: '', format: 'anthropic-claude-v1' })] }),
			delta({ reasoning: 'a', reasoning_details: [text('a')] }),
			delta({ reasoning: 'b', reasoning_details: [text('b')] }),
			delta({ reasoning_details: [{ type: 'reasoning.text', signature: 'SIG1', index: 0 }] }),
			delta({ reasoning_details: [{ type: 'reasoning.text', signature: 'SIG2', index: 0 }] }),
		]);
		expect(c.reasoningDetails).toEqual([
			{
				type: 'reasoning.text',
				text: 'ab',
				signature: 'SIG1',
				format: 'anthropic-claude-v1',
				index: 0,
			},
		]);
		expect(c.reasoning).toBe('ab');
	});

	it('keeps pieces of other indexes, types, or separated by another item apart', () => {
		const encrypted = {
			type: 'reasoning.encrypted',
			data: 'gAAA',
			id: 'rs_1',
			format: 'openai-responses-v1',
			index: 0,
		};
		const c = fold([
			delta({ reasoning_details: [text('a'), text('b', { index: 1 })] }),
			delta({ reasoning_details: [encrypted] }),
			delta({ reasoning_details: [text('c', { index: 1 })] }),
		]);
		expect(c.reasoningDetails).toEqual([
			text('a'),
			text('b', { index: 1 }),
			encrypted,
			text('c', { index: 1 }),
		]);
	});
});

describe('tool calls', () => {
	const shape = (c: Completion) => c.toolCalls.map((t) => [t.index, t.id, t.name, t.arguments]);

	it('keys fragments by index, not assuming it starts at 0', () => {
		const c = fold([
			tools(call(3, 'b', 'second', '')),
			tools(call(1, 'a', 'first', '{"x"')),
			tools(call(3, undefined, undefined, '{}')),
			tools(call(1, undefined, undefined, ':1}')),
			tools(call(1, undefined, undefined, '')),
			finish('tool_calls'),
		]);
		expect(shape(c)).toEqual([
			[3, 'b', 'second', '{}'],
			[1, 'a', 'first', '{"x":1}'],
		]);
	});

	it('without an index: by id, a new id or name starts a call, a bare fragment continues the last', () => {
		const c = fold([
			tools(call(undefined, 'a', 'f', '{"a"')),
			tools(call(undefined, undefined, undefined, ':1}')),
			tools(call(undefined, 'b', 'g')),
			tools(call(undefined, 'a', undefined, '')),
			tools(call(undefined, 'b', undefined, '{}')),
		]);
		expect(shape(c)).toEqual([
			[0, 'a', 'f', '{"a":1}'],
			[1, 'b', 'g', '{}'],
		]);
	});

	it('keeps the first id and name, defaults missing arguments to "" and parsed ones to JSON', () => {
		const c = fold([
			tools(call(0, 'first', 'f')),
			tools(call(0, 'second', 'g', '')),
			tools(call(1, 'c2', 'h', { city: 'Lyon' })),
			delta({ tool_calls: [null, 'junk'] as never }),
		]);
		expect(c.toolCalls).toEqual([
			{ index: 0, id: 'first', type: 'function', name: 'f', arguments: '' },
			{ index: 1, id: 'c2', type: 'function', name: 'h', arguments: '{"city":"Lyon"}' },
		]);
	});

	it('infers tool_calls when the model says stop, or nothing before [DONE]', () => {
		const said = fold([tools(call(0, 'c', 'f', '{}')), finish('stop', 'stop')]);
		expect(said).toMatchObject({ finishReason: 'tool_calls', nativeFinishReason: 'stop' });
		const silent = fold([tools(call(0, 'c', 'f', '{}'))]);
		expect(silent.finishReason).toBeNull(); // not finished yet: more may come
		expect(foldEvent(silent, { type: 'done' }).finishReason).toBe('tool_calls');
		expect(fold([tools(call(0, 'c', 'f', '{')), finish('length')]).finishReason).toBe('length');
		expect(foldEvent(fold([delta({ content: 'hi' })]), { type: 'done' }).finishReason).toBeNull();
	});
});

describe('finish reasons', () => {
	it('keeps the last non-null value; a later null never erases it', () => {
		const c = fold([
			finish('length', 'max_tokens'),
			finish(null),
			finish('stop', 'end_turn'),
			finish(null),
		]);
		expect(c).toMatchObject({ finishReason: 'stop', nativeFinishReason: 'end_turn' });
	});
});

describe('errors', () => {
	it('an error chunk keeps the text, takes its usage, and finishes with error', () => {
		const c = fold([
			delta({ content: 'partial' }),
			chunk({
				error: {
					code: 502,
					message: 'Provider disconnected',
					metadata: { error_type: 'provider_unavailable' },
				},
				choices: [{ index: 0, delta: { content: '' }, finish_reason: null }],
				usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
			}),
		]);
		expect(c).toMatchObject({
			text: 'partial',
			finishReason: 'error',
			usage: { total_tokens: 2 },
			error: {
				kind: 'stream',
				code: 502,
				message: 'Provider disconnected',
				metadata: { error_type: 'provider_unavailable' },
			},
		});
	});

	it('takes choices[].error when the chunk has none, and missing fields get defaults', () => {
		const c = fold([
			chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'error', error: {} }] }),
		]);
		expect(c.error).toEqual({
			kind: 'stream',
			code: 'error',
			message: 'The provider failed mid-answer',
		});
	});

	it('after an error chunk, later chunks add usage but no content or finish reason', () => {
		const c = fold([
			chunk({ error: { code: 'server_error', message: 'x' }, choices: [] }),
			delta({ content: 'after' }, { finish_reason: 'stop' }),
			chunk({ choices: [], usage: { total_tokens: 9 } }),
			{ type: 'done' },
		]);
		expect(c).toMatchObject({
			text: '',
			finishReason: 'error',
			usage: { total_tokens: 9 },
			complete: true,
		});
		expect(c.error).toMatchObject({ kind: 'stream', code: 'server_error' });
	});

	it('an error event keeps the text and the first error', () => {
		const network = { kind: 'network', message: 'terminated' } as const;
		const c = fold([
			delta({ content: 'kept' }),
			{ type: 'error', error: network },
			{ type: 'error', error: { kind: 'protocol', message: 'later' } },
		]);
		expect(c).toMatchObject({ text: 'kept', error: network, finishReason: null });
	});
});

describe('how a run ends', () => {
	it('done marks it complete', () => {
		expect(fold([delta({ content: 'a' }), finish('stop'), { type: 'done' }]).complete).toBe(true);
	});

	it('end after a finish reason accepts the answer without an error', () => {
		const c = fold([delta({ content: 'a' }), finish('stop'), { type: 'end' }]);
		expect(c).toMatchObject({ complete: true, error: null, finishReason: 'stop' });
	});

	it('end without a finish reason says the connection was lost and keeps the text', () => {
		const c = fold([delta({ content: 'half' }), { type: 'end' }]);
		expect(c).toMatchObject({
			text: 'half',
			complete: false,
			error: { kind: 'incomplete', message: INCOMPLETE_MESSAGE },
		});
		expect(INCOMPLETE_MESSAGE).toBe('Connection lost: the stream ended before it was complete.');
	});

	it('finishCompletion: aborted is never an error; end keeps an earlier error', () => {
		const half = fold([delta({ content: 'half' })]);
		expect(finishCompletion(half, 'aborted')).toBe(half);
		const failed = fold([{ type: 'error', error: { kind: 'network', message: 'x' } }]);
		expect(finishCompletion(failed, 'end')).toBe(failed);
		const done = fold([{ type: 'done' }]);
		expect(finishCompletion(done, 'end')).toBe(done);
	});
});
