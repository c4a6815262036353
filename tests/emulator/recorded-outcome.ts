/**
 * What a correct client must end up with for a recorded response, worked out from the bytes alone
 * and on purpose without anything from src/: the tests compare the app against this, so sharing
 * the app's parser would let one bug hide itself. Written from docs/openrouter-protocol.md and SOURCES.md.
 */
import type { Recording } from './recorded';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export type OutcomeError = {
	/** The HTTP status, or the error's own code when it came inside a 200. */
	status: number;
	code: number | string | null;
	message: string;
	reasons: string[];
	flaggedInput: string | null;
	provider: string | null;
	/** `metadata.raw` as sent: a string, or an object (serialised here to compare as text). */
	raw: string | null;
	rateLimits: [string, string][];
};

export type RecordedOutcome = {
	kind: 'sse' | 'json';
	/** The `data:` payloads in order (SSE), or the one JSON body. */
	payloads: unknown[];
	comments: number;
	sawDone: boolean;
	text: string;
	reasoning: string;
	encrypted: { id: string | null; format: string | null }[];
	toolCalls: { id: string; name: string; arguments: string }[];
	citations: { url: string; title: string }[];
	images: string[];
	usage: {
		prompt: number | null;
		completion: number | null;
		reasoning: number | null;
		cost: number | null;
	} | null;
	finishReason: string | null;
	nativeFinishReason: string | null;
	error: OutcomeError | null;
};

/** SSE by the spec: events end at a blank line; `:` lines are comments; `data:` lines join with \n. */
export function sseEvents(text: string): { comments: number; data: string[] } {
	let comments = 0;
	const data: string[] = [];
	for (const block of text.split(/\r\n\r\n|\n\n|\r\r/)) {
		const lines: string[] = [];
		for (const line of block.split(/\r\n|\n|\r/)) {
			if (line.startsWith(':')) comments++;
			else if (line.startsWith('data:')) lines.push(line.slice(line.startsWith('data: ') ? 6 : 5));
		}
		if (lines.length > 0) data.push(lines.join('\n'));
	}
	return { comments, data };
}

function errorOf(body: unknown, status: number): OutcomeError | null {
	if (!isObject(body) || !isObject(body.error)) return null;
	const error = body.error;
	const meta = isObject(error.metadata) ? error.metadata : {};
	const code = typeof error.code === 'number' || typeof error.code === 'string' ? error.code : null;
	const raw = meta.raw;
	return {
		status: status >= 400 ? status : typeof code === 'number' ? code : status,
		code,
		message: str(error.message),
		reasons: Array.isArray(meta.reasons) ? meta.reasons.map(String) : [],
		flaggedInput: typeof meta.flagged_input === 'string' ? meta.flagged_input : null,
		provider: typeof meta.provider_name === 'string' ? meta.provider_name : null,
		raw:
			typeof raw === 'string'
				? raw
				: raw === undefined || raw === null
					? null
					: JSON.stringify(raw),
		rateLimits: isObject(meta.headers)
			? Object.entries(meta.headers).map(([k, v]): [string, string] => [k, String(v)])
			: [],
	};
}

function usageOf(u: unknown): RecordedOutcome['usage'] {
	if (!isObject(u)) return null;
	const details = isObject(u.completion_tokens_details) ? u.completion_tokens_details : {};
	return {
		prompt: num(u.prompt_tokens),
		completion: num(u.completion_tokens),
		reasoning: num(details.reasoning_tokens),
		cost: num(u.cost),
	};
}

type Fold = Omit<RecordedOutcome, 'kind' | 'payloads' | 'comments' | 'sawDone'>;
const empty = (): Fold => ({
	text: '',
	reasoning: '',
	encrypted: [],
	toolCalls: [],
	citations: [],
	images: [],
	usage: null,
	finishReason: null,
	nativeFinishReason: null,
	error: null,
});

