import type { ChatRequest } from './types';
import { requestJson } from './request-json';

/**
 * The body Send posts and every snippet shows. Today it is the parsed request as written, key order
 * kept, with `undefined` dropped (JSON has none, but forms may produce it). One function, so the two
 * can never differ.
 */
export function normalizeRequest(request: ChatRequest): Record<string, unknown> {
	return JSON.parse(JSON.stringify(request)) as Record<string, unknown>;
}

export const DEFAULT_REQUEST = {
	model: 'openai/gpt-4o-mini',
	messages: [
		{ role: 'system', content: 'You are a helpful assistant. Answer briefly.' },
		{ role: 'user', content: 'Explain what OpenRouter does in two sentences.' },
	],
	// Always send a cap: without it the credit check assumes the model's maximum output
	// (docs/openrouter-protocol.md#parameters).
	max_tokens: 512,
	temperature: 0.7,
	stream: true,
};

export const DEFAULT_REQUEST_TEXT = requestJson(DEFAULT_REQUEST);
