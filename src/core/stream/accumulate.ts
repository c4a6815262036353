import { getOwn, setOwn } from '../own';
import { errorFields, errorSource } from './error-fields';
import type {
	ChatChunk,
	ChunkChoice,
	Completion,
	ReasoningDetail,
	StreamEvent,
	ToolCall,
	ToolCallDelta,
	Usage,
} from './types';

type Delta = NonNullable<ChunkChoice['delta']>;

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

// Frozen so a fold that mutated a shared array instead of replacing it fails loudly in tests.
const frozenList = <T>(): T[] => Object.freeze([]) as unknown as T[];

export const EMPTY_COMPLETION: Completion = Object.freeze({
	id: null,
	model: null,
	provider: null,
	text: '',
	reasoning: '',
	reasoningDetails: frozenList<ReasoningDetail>(),
	toolCalls: frozenList<ToolCall>(),
	images: frozenList<string>(),
	annotations: frozenList<unknown>(),
	logprobs: frozenList<unknown>(),
	refusal: '',
	finishReason: null,
	nativeFinishReason: null,
	usage: null,
	error: null,
	complete: false,
	chunks: 0,
	comments: 0,
});

export const INCOMPLETE_MESSAGE = 'Connection lost: the stream ended before it was complete.';

/**
 * Folds one event into a new Completion; `c` is never changed. Cheap per token: strings are appended
 * and arrays are replaced only when a chunk adds to them.
 */
export function foldEvent(c: Completion, e: StreamEvent): Completion {
	switch (e.type) {
		case 'open':
			return e.providerName && !c.provider ? { ...c, provider: e.providerName } : c;
		case 'comment':
			return { ...c, comments: c.comments + 1 };
		case 'chunk':
			return foldChunk(c, e.chunk);
		case 'done':
			return inferToolCallFinish({ ...c, complete: true });
		case 'end':
			return finishCompletion(c, 'end');
		case 'error':
			// The first error is the cause; what follows it is usually a consequence.
			return c.error ? c : { ...c, error: e.error };
	}
}

/**
 * What `foldEvent` returns, folded into `draft` in place: a chunk (nearly every event) makes no new
 * object. For a caller that owns its draft and hands out copies (the playground, once a frame); a
 * fast stream brings thousands of chunks.
 */
export function foldEventInto(draft: Completion, e: StreamEvent): void {
	if (e.type === 'chunk') applyChunk(draft, e.chunk);
	else Object.assign(draft, foldEvent(draft, e));
}

/**
 * The body ended without `[DONE]` (`end`) or the user stopped (`aborted`). A finish reason already
 * seen means the answer is whole (docs/openrouter-protocol.md#how-a-stream-ends); without one it
 * was cut off. Stopping is not an error.
 */
export function finishCompletion(c: Completion, end: 'end' | 'aborted'): Completion {
	if (end === 'aborted' || c.complete || c.error) return c;
	if (c.finishReason !== null) return { ...c, complete: true };
	return { ...c, error: { kind: 'incomplete', message: INCOMPLETE_MESSAGE } };
}

/**
 * Some models finish with `stop` or nothing although they called tools
 * (docs/openrouter-protocol.md#finish-reasons).
 */
function inferToolCallFinish(c: Completion): Completion {
	return calledTools(c) ? { ...c, finishReason: 'tool_calls' } : c;
}

const calledTools = (c: Completion): boolean =>
	c.toolCalls.length > 0 && !c.error && (c.finishReason === null || c.finishReason === 'stop');

const foldChunk = (c: Completion, chunk: ChatChunk): Completion => applyChunk({ ...c }, chunk);

/** Folds a chunk into `next` in place, and returns it. */
function applyChunk(next: Completion, chunk: ChatChunk): Completion {
	next.chunks += 1;
	if (typeof chunk.id === 'string' && chunk.id && !next.id) next.id = chunk.id;
	if (typeof chunk.model === 'string' && chunk.model) next.model = chunk.model;
	if (typeof chunk.provider === 'string' && chunk.provider) next.provider = chunk.provider;
	// Usage rides on the last chunk, or on the error chunk (docs/openrouter-protocol.md#usage-chunk).
	if (isObject(chunk.usage)) next.usage = chunk.usage as Usage;
	// After an in-band error the answer is over (docs/openrouter-protocol.md#errors-mid-stream); only
	// usage may still arrive.
	if (next.error?.kind === 'stream') return next;

	let choiceError: Record<string, unknown> | null = null;
	for (const choice of Array.isArray(chunk.choices) ? chunk.choices : []) {
		// A playground asks for one answer; other indexes would be other answers.
		if (!isObject(choice) || (choice.index ?? 0) !== 0) continue;
		foldChoice(next, choice);
		choiceError ??= errorSource(choice.error);
	}
	const error = errorSource(chunk.error) ?? choiceError;
	if (error && !next.error)
		next.error = {
			kind: 'stream',
			...errorFields(error, 'error', 'The provider failed mid-answer'),
		};
	if (next.error?.kind === 'stream') next.finishReason = 'error';
	else if (next.finishReason === 'stop' && calledTools(next)) next.finishReason = 'tool_calls';
	return next;
}

