import { lineColumn, parseJson, pathKey, type JsonPath, type Located } from './json';
import { ROLES, type ChatRequest } from './types';

export type Diagnostic = {
	message: string;
	/** 1-based, columns in UTF-16 code units. */
	line: number;
	column: number;
	offset: number;
	length?: number;
	severity: 'error' | 'warning';
};

export type ParseResult =
	| { ok: true; value: ChatRequest; diagnostics: Diagnostic[] }
	| { ok: false; diagnostics: Diagnostic[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Request text → request, or diagnostics that name line and column. Syntax first, then the shape
 * checks that would make the API answer 400 for sure. Full schema validation lives with the editor.
 */
export function parseRequest(text: string): ParseResult {
	const json = parseJson(text);
	const at = (message: string, where: Located, severity: Diagnostic['severity'] = 'error') => ({
		message,
		...lineColumn(text, where.offset),
		offset: where.offset,
		length: where.length,
		severity,
	});
	if (!json.ok) {
		if (text.trim() === '')
			return {
				ok: false,
				diagnostics: [at('The request is empty: write a JSON object', { offset: 0, length: 0 })],
			};
		return { ok: false, diagnostics: [at(json.error.message, json.error)] };
	}
	const warnings = json.duplicates.map((d) => at(d.message, d, 'warning'));
	const locate = (path: JsonPath, key = false): Located =>
		json.locations.get(pathKey(key ? [...path, '#key'] : path)) ??
		json.locations.get(pathKey(path)) ?? { offset: 0, length: 1 };

	const errors: Diagnostic[] = [];
	const body = json.value;
	if (!isObject(body)) {
		errors.push(at('The request must be a JSON object', locate([])));
		return { ok: false, diagnostics: [...errors, ...warnings] };
	}
	if (body.model !== undefined && typeof body.model !== 'string')
		errors.push(at('"model" must be a string such as "openai/gpt-4o-mini"', locate(['model'])));
	if (body.stream !== undefined && typeof body.stream !== 'boolean')
		errors.push(at('"stream" must be true or false', locate(['stream'])));
	if (body.messages === undefined && body.prompt === undefined) {
		errors.push(at('"messages" is required: a list with at least one message', locate([])));
	} else if (body.messages !== undefined) {
		errors.push(
			...checkMessages(body.messages, (path) => locate(path)).map((e) => at(e.message, e.where)),
		);
	}
	if (errors.length > 0) return { ok: false, diagnostics: [...errors, ...warnings] };
	return { ok: true, value: body as ChatRequest, diagnostics: warnings };
}

function checkMessages(
	messages: unknown,
	locate: (path: JsonPath) => Located,
): { message: string; where: Located }[] {
	const problems: { message: string; where: Located }[] = [];
	if (!Array.isArray(messages))
		return [{ message: '"messages" must be a list', where: locate(['messages']) }];
	if (messages.length === 0)
		return [{ message: '"messages" needs at least one message', where: locate(['messages']) }];
	messages.forEach((message, index) => {
		const path = ['messages', index];
		if (!isObject(message)) {
			problems.push({ message: `Message ${index + 1} must be an object`, where: locate(path) });
			return;
		}
		const role = message.role;
		if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
			problems.push({
				message: `Message ${index + 1}: "role" must be one of ${ROLES.join(', ')}`,
				where: locate(role === undefined ? path : [...path, 'role']),
			});
			return;
		}
		if (role === 'tool' && typeof message.tool_call_id !== 'string')
			problems.push({
				message: `Message ${index + 1}: a tool message needs "tool_call_id" (the id of the call it answers)`,
				where: locate(path),
			});
		if (role !== 'assistant' && message.content === undefined)
			problems.push({
				message: `Message ${index + 1}: "content" is required`,
				where: locate(path),
			});
	});
	return problems;
}
