import type { Completion } from './stream/types';

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The assistant message to send back in the next turn: the text, the tool calls as the API wants
 * them, and `reasoning_details` unchanged (models that reason need their own signed or encrypted
 * items back, §4.3).
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
	requestText: string,
	completion: Completion,
	toolResults: readonly string[] | null = null,
): Continuation {
	let request: unknown;
	try {
		request = JSON.parse(requestText);
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
	return { ok: true, text: `${JSON.stringify(next, null, 2)}\n`, messages: added.length };
}
