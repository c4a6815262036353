/**
 * The one JSON Schema validator (draft-07 subset) of the app: tool parameters, structured outputs,
 * the request schema and the draft-07 meta-schema. It interprets the schema instead of compiling
 * it: ajv compiles to code with `new Function`, which the production CSP (no 'unsafe-eval')
 * forbids. Keywords: type, enum, const, allOf/anyOf/oneOf, local $ref, numeric limits, length
 * limits (in code points, as ajv counts), pattern, items (list or tuple), min/maxItems,
 * uniqueItems, required, properties, additionalProperties, propertyNames, min/maxProperties.
 * Unit tests check it against ajv.
 */
import { findRefProblem, resolveLocalRef } from './refs';

export type Path = (string | number)[];
/** One failed keyword at `path` (keys and indexes), with a message that reads after the path. */
export type Issue = { path: Path; keyword: string; message: string };
/** The same with the path as a JSON Pointer (`/a/0/b`), as tool and output checks show it. */
export type Violation = { path: string; message: string };

export type ValidateOptions = {
	/** Partial input: skip checks that more text could still satisfy (required, minimums). */
	partial?: boolean;
};

type Schema = Record<string, unknown> | boolean;
type Ctx = { root: Schema; partial: boolean };
type Fail = (keyword: string, message: string) => void;

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const asSchema = (value: unknown): Schema =>
	isObject(value) || typeof value === 'boolean' ? value : true;

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}
const matchesType = (value: unknown, type: string) =>
	typeOf(value) === type || (type === 'number' && typeOf(value) === 'integer');
const show = (value: unknown) => JSON.stringify(value);
const same = (a: unknown, b: unknown) => show(a) === show(b);

/**
 * Issues of `value` against `schema`; none when it is valid. A schema that cannot be used (a `$ref`
 * cycle, a bad escape, too deep) gives one issue with the keyword `schema`; this never throws.
 */
export function validate(value: unknown, schema: unknown, options: ValidateOptions = {}): Issue[] {
	const problem = findRefProblem(schema);
	if (problem) return [unusable(problem.message)];
	const root = asSchema(schema);
	try {
		return check(value, root, [], { root, partial: options.partial === true });
	} catch (error) {
		return [unusable(error instanceof Error ? error.message : String(error))];
	}
}

const unusable = (why: string): Issue => ({
	path: [],
	keyword: 'schema',
	message: `the schema cannot be used: ${why}`,
});

/** `validate` with JSON Pointer paths. */
export function validateSchema(
	schema: unknown,
	value: unknown,
	options: ValidateOptions = {},
): Violation[] {
	return validate(value, schema, options).map(toViolation);
}

export const toViolation = (issue: Issue): Violation => ({
	path: issue.path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join(''),
	message: issue.message,
});

function resolve(ref: string, ctx: Ctx): Schema {
	if (!ref.startsWith('#')) return true; // remote refs are not followed
	return asSchema(resolveLocalRef(ctx.root, ref));
}

function check(value: unknown, schema: Schema, path: Path, ctx: Ctx): Issue[] {
	if (schema === true) return [];
	if (schema === false) return [{ path, keyword: 'false', message: 'is not allowed here' }];
	if (typeof schema.$ref === 'string') return check(value, resolve(schema.$ref, ctx), path, ctx);
	const issues: Issue[] = [];
	const fail: Fail = (keyword, message) => issues.push({ path, keyword, message });
	const types = (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []).map(
		String,
	);
	if (types.length > 0 && !types.some((t) => matchesType(value, t))) {
		fail('type', `must be ${types.join(' or ')}, not ${typeOf(value)}`);
		return issues;
	}
	if (Array.isArray(schema.enum) && !schema.enum.some((e) => same(e, value)))
		fail('enum', `must be one of ${schema.enum.map(show).join(', ')}`);
	if ('const' in schema && !same(schema.const, value))
		fail('const', `must be ${show(schema.const)}`);
	if (typeof value === 'number') checkNumber(value, schema, fail);
	if (typeof value === 'string') checkString(value, schema, fail, ctx.partial);
	if (Array.isArray(value)) issues.push(...checkArray(value, schema, path, ctx, fail));
	if (isObject(value)) issues.push(...checkObject(value, schema, path, ctx, fail));
	issues.push(...checkCombinators(value, schema, path, ctx));
	return issues;
}

function checkCombinators(value: unknown, s: Record<string, unknown>, path: Path, ctx: Ctx) {
	const issues: Issue[] = [];
	const list = (key: string) => (Array.isArray(s[key]) ? (s[key] as unknown[]).map(asSchema) : []);
	for (const sub of list('allOf')) issues.push(...check(value, sub, path, ctx));
	const anyOf = list('anyOf');
	if (anyOf.length > 0) {
		const tries = anyOf.map((sub) => check(value, sub, path, ctx));
		if (!tries.some((t) => t.length === 0)) issues.push(...closest(tries, path, 'anyOf'));
	}
	const oneOf = list('oneOf');
	if (oneOf.length > 0) {
		const tries = oneOf.map((sub) => check(value, sub, path, ctx));
		const passing = tries.filter((t) => t.length === 0).length;
		if (passing === 0) issues.push(...closest(tries, path, 'oneOf'));
		else if (passing > 1 && !ctx.partial)
			issues.push({ path, keyword: 'oneOf', message: 'matches more than one allowed shape' });
	}
	return issues;
}