/** Reasoning is sent twice over (`reasoning` and `reasoning_details`); it must count once. */
function addReasoning(out: Fold, part: Json) {
	const details = Array.isArray(part.reasoning_details)
		? part.reasoning_details.filter(isObject)
		: [];
	if (typeof part.reasoning === 'string') out.reasoning += part.reasoning;
	else for (const d of details) out.reasoning += str(d.text) || str(d.summary);
	for (const d of details)
		if (d.type === 'reasoning.encrypted')
			out.encrypted.push({
				id: typeof d.id === 'string' ? d.id : null,
				format: typeof d.format === 'string' ? d.format : null,
			});
}

function addCitations(out: Fold, annotations: unknown) {
	if (!Array.isArray(annotations)) return;
	for (const a of annotations)
		if (isObject(a) && a.type === 'url_citation' && isObject(a.url_citation))
			out.citations.push({ url: str(a.url_citation.url), title: str(a.url_citation.title) });
}

function addImages(out: Fold, images: unknown) {
	if (!Array.isArray(images)) return;
	for (const image of images)
		if (isObject(image) && isObject(image.image_url)) out.images.push(str(image.image_url.url));
}

function foldStreamChunk(out: Fold, chunk: unknown) {
	if (!isObject(chunk)) return;
	if (chunk.usage !== undefined && chunk.usage !== null) out.usage = usageOf(chunk.usage);
	if (isObject(chunk.error) && !out.error) out.error = errorOf(chunk, 200);
	const first = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
	if (!isObject(first)) return;
	if (typeof first.finish_reason === 'string') out.finishReason = first.finish_reason;
	if (typeof first.native_finish_reason === 'string')
		out.nativeFinishReason = first.native_finish_reason;
	const delta = isObject(first.delta) ? first.delta : {};
	out.text += str(delta.content);
	addReasoning(out, delta);
	addCitations(out, delta.annotations);
	addImages(out, delta.images);
	for (const call of Array.isArray(delta.tool_calls) ? delta.tool_calls.filter(isObject) : []) {
		const index = typeof call.index === 'number' ? call.index : out.toolCalls.length;
		const fn = isObject(call.function) ? call.function : {};
		const known = out.toolCalls[index] ?? { id: '', name: '', arguments: '' };
		out.toolCalls[index] = {
			id: known.id || str(call.id),
			name: known.name || str(fn.name),
			arguments: known.arguments + str(fn.arguments),
		};
	}
}

function foldJson(out: Fold, body: unknown, status: number) {
	out.error = errorOf(body, status);
	if (!isObject(body)) return;
	out.usage = usageOf(body.usage);
	const first = Array.isArray(body.choices) ? body.choices[0] : undefined;
	if (!isObject(first)) return;
	if (typeof first.finish_reason === 'string') out.finishReason = first.finish_reason;
	if (typeof first.native_finish_reason === 'string')
		out.nativeFinishReason = first.native_finish_reason;
	if (!out.error && isObject(first.error)) out.error = errorOf({ error: first.error }, 200);
	const message = isObject(first.message) ? first.message : {};
	out.text = str(message.content);
	addReasoning(out, message);
	addCitations(out, message.annotations);
	addImages(out, message.images);
	const calls = Array.isArray(message.tool_calls) ? message.tool_calls.filter(isObject) : [];
	out.toolCalls = calls.map((call) => {
		const fn = isObject(call.function) ? call.function : {};
		return { id: str(call.id), name: str(fn.name), arguments: str(fn.arguments) };
	});
}

export function recordedOutcome(recording: Recording): RecordedOutcome {
	const text = recording.body.toString('utf8');
	const out = empty();
	const type = recording.meta.headers['content-type'] ?? '';
	if (type.startsWith('text/event-stream')) {
		const { comments, data } = sseEvents(text);
		const payloads: unknown[] = [];
		let sawDone = false;
		for (const item of data) {
			if (item === '[DONE]') {
				sawDone = true;
				continue;
			}
			const payload = JSON.parse(item) as unknown;
			payloads.push(payload);
			foldStreamChunk(out, payload);
		}
		out.toolCalls = out.toolCalls.filter(Boolean);
		return { kind: 'sse', payloads, comments, sawDone, ...out };
	}
	const body = JSON.parse(text) as unknown;
	foldJson(out, body, recording.meta.status);
	return { kind: 'json', payloads: [body], comments: 0, sawDone: false, ...out };
}
