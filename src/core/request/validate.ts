/**
 * A small JSON Schema (draft-07 subset) checker that needs no code generation. Ajv compiles schemas
 * with `new Function`, which the production CSP (no 'unsafe-eval') forbids in the browser; the
 * schemas checked here (the request schema, the draft-07 meta-schema) use only these keywords.
 */
import type { JsonPath } from './json';

export type Issue = { path: JsonPath; keyword: string; message: string };
type Schema = Record<string, unknown> | boolean;

const typeOf = (v: unknown): string =>
	v === null
		? 'null'
		: Array.isArray(v)
			? 'array'
			: typeof v === 'number' && Number.isInteger(v)
				? 'integer'
				: typeof v;
const matchesType = (v: unknown, t: string) =>
	typeOf(v) === t || (t === 'number' && typeOf(v) === 'integer');
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (v: unknown) => JSON.stringify(v);

function resolve(root: Schema, ref: string): Schema {
	if (!ref.startsWith('#')) return true; // remote refs are not followed
	let node: unknown = root;
	for (const part of ref.slice(1).split('/').filter(Boolean))
		node = (node as Record<string, unknown> | undefined)?.[
			decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~')
		];
	return (node as Schema | undefined) ?? true;
}

export function validate(
	value: unknown,
	schema: Schema,
	root: Schema = schema,
	path: JsonPath = [],
): Issue[] {
	if (schema === true) return [];
	if (schema === false) return [{ path, keyword: 'false', message: 'is not allowed here' }];
	const s = schema;
	if (typeof s.$ref === 'string') return validate(value, resolve(root, s.$ref), root, path);
	const issues: Issue[] = [];
	const fail = (keyword: string, message: string) => issues.push({ path, keyword, message });

	if (s.type !== undefined) {
		const types = (Array.isArray(s.type) ? s.type : [s.type]) as string[];
		if (!types.some((t) => matchesType(value, t))) {
			fail('type', `must be ${types.join(' or ')}`);
			return issues;
		}
	}
	if (Array.isArray(s.enum) && !s.enum.some((e) => same(e, value)))
		fail('enum', `must be one of ${s.enum.map(show).join(', ')}`);
	if ('const' in s && !same(s.const, value)) fail('const', `must be ${show(s.const)}`);
	checkScalars(value, s, fail);
	if (Array.isArray(value)) issues.push(...checkArray(value, s, root, path, fail));
	if (typeOf(value) === 'object')
		issues.push(...checkObject(value as Record<string, unknown>, s, root, path, fail));
	for (const sub of (s.allOf as Schema[] | undefined) ?? [])
		issues.push(...validate(value, sub, root, path));
	if (
		Array.isArray(s.anyOf) &&
		!s.anyOf.some((sub: Schema) => validate(value, sub, root, path).length === 0)
	)
		issues.push(...bestBranch(value, s.anyOf as Schema[], root, path, 'anyOf'));
	if (Array.isArray(s.oneOf)) {
		const passing = s.oneOf.filter(
			(sub: Schema) => validate(value, sub, root, path).length === 0,
		).length;
		if (passing === 0) issues.push(...bestBranch(value, s.oneOf as Schema[], root, path, 'oneOf'));
		else if (passing > 1) fail('oneOf', 'matches more than one allowed shape');
	}
	return issues;
}

/** When no branch fits, report the branch that came closest (fewest issues), or a summary. */
function bestBranch(
	value: unknown,
	branches: Schema[],
	root: Schema,
	path: JsonPath,
	keyword: string,
): Issue[] {
	const tries = branches.map((b) => validate(value, b, root, path));
	const typed = tries.filter(
		(t) => !t.some((i) => i.path.length === path.length && i.keyword === 'type'),
	);
	const best = typed.sort((a, b) => a.length - b.length)[0];
	return best ?? [{ path, keyword, message: 'does not match any allowed shape' }];
}

function checkScalars(
	value: unknown,
	s: Record<string, unknown>,
	fail: (k: string, m: string) => void,
) {
	if (typeof value === 'number') {
		if (typeof s.minimum === 'number' && value < s.minimum)
			fail('minimum', `must be ≥ ${s.minimum}`);
		if (typeof s.maximum === 'number' && value > s.maximum)
			fail('maximum', `must be ≤ ${s.maximum}`);
		if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum)
			fail('exclusiveMinimum', `must be > ${s.exclusiveMinimum}`);
	}
	if (typeof value === 'string') {
		if (typeof s.maxLength === 'number' && value.length > s.maxLength)
			fail('maxLength', `must be at most ${s.maxLength} characters`);
		if (typeof s.minLength === 'number' && value.length < s.minLength)
			fail('minLength', `must be at least ${s.minLength} characters`);
		if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value))
			fail('pattern', `must match ${s.pattern}`);
	}
}

function checkArray(
	value: unknown[],
	s: Record<string, unknown>,
	root: Schema,
	path: JsonPath,
	fail: (k: string, m: string) => void,
): Issue[] {
	if (typeof s.minItems === 'number' && value.length < s.minItems)
		fail('minItems', `needs at least ${s.minItems} item(s)`);
	if (typeof s.maxItems === 'number' && value.length > s.maxItems)
		fail('maxItems', `takes at most ${s.maxItems} items`);
	if (s.uniqueItems === true && new Set(value.map(show)).size !== value.length)
		fail('uniqueItems', 'must not repeat items');
	const items = s.items;
	if (items === undefined) return [];
	return value.flatMap((item, i) =>
		validate(item, (Array.isArray(items) ? (items[i] ?? true) : items) as Schema, root, [
			...path,
			i,
		]),
	);
}

function checkObject(
	value: Record<string, unknown>,
	s: Record<string, unknown>,
	root: Schema,
	path: JsonPath,
	fail: (k: string, m: string) => void,
): Issue[] {
	const issues: Issue[] = [];
	for (const key of (s.required as string[] | undefined) ?? [])
		if (!Object.hasOwn(value, key)) fail('required', `needs "${key}"`);
	if (typeof s.maxProperties === 'number' && Object.keys(value).length > s.maxProperties)
		fail('maxProperties', `takes at most ${s.maxProperties} entries`);
	const props = (s.properties as Record<string, Schema> | undefined) ?? {};
	for (const [key, v] of Object.entries(value)) {
		if (s.propertyNames !== undefined)
			issues.push(...validate(key, s.propertyNames as Schema, root, [...path, key]));
		if (Object.hasOwn(props, key)) issues.push(...validate(v, props[key]!, root, [...path, key]));
		else if (s.additionalProperties !== undefined)
			issues.push(...validate(v, s.additionalProperties as Schema, root, [...path, key]));
	}
	return issues;
}
