import type { PlaygroundError } from '../errors';
import type {
	ApiErrorBody,
	ChatChunk,
	ChunkChoice,
	Completion,
	ReasoningDetail,
	StreamEvent,
	ToolCall,
	ToolCallDelta,
} from './types';

export const EMPTY_COMPLETION: Completion = Object.freeze({
	id: null,
	model: null,
	provider: null,
	text: '',
	reasoning: '',
	reasoningDetails: [],
	toolCalls: [],
	images: [],
	annotations: [],
	refusal: '',
	finishReason: null,
	nativeFinishReason: null,
	usage: null,
	error: null,
	complete: false,
	chunks: 0,
	comments: 0,
}) as Completion;

const INCOMPLETE: PlaygroundError = {
	kind: 'incomplete',
	message: 'Connection lost: the stream ended before the answer was complete.',
};

/** Folds one event into a new Completion. Cheap per token: arrays are copied only when they change. */
export function foldEvent(c: Completion, event: StreamEvent): Completion {
	switch (event.type) {
		case 'open':
			return event.providerName && !c.provider ? { ...c, provider: event.providerName } : c;
		case 'comment':
			return { ...c, comments: c.comments + 1 };
		case 'chunk':
			return foldChunk(c, event.chunk);
		case 'done':
			return withToolCallFinish({ ...c, complete: true });
		case 'end':
			return finishCompletion(c, 'end');
		case 'error':
			return { ...c, error: c.error ?? event.error };
	}
}

/**
 * The body ended (`end`) or the user stopped (`aborted`). Without `[DONE]`, a seen finish reason is
 * enough (tricky case 14); otherwise the answer is marked cut off. Stop is not an error.
 */
export function finishCompletion(c: Completion, end: 'end' | 'aborted'): Completion {
	if (end === 'aborted' || c.complete || c.error) return c;
	if (c.finishReason !== null) return { ...c, complete: true };
	return { ...c, error: INCOMPLETE };
}

/** A finished answer with tool calls but no finish reason finished for the tool calls (§4.2). */
function withToolCallFinish(c: Completion): Completion {
	return c.toolCalls.length > 0 && c.finishReason === null
		? { ...c, finishReason: 'tool_calls' }
		: c;
}

function streamError(error: ApiErrorBody): PlaygroundError {
	return {
		kind: 'stream',
		code: error.code ?? error.http_status ?? 'error',
		message: typeof error.message === 'string' && error.message ? error.message : 'Provider error',
		...(error.metadata && typeof error.metadata === 'object' ? { metadata: error.metadata } : {}),
	};
}

function foldChunk(c: Completion, chunk: ChatChunk): Completion {
	const next: Completion = { ...c, chunks: c.chunks + 1 };
	if (typeof chunk.id === 'string' && !next.id) next.id = chunk.id;
	if (typeof chunk.model === 'string') next.model = chunk.model;
	if (typeof chunk.provider === 'string') next.provider = chunk.provider;
	if (chunk.usage && typeof chunk.usage === 'object') next.usage = chunk.usage;
	for (const choice of chunk.choices ?? []) {
		// A playground sends n=1; other indexes would be separate answers.
		if ((choice.index ?? 0) === 0) foldChoice(next, choice);
	}
	const error = chunk.error;
	if (error && typeof error === 'object' && !next.error) {
		next.error = streamError(error);
		next.finishReason = 'error';
	}
	return next;
}

function foldChoice(next: Completion, choice: ChunkChoice): void {
	const delta = choice.delta ?? {};
	if (typeof delta.content === 'string' && delta.content) next.text += delta.content;
	if (typeof delta.refusal === 'string' && delta.refusal) next.refusal += delta.refusal;

	// `reasoning` and `reasoning_details` carry the same text: append one, keep the details verbatim.
	const details = Array.isArray(delta.reasoning_details) ? delta.reasoning_details : [];
	if (typeof delta.reasoning === 'string' && delta.reasoning) next.reasoning += delta.reasoning;
	else for (const d of details) next.reasoning += d.text ?? d.summary ?? '';
	if (details.length > 0) next.reasoningDetails = mergeDetails(next.reasoningDetails, details);

	if (Array.isArray(delta.tool_calls) && delta.tool_calls.length > 0)
		next.toolCalls = mergeToolCalls(next.toolCalls, delta.tool_calls);
	if (Array.isArray(delta.annotations) && delta.annotations.length > 0)
		next.annotations = [...next.annotations, ...delta.annotations];
	if (Array.isArray(delta.images) && delta.images.length > 0)
		next.images = [
			...next.images,
			...delta.images.map((image) => image?.image_url?.url).filter((u): u is string => !!u),
		];

	// The last non-null finish reason wins; a null in the usage chunk never erases it (§5.3 item 4).
	if (typeof choice.finish_reason === 'string') next.finishReason = choice.finish_reason;
	if (typeof choice.native_finish_reason === 'string')
		next.nativeFinishReason = choice.native_finish_reason;
	// Some models report stop or nothing although they called tools (§4.2).
	if (next.toolCalls.length > 0 && next.finishReason === 'stop') next.finishReason = 'tool_calls';
	if (choice.error && typeof choice.error === 'object' && !next.error) {
		next.error = streamError(choice.error);
		next.finishReason = 'error';
	}
}

/** Consecutive `reasoning.text` pieces with the same index are one item: text joined, first signature kept. */
function mergeDetails(existing: ReasoningDetail[], incoming: ReasoningDetail[]): ReasoningDetail[] {
	const out = existing.slice();
	for (const detail of incoming) {
		const last = out[out.length - 1];
		if (
			last &&
			detail.type === 'reasoning.text' &&
			last.type === 'reasoning.text' &&
			(detail.index ?? 0) === (last.index ?? 0)
		) {
			out[out.length - 1] = {
				...last,
				...detail,
				text: (last.text ?? '') + (detail.text ?? ''),
				signature: last.signature || detail.signature || last.signature,
			};
		} else out.push({ ...detail });
	}
	return out;
}

/** Tool-call fragments keyed by `index` (not assumed to start at 0), else by id, else appended. */
function mergeToolCalls(existing: ToolCall[], deltas: ToolCallDelta[]): ToolCall[] {
	const out = existing.slice();
	for (const delta of deltas) {
		const fn = delta.function ?? {};
		let at =
			typeof delta.index === 'number'
				? out.findIndex((call) => call.index === delta.index)
				: delta.id
					? out.findIndex((call) => call.id === delta.id)
					: -1;
		if (at === -1) {
			const index = typeof delta.index === 'number' ? delta.index : out.length;
			out.push({
				index,
				id: delta.id ?? '',
				type: delta.type ?? 'function',
				name: '',
				arguments: '',
			});
			at = out.length - 1;
		}
		const call = out[at] as ToolCall;
		out[at] = {
			...call,
			id: call.id || delta.id || '',
			type: delta.type ?? call.type,
			name: call.name || fn.name || '',
			arguments: call.arguments + (fn.arguments ?? ''),
		};
	}
	return out;
}
