/**
 * What the conversation view shows: the request's turns, and where the last run's answer goes
 * among them (after the turns it answered, or in place of the turn it became once added).
 */
import { turnText, type Message } from './actions';
import { sameJson } from './message-key';

export type AnswerPlace =
	/** No run, or none for this conversation. */
	| { kind: 'none' }
	/** The answer to the turns shown, not in the messages yet: it goes after them. */
	| { kind: 'pending' }
	/** The answer was added: it is turn `index`, shown with the run's details. */
	| { kind: 'turn'; index: number }
	/** The conversation changed since: the run answered an earlier version of it. */
	| { kind: 'stale' };

const isEmptyUser = (m: Message | undefined) =>
	m?.role === 'user' && (m.content === '' || m.content === undefined || m.content === null);

/** The turns to show: an empty user message at the end is the reply being written, not a turn. */
export function shownTurns(messages: readonly Message[]): readonly Message[] {
	return isEmptyUser(messages.at(-1)) ? messages.slice(0, -1) : messages;
}

function samePrefix(a: readonly Message[], b: readonly unknown[], length: number): boolean {
	if (a.length < length || b.length < length) return false;
	for (let i = 0; i < length; i++) if (!sameJson(a[i], b[i])) return false;
	return true;
}

/** Where the run's answer (as `assistantMessage` builds it) sits among the shown turns. */
export function placeAnswer(
	turns: readonly Message[],
	sent: readonly unknown[] | null,
	answer: Message | null,
): AnswerPlace {
	if (!sent) return { kind: 'none' };
	if (!samePrefix(turns, sent, sent.length)) return { kind: 'stale' };
	if (turns.length === sent.length) return { kind: 'pending' };
	if (answer && sameJson(turns[sent.length], answer)) return { kind: 'turn', index: sent.length };
	return { kind: 'stale' };
}

const ROLE_NAMES: ReadonlyMap<string, string> = new Map([
	['system', 'System'],
	['developer', 'Developer'],
	['user', 'User'],
	['assistant', 'Assistant'],
	['tool', 'Tool'],
]);

export function roleName(role: unknown): string {
	return (typeof role === 'string' && ROLE_NAMES.get(role)) || String(role ?? 'Message');
}

/** A turn as markdown: a heading with the role, the text, tool calls and results as code blocks. */
export function turnMarkdown(message: Message): string {
	const parts = [`**${roleName(message.role)}**`];
	const text = turnText(message);
	if (text) parts.push(text);
	const calls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
	for (const call of calls as Record<string, unknown>[]) {
		const fn = (call?.function ?? {}) as Record<string, unknown>;
		const args = typeof fn.arguments === 'string' ? fn.arguments : JSON.stringify(fn.arguments);
		parts.push(`Tool call \`${String(fn.name)}\`:\n\n\`\`\`json\n${args}\n\`\`\``);
	}
	return `${parts.join('\n\n')}\n`;
}

/** A turn as its JSON message, exactly as it is in the request. */
export const turnJson = (message: Message): string => `${JSON.stringify(message, null, 2)}\n`;

/** The name of each tool call by its id, so a `tool` result can say which call it answers. */
export function toolNamesOf(turns: readonly Message[]): Map<unknown, string> {
	const names = new Map<unknown, string>();
	for (const m of turns)
		if (Array.isArray(m.tool_calls))
			for (const call of m.tool_calls as Message[]) {
				const fn = call?.function as Message | undefined;
				if (typeof fn?.name === 'string') names.set(call.id, fn.name);
			}
	return names;
}
