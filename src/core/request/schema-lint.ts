/**
 * Checks on the JSON Schemas a request carries (tool parameters, response_format.json_schema):
 * is it JSON Schema at all (draft-07 meta-schema), and does it keep the strict-mode rules of
 * structured outputs (root object, every object closed with additionalProperties:false, every
 * property required; OpenAI's rules, which strict endpoints apply).
 */
import DRAFT_07 from '../schema/json-schema-draft-07.json';
import type { JsonPath } from './json';
import { validate } from '../schema/validate';

export type SchemaProblem = { path: JsonPath; message: string };

const where = (path: JsonPath) => (path.length ? path.join('.') : 'the root');

export function lintJsonSchema(schema: unknown, strict: boolean): SchemaProblem[] {
	const meta = validate(schema, DRAFT_07 as Record<string, unknown>);
	const problems: SchemaProblem[] = meta.map((i) => ({
		path: i.path,
		message: `not valid JSON Schema: ${where(i.path)} ${i.message}`,
	}));
	if (problems.length > 0 || !strict) return problems;
	const s = schema as Record<string, unknown>;
	if (s.type !== 'object')
		problems.push({ path: [], message: 'strict mode: the root must be {"type": "object"}' });
	walk(s, [], problems);
	return problems;
}

function walk(node: unknown, path: JsonPath, out: SchemaProblem[]): void {
	if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
	const s = node as Record<string, unknown>;
	const props =
		typeof s.properties === 'object' && s.properties !== null
			? (s.properties as Record<string, unknown>)
			: null;
	if (s.type === 'object' || props) {
		if (s.additionalProperties !== false)
			out.push({
				path,
				message: `strict mode: ${where(path)} needs "additionalProperties": false`,
			});
		const required = Array.isArray(s.required) ? s.required : [];
		const missing = Object.keys(props ?? {}).filter((k) => !required.includes(k));
		if (missing.length > 0)
			out.push({
				path,
				message: `strict mode: ${where(path)} must list every property in "required" (missing ${missing.join(', ')}; use a null type for optional ones)`,
			});
	}
	for (const [key, child] of Object.entries(props ?? {})) walk(child, [...path, key], out);
	if (s.items) walk(s.items, [...path, 'items'], out);
	for (const group of ['anyOf', '$defs', 'definitions'] as const) {
		const value = s[group];
		if (Array.isArray(value)) value.forEach((c, i) => walk(c, [...path, group, i], out));
		else if (value && typeof value === 'object')
			for (const [k, c] of Object.entries(value)) walk(c, [...path, group, k], out);
	}
}