function foldChoice(next: Completion, choice: ChunkChoice): void {
	const delta: Delta = isObject(choice.delta) ? choice.delta : {};
	if (typeof delta.content === 'string' && delta.content) next.text += delta.content;
	if (typeof delta.refusal === 'string' && delta.refusal) next.refusal += delta.refusal;
	foldReasoning(next, delta);
	if (Array.isArray(delta.tool_calls) && delta.tool_calls.length > 0)
		next.toolCalls = mergeToolCalls(next.toolCalls, delta.tool_calls);
	if (Array.isArray(delta.annotations) && delta.annotations.length > 0)
		next.annotations = next.annotations.concat(delta.annotations);
	const images = Array.isArray(delta.images) ? imageUrls(delta.images) : [];
	if (images.length > 0) next.images = next.images.concat(images);
	const logprobs = isObject(choice.logprobs) ? choice.logprobs.content : null;
	if (Array.isArray(logprobs) && logprobs.length > 0)
		next.logprobs = next.logprobs.concat(logprobs);

	// The last non-null finish reason wins; the usage chunk's null never erases it
	// (docs/openrouter-protocol.md#usage-chunk).
	if (typeof choice.finish_reason === 'string' && choice.finish_reason)
		next.finishReason = choice.finish_reason;
	if (typeof choice.native_finish_reason === 'string' && choice.native_finish_reason)
		next.nativeFinishReason = choice.native_finish_reason;
}

const imageUrls = (images: unknown[]): string[] =>
	images.flatMap((image) => {
		const url = isObject(image) && isObject(image.image_url) ? image.image_url.url : null;
		return typeof url === 'string' && url ? [url] : [];
	});

/**
 * `reasoning` and `reasoning_details` carry the same text
 * (docs/openrouter-protocol.md#streamed-reasoning): show one, keep the details.
 */
function foldReasoning(next: Completion, delta: Delta): void {
	const details = Array.isArray(delta.reasoning_details)
		? (delta.reasoning_details.filter(isObject) as ReasoningDetail[])
		: [];
	if (typeof delta.reasoning === 'string' && delta.reasoning) next.reasoning += delta.reasoning;
	else
		for (const detail of details)
			next.reasoning +=
				typeof detail.text === 'string'
					? detail.text
					: typeof detail.summary === 'string'
						? detail.summary
						: '';
	if (details.length > 0) next.reasoningDetails = mergeDetails(next.reasoningDetails, details);
}

/**
 * Consecutive `reasoning.text` pieces with the same index are one item: text joined, the first
 * non-empty value of every other field kept (so the first real signature). Other types stay as
 * sent. [OpenRouterTeam/ai-sdk-provider src/chat/index.ts;
 * docs/openrouter-protocol.md#streamed-reasoning]
 */
function mergeDetails(existing: ReasoningDetail[], incoming: ReasoningDetail[]): ReasoningDetail[] {
	const out = existing.slice();
	for (const detail of incoming) {
		const last = out[out.length - 1];
		const joins =
			last?.type === 'reasoning.text' &&
			detail.type === 'reasoning.text' &&
			(last.index ?? 0) === (detail.index ?? 0);
		if (!last || !joins) {
			out.push({ ...detail });
			continue;
		}
		const merged: ReasoningDetail = { ...last };
		for (const [key, value] of Object.entries(detail)) {
			const current = getOwn(merged, key);
			if (current === undefined || current === null || current === '') setOwn(merged, key, value);
		}
		if (typeof last.text === 'string' || typeof detail.text === 'string')
			merged.text = (last.text ?? '') + (detail.text ?? '');
		out[out.length - 1] = merged;
	}
	return out;
}

/**
 * Where a fragment belongs: by `index` (not assumed to start at 0 or be contiguous,
 * docs/openrouter-protocol.md#streamed-tool-calls),
 * else by a known id. A fragment with neither that starts a call (id or name) is a new call; a bare
 * arguments fragment continues the last one, as the official AI SDK provider does. -1 means new.
 */
function findCall(calls: ToolCall[], delta: ToolCallDelta): number {
	if (typeof delta.index === 'number') return calls.findIndex((call) => call.index === delta.index);
	if (delta.id) {
		const at = calls.findIndex((call) => call.id === delta.id);
		if (at !== -1) return at;
	}
	return delta.id || delta.function?.name ? -1 : calls.length - 1;
}

function argumentsOf(value: unknown): string {
	if (typeof value === 'string') return value;
	// A few providers send parsed arguments in a whole call; keep them as the JSON text they mean.
	return isObject(value) || Array.isArray(value) ? JSON.stringify(value) : '';
}

function mergeToolCalls(existing: ToolCall[], deltas: unknown[]): ToolCall[] {
	const out = existing.slice();
	for (const raw of deltas) {
		if (!isObject(raw)) continue;
		const delta = raw as ToolCallDelta;
		const fn = isObject(delta.function) ? delta.function : {};
		let at = findCall(out, delta);
		if (at === -1) {
			const index =
				typeof delta.index === 'number'
					? delta.index
					: out.reduce((max, call) => Math.max(max, call.index + 1), 0);
			out.push({ index, id: '', type: '', name: '', arguments: '' });
			at = out.length - 1;
		}
		const call = out[at] as ToolCall;
		out[at] = {
			index: call.index,
			id: call.id || (typeof delta.id === 'string' ? delta.id : ''),
			type: call.type || (typeof delta.type === 'string' && delta.type) || 'function',
			name: call.name || (typeof fn.name === 'string' ? fn.name : ''),
			arguments: call.arguments + argumentsOf(fn.arguments),
		};
	}
	return out;
}
