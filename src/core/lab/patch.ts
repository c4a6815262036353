/**
 * A lab column is the base request changed by a small JSON Merge Patch (RFC 7396,
 * https://www.rfc-editor.org/rfc/rfc7396): `{"model":"x","temperature":0.2}` swaps the model and
 * sets the temperature; `null` removes a field, objects merge member by member, anything else
 * (arrays included) replaces. Patches are written by the user, so keys are own properties only:
 * `__proto__` in a patch is a field, never the result's prototype.
 */
import { MAX_JSON_DEPTH, measureJson } from '../json-bounds';
import { setOwn } from '../own';

export type JsonObject = Record<string, unknown>;
export type PatchParse = { ok: true; patch: JsonObject } | { ok: false; error: string };

/** A column's patch is a few fields; a longer text is a mistake (a whole request pasted). */
export const MAX_PATCH_CHARS = 20_000;

const isObject = (v: unknown): v is JsonObject =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the patch a user typed for a column: a JSON object, bounded in size and depth. */
export function parsePatch(text: string): PatchParse {
	if (text.length > MAX_PATCH_CHARS)
		return { ok: false, error: `The patch is longer than ${MAX_PATCH_CHARS} characters` };
	if (text.trim() === '') return { ok: true, patch: {} };
	if (!measureJson(text, MAX_JSON_DEPTH).ok)
		return { ok: false, error: `The patch nests deeper than ${MAX_JSON_DEPTH} levels` };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return { ok: false, error: `The patch is not JSON: ${(error as Error).message}` };
	}
	if (!isObject(value)) return { ok: false, error: 'The patch must be a JSON object' };
	return { ok: true, patch: value };
}

/**
 * RFC 7396 MergePatch(target, patch), section 2, without changing either argument. Merged objects
 * are new; values taken whole (arrays, untouched members such as `messages`) are shared, so the
 * result is read-only like its inputs.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
	if (!isObject(patch)) return patch;
	const result: JsonObject = {};
	if (isObject(target))
		for (const [key, value] of Object.entries(target)) setOwn(result, key, value);
	for (const [key, value] of Object.entries(patch)) {
		if (value === null) delete result[key];
		else
			setOwn(result, key, mergePatch(Object.hasOwn(result, key) ? result[key] : undefined, value));
	}
	return result;
}

/** The body one column sends: the base request with the column's patch merged in. */
export function applyColumn<T extends JsonObject>(base: T, patch: JsonObject): T {
	return mergePatch(base, patch) as T;
}

const LABEL_VALUE_CHARS = 24;
const LABEL_CHARS = 80;

const clip = (text: string, max: number) =>
	text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** `reasoning.effort high`: nested objects as dotted paths, so each setting reads on its own. */
function settings(patch: JsonObject, prefix: string): string[] {
	return Object.entries(patch).flatMap(([key, value]) => {
		const path = `${prefix}${key}`;
		if (isObject(value) && Object.keys(value).length > 0) return settings(value, `${path}.`);
		if (value === null) return [`no ${path}`];
		const text = typeof value === 'string' ? value : JSON.stringify(value);
		return [`${path} ${clip(text, LABEL_VALUE_CHARS)}`];
	});
}

/**
 * A short name for a column's header: the model first, bare, then each other setting
 * ("openai/gpt-4o · temperature 0.2"). An empty patch is the base request as it is.
 */
export function columnLabel(patch: JsonObject): string {
	const model = typeof patch.model === 'string' ? [patch.model] : [];
	const rest = Object.fromEntries(
		Object.entries(patch).filter(([key]) => !(key === 'model' && model.length)),
	);
	const parts = [...model, ...settings(rest, '')];
	return parts.length === 0 ? 'base request' : clip(parts.join(' · '), LABEL_CHARS);
}
