/**
 * Prompt-lab templates: `{{name}}` placeholders in the text of a request's messages (every role,
 * string content and the `text` of text parts), filled from one row of test cases. Only message
 * text is a template: a `{{` in a tool schema or a stop sequence is the user's data, not a slot.
 */
import type { ChatRequest } from '../request/types';

/** Names as a spreadsheet header or a JSONL key would give them: `city`, `user.name`, `q-1`. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** A placeholder, spaces inside the braces allowed (`{{ city }}`). A fresh regex per use: `g`. */
const placeholder = () => /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g;

export type SubstituteResult =
	| { ok: true; request: ChatRequest }
	/** Names without a value, and names whose value is the empty string, in order of appearance. */
	| { ok: false; missing: string[]; empty: string[] };

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Maps each template string of the messages through `edit`; untouched branches are shared. */
function mapMessageText(messages: unknown, edit: (text: string) => string): unknown {
	if (!Array.isArray(messages)) return messages;
	return messages.map((message: unknown) => {
		if (!isObject(message)) return message;
		const content = message.content;
		if (typeof content === 'string') return { ...message, content: edit(content) };
		if (!Array.isArray(content)) return message;
		const parts = content.map((part: unknown) =>
			isObject(part) && part.type === 'text' && typeof part.text === 'string'
				? { ...part, text: edit(part.text) }
				: part,
		);
		return { ...message, content: parts };
	});
}

/** Every template string of the messages, in order. */
function messageTexts(messages: unknown): string[] {
	const texts: string[] = [];
	mapMessageText(messages, (text) => {
		texts.push(text);
		return text;
	});
	return texts;
}

/** The variables the messages use: each name once, in order of first appearance. */
export function findVariables(messages: unknown): string[] {
	const names = new Set<string>();
	for (const text of messageTexts(messages))
		for (const match of text.matchAll(placeholder())) names.add(match[1] as string);
	return [...names];
}

/**
 * The request with every placeholder replaced by its value, or the names that could not be filled.
 * It never sends a half-filled prompt: one missing or empty value and nothing is substituted.
 * Replacement is one pass over the template, so a value that itself holds `{{x}}` (a row about
 * templating, a hostile cell) reaches the model as written and is never expanded. The input is not
 * changed; the result shares the fields outside `messages`.
 */
export function substitute(
	request: ChatRequest,
	values: ReadonlyMap<string, string>,
): SubstituteResult {
	const missing: string[] = [];
	const empty: string[] = [];
	for (const name of findVariables(request.messages)) {
		const value = values.get(name);
		if (value === undefined) missing.push(name);
		else if (value === '') empty.push(name);
	}
	if (missing.length > 0 || empty.length > 0) return { ok: false, missing, empty };
	const fill = (text: string) =>
		text.replace(placeholder(), (_whole, name: string) => values.get(name) as string);
	const messages = mapMessageText(request.messages, fill) as ChatRequest['messages'];
	return { ok: true, request: { ...request, messages } };
}

/** "Missing value for city; empty value for date, tone": what the grid shows for such a row. */
export function describeUnfilled(missing: readonly string[], empty: readonly string[]): string {
	const parts: string[] = [];
	if (missing.length > 0) parts.push(`missing value for ${missing.join(', ')}`);
	if (empty.length > 0) parts.push(`empty value for ${empty.join(', ')}`);
	const text = parts.join('; ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}
