/**
 * The structure of a response, to hold the emulator against the recordings: each event sorted into
 * a kind (what it carries), the key paths and value types of each kind, and the order rules. Two
 * responses with the same structure differ only in values, which is what an emulator may change.
 */
import { sseEvents } from './recorded-outcome';
import type { ScenarioId } from './scenarios';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

export type Structure = {
	/** kind → key path → the value types seen there ("string", "number", "null", …). */
	kinds: Map<string, Map<string, Set<string>>>;
	/** Kinds in the order they first appear. */
	order: string[];
	commentsBeforeData: boolean;
	endsWithDone: boolean;
};

const typeOf = (v: unknown) =>
	v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v;

/** What an event carries, by the first rule that holds (the event types of docs/openrouter-protocol.md#chunk-order, in stream order). */
export function kindOf(payload: unknown): string {
	if (!isObject(payload)) return 'other';
	if (isObject(payload.error)) return Array.isArray(payload.choices) ? 'error-chunk' : 'error-only';
	if (payload.object === 'chat.completion') return 'completion';
	if (isObject(payload.usage)) return 'usage';
	const choice = Array.isArray(payload.choices) ? payload.choices[0] : undefined;
	if (!isObject(choice)) return 'no-choice';
	const delta = isObject(choice.delta) ? choice.delta : {};
	const details = Array.isArray(delta.reasoning_details) ? delta.reasoning_details : [];
	if (Array.isArray(delta.images) && delta.images.length > 0) return 'images';
	if (Array.isArray(delta.annotations) && delta.annotations.length > 0) return 'annotations';
	if (Array.isArray(delta.tool_calls) && delta.tool_calls.length > 0) {
		const call = delta.tool_calls[0];
		return isObject(call) && typeof call.id === 'string' ? 'tool-call-start' : 'tool-call-args';
	}
	if (details.some((d) => isObject(d) && d.type === 'reasoning.encrypted'))
		return 'reasoning-encrypted';
	if (typeof choice.finish_reason === 'string') return 'finish';
	if (details.length > 0 || (typeof delta.reasoning === 'string' && delta.reasoning))
		return 'reasoning';
	if (typeof delta.content === 'string' && delta.content) return 'content';
	return 'empty';
}

/** Every key path with its value type; array items share one path (`[]`). */
function paths(value: unknown, at: string, into: Map<string, Set<string>>) {
	const add = (path: string, type: string) => {
		const types = into.get(path) ?? new Set<string>();
		types.add(type);
		into.set(path, types);
	};
	add(at || '.', typeOf(value));
	if (Array.isArray(value)) for (const item of value) paths(item, `${at}[]`, into);
	else if (isObject(value))
		for (const [key, item] of Object.entries(value)) paths(item, `${at}.${key}`, into);
}

// Values that say nothing about structure: base64 data, long free text.
const OPAQUE = new Set(['.choices[].delta.images[].image_url.url']);

export function structureOf(payloads: unknown[], comments = 0, endsWithDone = false): Structure {
	const kinds = new Map<string, Map<string, Set<string>>>();
	const order: string[] = [];
	for (const payload of payloads) {
		const kind = kindOf(payload);
		if (!kinds.has(kind)) {
			kinds.set(kind, new Map());
			order.push(kind);
		}
		paths(payload, '', kinds.get(kind) as Map<string, Set<string>>);
	}
	for (const map of kinds.values()) for (const path of OPAQUE) map.delete(path);
	return { kinds, order, commentsBeforeData: comments > 0, endsWithDone };
}

/** An SSE body: payloads, whether keep-alives come before the first data, whether [DONE] ends it. */
export function structureOfSse(text: string): Structure {
	const firstData = text.search(/^data:/m);
	const { comments } = sseEvents(firstData < 0 ? text : text.slice(0, firstData));
	const { data } = sseEvents(text);
	const payloads = data.filter((d) => d !== '[DONE]').map((d) => JSON.parse(d) as unknown);
	return structureOf(payloads, comments, data[data.length - 1] === '[DONE]');
}

/** Each difference in words; empty when the structures agree. */
export function compareStructures(recorded: Structure, emulated: Structure): string[] {
	const out: string[] = [];
	for (const kind of recorded.kinds.keys())
		if (!emulated.kinds.has(kind)) out.push(`kind ${kind}: not sent by the emulator`);
	for (const kind of emulated.kinds.keys())
		if (!recorded.kinds.has(kind)) out.push(`kind ${kind}: not in the recording`);
	for (const [kind, want] of recorded.kinds) {
		const got = emulated.kinds.get(kind);
		if (!got) continue;
		for (const [path, types] of want) {
			const have = got.get(path);
			if (!have) out.push(`${kind} ${path}: missing`);
			else if ([...types].sort().join('|') !== [...have].sort().join('|'))
				out.push(
					`${kind} ${path}: ${[...have].sort().join('|')}, recorded ${[...types].sort().join('|')}`,
				);
		}
		for (const path of got.keys()) if (!want.has(path)) out.push(`${kind} ${path}: extra`);
	}
	const shared = (order: string[], other: Structure) => order.filter((k) => other.kinds.has(k));
	const a = shared(recorded.order, emulated).join(' → ');
	const b = shared(emulated.order, recorded).join(' → ');
	if (a !== b) out.push(`order: ${b}, recorded ${a}`);
	if (recorded.commentsBeforeData !== emulated.commentsBeforeData)
		out.push(
			`keep-alives before data: ${emulated.commentsBeforeData}, recorded ${recorded.commentsBeforeData}`,
		);
	if (recorded.endsWithDone !== emulated.endsWithDone)
		out.push(`[DONE] at the end: ${emulated.endsWithDone}, recorded ${recorded.endsWithDone}`);
	return out;
}

/** Each recording and the scenario that imitates it (the README lists the same). */
export const NEAREST: Record<string, ScenarioId | '401 without a key'> = {
	'real-grok-parallel-tools': 'reasoning-summary-xai',
	'real-claude-thinking-tool': 'reasoning',
	'real-glm-long-reasoning': 'reasoning',
	'real-minimax-midstream-error': 'mid-stream-error-minimax',
	'real-o3-encrypted': 'reasoning-encrypted',
	'real-deepseek-citations-stream': 'annotations',
	'real-gemini-image-stream': 'image-large',
	'real-llama-502-in-200-stream': 'error-only-event',
	'real-deepseek-legacy-logprobs': 'legacy-logprobs',
	'real-gpt5-codex-summary': 'reasoning-summary-openai',
	'real-gpt-oss-tool-args': 'tool-calls',
	'real-hermes-length': 'reasoning',
	'real-deepseek-citations-json': 'annotations',
	'real-r1-nonstream-reasoning': 'reasoning',
	'real-hermes-choice-error-json': 'choice-error-raw-object',
	'real-200-json-error': 'non-stream-200-error',
	'real-429-rate-limit-headers': 'http-429',
	'real-403-xai-raw': 'http-502',
	'real-402-credits': 'http-402',
	'real-401-no-cookie': '401 without a key',
	'real-403-moderation': 'http-403-moderation',
};
