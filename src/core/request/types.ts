/**
 * The chat-completions request body (docs/openrouter-protocol.md#request-body). Loose on purpose:
 * unknown fields pass through.
 */
export type TextPart = { type: 'text'; text: string; [key: string]: unknown };
export type ContentPart = TextPart | { type: string; [key: string]: unknown };
export type Content = string | ContentPart[];

export type ToolCallMessagePart = {
	id: string;
	type: 'function';
	function: { name: string; arguments: string };
};

export type Message =
	| { role: 'system' | 'developer'; content: Content; name?: string; [key: string]: unknown }
	| { role: 'user'; content: Content; name?: string; [key: string]: unknown }
	| {
			role: 'assistant';
			content?: Content | null;
			tool_calls?: ToolCallMessagePart[];
			[key: string]: unknown;
	  }
	| { role: 'tool'; content: Content; tool_call_id: string; [key: string]: unknown };

export const ROLES = ['system', 'developer', 'user', 'assistant', 'tool'] as const;
export type Role = (typeof ROLES)[number];

export type ChatRequest = {
	model?: string;
	models?: string[];
	messages: Message[];
	stream?: boolean;
	[key: string]: unknown;
};
