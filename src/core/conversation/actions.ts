/**
 * Transcript actions as pure functions: messages in, messages out. The conversation view calls
 * these and writes the result back into the request's `messages`, so every action is an edit the
 * JSON editor, the forms and the Code panel show at once, and can be undone.
 */

import { messageKey, sameMessage, type Message } from './message-key';

export { messageKey, sameMessage, type Message };

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The messages of a parsed request, keeping only objects (anything else is not a turn). */
export function messagesOf(request: unknown): Message[] {
	if (!isObject(request) || !Array.isArray(request.messages)) return [];
	return request.messages.filter(isObject);
}

const isEmptyUser = (m: Message | undefined) =>
	m?.role === 'user' && (m.content === '' || m.content === undefined || m.content === null);

/**
 * The text a turn shows and edits: a string content, or the text parts of a content array joined
 * by blank lines (attachments are shown apart, and kept by an edit).
 */
export function turnText(message: Message): string {
	const { content } = message;
	if (typeof content === 'string') return content;
	if (!Array.isArray(content)) return '';
	return content
		.filter((p): p is Record<string, unknown> => isObject(p) && p.type === 'text')
		.map((p) => (typeof p.text === 'string' ? p.text : ''))
		.join('\n\n');
}

/**
 * A turn with new text. A string (or empty) content becomes the new string; in a content array the
 * first text part takes the text and the other text parts go, so attachments stay where they were.
 */
export function withTurnText(message: Message, text: string): Message {
	const { content } = message;
	if (!Array.isArray(content)) return { ...message, content: text };
	const first = content.findIndex((p) => isObject(p) && p.type === 'text');
	if (first === -1) return { ...message, content: [{ type: 'text', text }, ...content] };
	const parts = content.flatMap((part, i) => {
		if (!isObject(part) || part.type !== 'text') return [part];
		return i === first ? [{ ...part, text }] : [];
	});
	return { ...message, content: parts };
}

/** Turn `index` with new text; the other turns unchanged (the same objects). */
export function editTurn(messages: readonly Message[], index: number, text: string): Message[] {
	return messages.map((m, i) => (i === index ? withTurnText(m, text) : m));
}

/** "Resend from here": the turns after `index` are removed; the request ends at that turn. */
export function truncateAfter(messages: readonly Message[], index: number): Message[] {
	return messages.slice(0, index + 1);
}

/** The ids of the tool calls an assistant turn made. */
function callIds(message: Message): Set<unknown> {
	const calls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
	return new Set(calls.filter(isObject).map((call) => call.id));
}

/**
 * Deletes a turn. An assistant turn takes the `tool` results of its calls with it: a result whose
 * call is gone makes the API refuse the whole request (docs/openrouter-protocol.md#tool-calls).
 */
export function deleteTurn(messages: readonly Message[], index: number): Message[] {
	const target = messages[index];
	if (!target) return [...messages];
	const ids = target.role === 'assistant' ? callIds(target) : new Set();
	let end = index + 1;
	while (
		ids.size > 0 &&
		messages[end]?.role === 'tool' &&
		ids.has((messages[end] as Message).tool_call_id)
	)
		end++;
	return [...messages.slice(0, index), ...messages.slice(end)];
}

/**
 * The messages a "Regenerate" sends: an empty reply being written and the last answer (when it
 * was added to the messages) are dropped, so the model answers the same turn again.
 */
export function regenerateFrom(messages: readonly Message[]): Message[] {
	let end = messages.length;
	if (isEmptyUser(messages[end - 1])) end--;
	if (messages[end - 1]?.role === 'assistant') end--;
	return messages.slice(0, end);
}

/**
 * A reply: the answer exactly as the API returned it (see `assistantMessage`), unless the messages
 * already end with it, then the user's message, replacing an empty reply left at the end.
 */
export function reply(
	messages: readonly Message[],
	answer: Message | null,
	next: Message,
): Message[] {
	let base = [...messages];
	if (isEmptyUser(base.at(-1))) base = base.slice(0, -1);
	if (answer && !sameMessage(base.at(-1), answer)) base.push(answer);
	return [...base, next];
}

/** Tool results for the calls of `answer`, one `tool` message per call, in the order of the calls. */
export function toolResultMessages(answer: Message, results: readonly string[]): Message[] {
	const calls = Array.isArray(answer.tool_calls) ? answer.tool_calls.filter(isObject) : [];
	return calls.map((call, i) => ({
		role: 'tool',
		tool_call_id: call.id,
		content: results[i] ?? '',
	}));
}

/** Whether the user message holds anything to send (text or an attachment). */
export function hasContent(message: Message): boolean {
	const { content } = message;
	if (typeof content === 'string') return content.trim() !== '';
	return Array.isArray(content) && content.length > 0;
}
