import type { Completion } from '../stream/types';
import { requestJson as indentRequest } from '../request/request-json';

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The assistant message to send back in the next turn: the text, the tool calls as the API wants
 * them, and `reasoning_details` unchanged (models that reason need their own signed or encrypted
 * items back, docs/openrouter-protocol.md#reasoning-details).
 */
export function assistantMessage(c: Completion): Record<string, unknown> {
	const message: Record<string, unknown> = {
		role: 'assistant',
		content: c.text === '' && c.toolCalls.length > 0 ? null : c.text,
	};
	if (c.toolCalls.length > 0)
		message.tool_calls = c.toolCalls.map((call) => ({
			id: call.id,
			type: call.type || 'function',
			function: { name: call.name, arguments: call.arguments },
		}));
	if (c.reasoningDetails.length > 0) message.reasoning_details = c.reasoningDetails;
	return message;
}

export type Continuation =
	{ ok: true; text: string; messages: number } | { ok: false; message: string };

/**
 * Appends the assistant message, and one `tool` message per call when results are given (one result
 * per call, in the order of the calls, each sent with its `tool_call_id`), to the request text.
 * Results go by position, not by id: ids come from the model and may repeat. The request is
 * re-serialised with two-space indentation; every other field stays as it was.
 */
export function appendTurn(
	requestJson: string,
	completion: Completion,
	toolResults: readonly string[] | null = null,
): Continuation {
	let request: unknown;
	try {
		request = JSON.parse(requestJson);
	} catch {
		return { ok: false, message: 'The request JSON has errors; fix it first.' };
	}
	if (!isObject(request) || !Array.isArray(request.messages))
		return { ok: false, message: 'The request has no "messages" array to add to.' };
	const added: Record<string, unknown>[] = [assistantMessage(completion)];
	if (toolResults)
		for (const [i, call] of completion.toolCalls.entries())
			added.push({ role: 'tool', tool_call_id: call.id, content: toolResults[i] ?? '' });
	const next = { ...request, messages: [...request.messages, ...added] };
	return { ok: true, text: indentRequest(next), messages: added.length };
}

export type AddedAnswer =
	{ ok: true; text: string; added: boolean; reply: number } | { ok: false; message: string };

const isEmptyUser = (m: unknown) =>
	isObject(m) && m.role === 'user' && (m.content === '' || m.content === undefined);

function parseObject(text: string): Record<string, unknown> | null {
	try {
		const value: unknown = JSON.parse(text);
		return isObject(value) ? value : null;
	} catch {
		return null;
	}
}

const withMessages = (request: Record<string, unknown>, messages: unknown[]) =>
	indentRequest({ ...request, messages });

/**
 * "Add to conversation": the answer, then an empty user message to write the next turn in (`reply`
 * is its index). Idempotent: when the messages already end with this very answer (and perhaps the
 * empty reply after it), the answer is not added again, so a second click never doubles it.
 */
export function addAnswer(requestJson: string, completion: Completion): AddedAnswer {
	const request = parseObject(requestJson);
	const messages = request && Array.isArray(request.messages) ? request.messages : null;
	if (request && messages) {
		const answer = JSON.stringify(assistantMessage(completion));
		const replying = isEmptyUser(messages.at(-1));
		const last = replying ? messages.length - 2 : messages.length - 1;
		if (last >= 0 && JSON.stringify(messages[last]) === answer) {
			const text = replying
				? requestJson
				: withMessages(request, [...messages, { role: 'user', content: '' }]);
			return { ok: true, text, added: false, reply: last + 1 };
		}
	}
	const turn = appendTurn(requestJson, completion);
	if (!turn.ok) return turn;
	const next = parseObject(turn.text)!;
	const all = [...(next.messages as unknown[]), { role: 'user', content: '' }];
	return { ok: true, text: withMessages(next, all), added: true, reply: all.length - 1 };
}
