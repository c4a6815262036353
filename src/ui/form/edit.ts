import { parseJson, type JsonPath } from '../../core/request/json';
import { patchJson } from '../../core/request/patch';
import type { ChatRequest } from '../../core/request/types';
import type { Playground } from '../../state/playground.svelte';

/** The request the forms show: the parsed JSON, or while it does not parse, the last that did. */
export function formRequest(playground: Playground): ChatRequest | null {
	return playground.shownRequest;
}

/**
 * A form edit: one value of the request, written into the JSON text (formatting kept; Monaco turns
 * it into one undoable edit). `undefined` removes the field. Returns why it could not, or null.
 */
export function editRequest(playground: Playground, path: JsonPath, value: unknown): string | null {
	const result = patchJson(playground.text, path, value);
	if (!result.ok) return result.reason;
	let text = result.text;
	// Clearing the last field of an object removes the object: `reasoning: {}` would switch reasoning on.
	if (value === undefined && path.length > 1 && typeof path.at(-2) === 'string') {
		const parent = path.slice(0, -1);
		const json = parseJson(text);
		const left = json.ok
			? parent.reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], json.value)
			: null;
		if (
			left &&
			typeof left === 'object' &&
			!Array.isArray(left) &&
			Object.keys(left).length === 0
		) {
			const pruned = patchJson(text, parent, undefined);
			if (pruned.ok) text = pruned.text;
		}
	}
	if (text !== playground.text) playground.text = text;
	return null;
}
