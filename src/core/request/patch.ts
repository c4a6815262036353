/**
 * Form edits as text edits: set or remove one value of the request JSON, touching only the bytes
 * of that value and keeping the user's formatting (indent unit, one-line objects, key order) around
 * it. Setting a value equal to the current one returns the text unchanged.
 */
import { parseJson, pathKey, type JsonPath, type Located } from './json';

export type PatchResult = { ok: true; text: string } | { ok: false; reason: string };

type Parsed = { value: unknown; locations: Map<string, Located> };

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

export function patchJson(text: string, path: JsonPath, value: unknown): PatchResult {
	const json = parseJson(text);
	if (!json.ok) return { ok: false, reason: `Fix the JSON first: ${json.error.message}` };
	if (path.length === 0)
		return { ok: true, text: `${JSON.stringify(value, null, indentUnit(text))}\n` };
	return patchParsed(text, json, path, value);
}

function get(root: unknown, path: JsonPath): { found: boolean; value: unknown } {
	let current = root;
	for (const key of path) {
		if (typeof key === 'number' ? !Array.isArray(current) : !isObject(current))
			return { found: false, value: undefined };
		const container = current as Record<string | number, unknown>;
		if (!Object.hasOwn(container, key)) return { found: false, value: undefined };
		current = container[key];
	}
	return { found: true, value: current };
}

function patchParsed(text: string, json: Parsed, path: JsonPath, value: unknown): PatchResult {
	const here = get(json.value, path);
	const parentPath = path.slice(0, -1);
	const key = path[path.length - 1]!;
	const parent = get(json.value, parentPath);
	if (here.found) {
		if (value === undefined) return { ok: true, text: remove(text, json, parentPath, key) };
		if (JSON.stringify(here.value) === JSON.stringify(value)) return { ok: true, text };
		const at = json.locations.get(pathKey(path))!;
		const old = text.slice(at.offset, at.offset + at.length);
		const pretty =
			old.includes('\n') || (!isOneLine(text, json, parentPath) && text.includes('\n'));
		const replacement = serialize(
			value,
			text,
			lineIndent(text, at.offset),
			pretty && !isFlat(value, old),
		);
		return { ok: true, text: splice(text, at.offset, at.offset + at.length, replacement) };
	}
	if (value === undefined) return { ok: true, text };
	if (
		!parent.found ||
		(typeof key === 'number' ? !Array.isArray(parent.value) : !isObject(parent.value))
	) {
		const wrapped = typeof key === 'number' ? [value] : { [key]: value };
		if (parentPath.length === 0) return { ok: false, reason: 'The request must be a JSON object' };
		return patchParsed(text, json, parentPath, wrapped);
	}
	if (typeof key === 'number' && key !== (parent.value as unknown[]).length)
		return { ok: false, reason: `No item ${key + 1} to change` };
	return { ok: true, text: insert(text, json, parentPath, key, value) };
}

/** A short array of primitives written on one line stays on one line. */
function isFlat(value: unknown, old: string): boolean {
	return !old.includes('\n') && Array.isArray(value) && value.every((v) => typeof v !== 'object');
}

function splice(text: string, start: number, end: number, insert: string): string {
	return text.slice(0, start) + insert + text.slice(end);
}

/** The whitespace one level of nesting adds in this document (two spaces when nothing says). */
export function indentUnit(text: string): string {
	const match = /\n([ \t]+)\S/.exec(text);
	return match?.[1] ?? '  ';
}

function lineIndent(text: string, offset: number): string {
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

function serialize(value: unknown, text: string, indent: string, pretty: boolean): string {
	if (!pretty) return JSON.stringify(value);
	return JSON.stringify(value, null, indentUnit(text)).replaceAll('\n', `\n${indent}`);
}

/** Members of a container in text order: where each starts (its key, or the item) and ends. */
function members(
	json: Parsed,
	path: JsonPath,
): { key: string | number; start: number; end: number }[] {
	const container = get(json.value, path).value;
	const keys: (string | number)[] = Array.isArray(container)
		? container.map((_, i) => i)
		: Object.keys(container as object);
	return keys
		.map((key) => {
			const value = json.locations.get(pathKey([...path, key]))!;
			const start =
				typeof key === 'number' ? value : json.locations.get(pathKey([...path, key, '#key']))!;
			return { key, start: start.offset, end: value.offset + value.length };
		})
		.sort((a, b) => a.start - b.start);
}

function isOneLine(text: string, json: Parsed, path: JsonPath): boolean {
	const at = json.locations.get(pathKey(path))!;
	return !text.slice(at.offset, at.offset + at.length).includes('\n');
}

function remove(text: string, json: Parsed, path: JsonPath, key: string | number): string {
	const list = members(json, path);
	const index = list.findIndex((m) => m.key === key);
	const me = list[index]!;
	const next = list[index + 1];
	const prev = list[index - 1];
	if (next) return splice(text, me.start, next.start, '');
	if (prev) return splice(text, prev.end, me.end, '');
	const at = json.locations.get(pathKey(path))!;
	return splice(text, at.offset + 1, at.offset + at.length - 1, '');
}

function insert(
	text: string,
	json: Parsed,
	path: JsonPath,
	key: string | number,
	value: unknown,
): string {
	const at = json.locations.get(pathKey(path))!;
	const list = members(json, path);
	const colon = /"\s*:(\s*)/.exec(text.slice(at.offset, at.offset + at.length))?.[1] ?? ' ';
	const entry = (indent: string, pretty: boolean) =>
		(typeof key === 'number' ? '' : `${JSON.stringify(key)}:${colon}`) +
		serialize(value, text, indent, pretty);
	const last = list[list.length - 1];
	if (!last) {
		const outer = lineIndent(text, at.offset);
		if (!text.includes('\n'))
			return splice(text, at.offset + 1, at.offset + at.length - 1, entry(outer, false));
		const inner = outer + indentUnit(text);
		return splice(
			text,
			at.offset + 1,
			at.offset + at.length - 1,
			`\n${inner}${entry(inner, true)}\n${outer}`,
		);
	}
	if (isOneLine(text, json, path)) {
		const space =
			/,(\s*)/.exec(text.slice(list[0]!.end, list[1]?.start ?? list[0]!.end))?.[1] ?? ' ';
		return splice(text, last.end, last.end, `,${space}${entry('', false)}`);
	}
	const indent = lineIndent(text, last.start);
	return splice(text, last.end, last.end, `,\n${indent}${entry(indent, true)}`);
}