/** When no branch fits: the issues of the closest branch of the right type, or a summary. */
function closest(tries: Issue[][], path: Path, keyword: string): Issue[] {
	const typed = tries.filter(
		(t) => !t.some((i) => i.path.length === path.length && i.keyword === 'type'),
	);
	const best = typed.sort((a, b) => a.length - b.length)[0];
	return best ?? [{ path, keyword, message: `matches none of the allowed shapes (${keyword})` }];
}

function checkNumber(n: number, s: Record<string, unknown>, fail: Fail): void {
	if (typeof s.minimum === 'number' && n < s.minimum) fail('minimum', `must be ≥ ${s.minimum}`);
	if (typeof s.maximum === 'number' && n > s.maximum) fail('maximum', `must be ≤ ${s.maximum}`);
	if (typeof s.exclusiveMinimum === 'number' && n <= s.exclusiveMinimum)
		fail('exclusiveMinimum', `must be > ${s.exclusiveMinimum}`);
	if (typeof s.exclusiveMaximum === 'number' && n >= s.exclusiveMaximum)
		fail('exclusiveMaximum', `must be < ${s.exclusiveMaximum}`);
	if (typeof s.multipleOf === 'number' && s.multipleOf > 0 && !Number.isInteger(n / s.multipleOf))
		fail('multipleOf', `must be a multiple of ${s.multipleOf}`);
}

function checkString(text: string, s: Record<string, unknown>, fail: Fail, partial: boolean) {
	const length = Array.from(text).length;
	if (!partial && typeof s.minLength === 'number' && length < s.minLength)
		fail('minLength', `must be at least ${s.minLength} characters`);
	if (typeof s.maxLength === 'number' && length > s.maxLength)
		fail('maxLength', `must be at most ${s.maxLength} characters`);
	if (partial || typeof s.pattern !== 'string') return;
	let re: RegExp | null;
	try {
		re = new RegExp(s.pattern, 'u');
	} catch {
		re = null; // a pattern this engine cannot read is not held against the value
	}
	if (re && !re.test(text)) fail('pattern', `must match ${s.pattern}`);
}

function checkArray(list: unknown[], s: Record<string, unknown>, path: Path, ctx: Ctx, fail: Fail) {
	if (!ctx.partial && typeof s.minItems === 'number' && list.length < s.minItems)
		fail('minItems', `needs at least ${s.minItems} item(s)`);
	if (typeof s.maxItems === 'number' && list.length > s.maxItems)
		fail('maxItems', `takes at most ${s.maxItems} items`);
	if (s.uniqueItems === true && new Set(list.map(show)).size !== list.length)
		fail('uniqueItems', 'must not repeat items');
	const items = s.items;
	if (items === undefined) return [];
	return list.flatMap((item, i) =>
		check(item, asSchema(Array.isArray(items) ? items[i] : items), [...path, i], ctx),
	);
}

function checkObject(
	value: Record<string, unknown>,
	s: Record<string, unknown>,
	path: Path,
	ctx: Ctx,
	fail: Fail,
): Issue[] {
	const issues: Issue[] = [];
	if (!ctx.partial && Array.isArray(s.required))
		for (const key of s.required)
			if (typeof key === 'string' && !Object.hasOwn(value, key))
				issues.push({ path: [...path, key], keyword: 'required', message: 'is required' });
	const count = Object.keys(value).length;
	if (!ctx.partial && typeof s.minProperties === 'number' && count < s.minProperties)
		fail('minProperties', `must have at least ${s.minProperties} properties`);
	if (typeof s.maxProperties === 'number' && count > s.maxProperties)
		fail('maxProperties', `takes at most ${s.maxProperties} entries`);
	const properties = isObject(s.properties) ? s.properties : {};
	for (const [key, item] of Object.entries(value)) {
		const at = [...path, key];
		if (s.propertyNames !== undefined)
			issues.push(...check(key, asSchema(s.propertyNames), at, ctx));
		if (Object.hasOwn(properties, key))
			issues.push(...check(item, asSchema(properties[key]), at, ctx));
		else if (s.additionalProperties === false)
			issues.push({
				path: at,
				keyword: 'additionalProperties',
				message: 'is not an allowed property',
			});
		else if (s.additionalProperties !== undefined)
			issues.push(...check(item, asSchema(s.additionalProperties), at, ctx));
	}
	return issues;
}
