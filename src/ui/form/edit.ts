import type { JsonPath } from '../../core/request/json';
import { patchJson } from '../../core/request/patch';
import type { ChatRequest } from '../../core/request/types';
import type { Playground } from '../../state/playground.svelte';

/** The request the forms show: the parsed JSON, or null while the JSON does not parse. */
export function formRequest(playground: Playground): ChatRequest | null {
	return playground.parsed.ok ? playground.parsed.value : null;
}

/**
 * A form edit: one value of the request, written into the JSON text (formatting kept; Monaco turns
 * it into one undoable edit). `undefined` removes the field. Returns why it could not, or null.
 */
export function editRequest(playground: Playground, path: JsonPath, value: unknown): string | null {
	const result = patchJson(playground.text, path, value);
	if (!result.ok) return result.reason;
	if (result.text !== playground.text) playground.text = result.text;
	return null;
}
