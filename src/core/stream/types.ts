import type { PlaygroundError } from '../errors';

/** One `choices[i]` of a streamed chunk, as OpenRouter sends it (all fields optional, unknown ones ignored). */
export type ChunkChoice = {
	index?: number;
	delta?: {
		role?: string;
		content?: string | null;
		reasoning?: string | null;
		reasoning_details?: ReasoningDetail[] | null;
		tool_calls?: ToolCallDelta[] | null;
		annotations?: unknown[] | null;
		images?: { type: string; image_url: { url: string } }[] | null;
		refusal?: string | null;
	};
	finish_reason?: string | null;
	native_finish_reason?: string | null;
	logprobs?: unknown;
	error?: ApiErrorBody;
};

export type ApiErrorBody = {
	code?: number | string;
	message?: string;
	metadata?: Record<string, unknown>;
	http_status?: number;
};

export type ReasoningDetail = {
	type: string;
	text?: string;
	summary?: string;
	data?: string;
	signature?: string | null;
	format?: string | null;
	index?: number;
	id?: string | null;
	[key: string]: unknown;
};

export type ToolCallDelta = {
	index?: number;
	id?: string | null;
	type?: string;
	function?: { name?: string | null; arguments?: string | null };
};

export type Usage = {
	prompt_tokens?: number;
	completion_tokens?: number;
	total_tokens?: number;
	cost?: number;
	is_byok?: boolean;
	prompt_tokens_details?: {
		cached_tokens?: number;
		cache_write_tokens?: number;
		[k: string]: unknown;
	};
	completion_tokens_details?: {
		reasoning_tokens?: number;
		image_tokens?: number;
		[k: string]: unknown;
	};
	[key: string]: unknown;
};

/** A parsed `data:` payload of the stream (chat.completion.chunk), or a non-stream body mapped to one. */
export type ChatChunk = {
	id?: string;
	model?: string;
	provider?: string;
	created?: number;
	choices?: ChunkChoice[];
	usage?: Usage;
	error?: ApiErrorBody;
	[key: string]: unknown;
};

/**
 * What `io/openrouter.ts` yields while a request runs. `core/stream/accumulate.ts` folds these into a Completion.
 * The sequence is: `open` once (headers arrived), then `comment`/`chunk` any number of times, then
 * exactly one of `done` (saw `[DONE]` or a complete JSON body), `end` (body ended without `[DONE]`)
 * or `error` (HTTP error, network failure).
 */
export type StreamEvent =
	| {
			type: 'open';
			status: number;
			generationId: string | null;
			providerName: string | null;
			/**
			 * The response headers the browser lets us read (CORS exposes only a few,
			 * docs/openrouter-protocol.md#cors).
			 */
			headers?: [string, string][];
	  }
	| { type: 'comment'; text: string }
	| { type: 'chunk'; chunk: ChatChunk }
	| { type: 'done' }
	| { type: 'end' }
	| { type: 'error'; error: PlaygroundError };

export type ToolCall = { index: number; id: string; type: string; name: string; arguments: string };

/** Everything known about one answer so far. Replaced, never mutated, on each fold. */
export type Completion = {
	id: string | null;
	model: string | null;
	provider: string | null;
	text: string;
	reasoning: string;
	reasoningDetails: ReasoningDetail[];
	toolCalls: ToolCall[];
	images: string[];
	annotations: unknown[];
	/** `choices[0].logprobs.content` items of every chunk, in order (only when logprobs were asked for). */
	logprobs: unknown[];
	refusal: string;
	finishReason: string | null;
	nativeFinishReason: string | null;
	usage: Usage | null;
	error: PlaygroundError | null;
	/**
	 * `[DONE]` seen, a whole JSON body received, or the body ended after a finish reason
	 * (docs/openrouter-protocol.md#how-a-stream-ends).
	 */
	complete: boolean;
	chunks: number;
	comments: number;
};
