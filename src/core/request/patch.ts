/**
 * Form edits as text edits: set or remove one value of the request JSON, touching only the bytes
 * of that value and keeping the user's formatting (indent unit, one-line objects, key order) around
 * it. Setting a value equal to the current one returns the text unchanged.
 *
 * jsonc-parser finds the value and writes the bare edit (commas, missing parents); its formatter
 * then lays out only the whitespace the edit touched, in the style of the container it lands in.
 */
import {
	applyEdits,
	createScanner,
	findNodeAtLocation,
	format,
	modify,
	parseTree,
	type Edit,
	type FormattingOptions,
	type Node,
	type SyntaxKind,
} from 'jsonc-parser';
import { parseJson, type JsonPath } from './json';

export type PatchResult = { ok: true; text: string } | { ok: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

export function patchJson(text: string, path: JsonPath, value: unknown): PatchResult {
	const json = parseJson(text);
	if (!json.ok) return { ok: false, reason: `Fix the JSON first: ${json.error.message}` };
	// A form must change the copy that counts; with two copies of a key it could change the other.
	const duplicate = json.duplicates[0];
	if (duplicate) return { ok: false, reason: `Fix the JSON first: ${duplicate.message}` };
	if (path.length === 0)
		return { ok: true, text: `${JSON.stringify(value, null, indentUnit(text))}\n` };
	return patchParsed(text, json.value, path, value);
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

function patchParsed(text: string, root: unknown, path: JsonPath, value: unknown): PatchResult {
	const here = get(root, path);
	if (here.found && JSON.stringify(here.value) === JSON.stringify(value)) return { ok: true, text };
	if (!here.found && value === undefined) return { ok: true, text };
	const parentPath = path.slice(0, -1);
	const key = path[path.length - 1]!;
	const parent = get(root, parentPath);
	if (!here.found && parent.found) {
		const fits = typeof key === 'number' ? Array.isArray(parent.value) : isObject(parent.value);
		if (!fits) {
			// `"provider": null` and the form sets provider.sort: the object replaces the null.
			if (parentPath.length === 0)
				return { ok: false, reason: 'The request must be a JSON object' };
			const wrapped = typeof key === 'number' ? [value] : { [key]: value };
			return patchParsed(text, root, parentPath, wrapped);
		}
		if (typeof key === 'number' && key !== (parent.value as unknown[]).length)
			return { ok: false, reason: `No item ${key + 1} to change` };
	}
	return { ok: true, text: edit(text, path, value) };
}

/**
 * The bare edit, then the whitespace it touched laid out as its container is: on lines with the
 * document's indent when the container spans lines (or is empty in a document that does), else on
 * one line with `, ` and `: ` (no spaces in compact JSON). A short array of primitives written on
 * one line stays on one line.
 */
function edit(text: string, path: JsonPath, value: unknown): string {
	const tree = parseTree(text)!;
	const bare = bareEdit(text, tree, path, value);
	const container = containerText(text, tree, path);
	const old = findNodeAtLocation(tree, path);
	const flat =
		old !== undefined &&
		!text.slice(old.offset, old.offset + old.length).includes('\n') &&
		Array.isArray(value) &&
		value.every((v) => typeof v !== 'object' || v === null);
	// An empty container has no layout of its own: it takes the document's.
	const empty = /^[[{]\s*[\]}]$/.test(container);
	if ((container.includes('\n') || (empty && text.includes('\n'))) && !flat) {
		const out = applyEdits(text, [bare]);
		// One character either side, so the empty gaps at the edit's ends (`{` + new key) count too;
		// never half of a `\r\n`, which the formatter would take for the end of its text.
		const from = bare.offset;
		const to = from + bare.content.length;
		const start = from - (out.slice(from - 2, from) === '\r\n' ? 2 : 1);
		const end = to + (out.slice(to, to + 2) === '\r\n' ? 2 : 1);
		const range = { offset: Math.max(0, start), length: end - Math.max(0, start) };
		return applyEdits(out, format(out, range, { ...formatting(text), keepLines: false }));
	}
	const compact = spaced(container, '') === container;
	return applyEdits(text, [{ ...bare, content: spaced(bare.content, compact ? '' : ' ') }]);
}

function bareEdit(text: string, tree: Node, path: JsonPath, value: unknown): Edit {
	const key = path[path.length - 1];
	if (value === undefined && typeof key === 'number' && key > 0) {
		// jsonc-parser 3.3.1 cuts the wrong bytes when the last item of an array goes and `]` is on
		// its line (microsoft/node-jsonc-parser#108): cut from the end of the item before it.
		const items = findNodeAtLocation(tree, path.slice(0, -1))?.children ?? [];
		const [before, me] = [items[key - 1], items[key]];
		if (before && me && key === items.length - 1) {
			const offset = before.offset + before.length;
			return { offset, length: me.offset + me.length - offset, content: '' };
		}
	}
	return modify(text, path, value, {})[0]!;
}

// SyntaxKind is a const enum, which isolated modules cannot read from a declaration file.
const [COMMA, COLON, EOF] = [5, 6, 17] as SyntaxKind[];

/** JSON tokens joined with `sep` after each `,` and `:`, and nothing else between them. */
function spaced(json: string, sep: string): string {
	const scanner = createScanner(json, true);
	let out = '';
	for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
		out += json.slice(
			scanner.getTokenOffset(),
			scanner.getTokenOffset() + scanner.getTokenLength(),
		);
		if (token === COMMA || token === COLON) out += sep;
	}
	return out;
}

/** The text of the nearest existing container the edit lands in. */
function containerText(text: string, tree: Node, path: JsonPath): string {
	for (let at = path.length - 1; at >= 0; at--) {
		const node = findNodeAtLocation(tree, path.slice(0, at));
		if (node) return text.slice(node.offset, node.offset + node.length);
	}
	return text;
}

/** The whitespace one level of nesting adds in this document (two spaces when nothing says). */
function indentUnit(text: string): string {
	const match = /\n([ \t]+)\S/.exec(text);
	return match?.[1] ?? '  ';
}

function formatting(text: string): FormattingOptions {
	const unit = indentUnit(text);
	return {
		insertSpaces: !unit.includes('\t'),
		tabSize: unit.includes('\t') ? 1 : unit.length,
	};
}
