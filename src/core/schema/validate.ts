/**
 * A JSON Schema validator for the subset tools and structured outputs use (type, properties,
 * required, additionalProperties, items, enum, const, anyOf/oneOf/allOf, numeric and length limits,
 * pattern, local $ref). It interprets the schema instead of compiling it: ajv compiles to code with
 * `new Function`, which the production CSP (no 'unsafe-eval') forbids. Unit tests check it against ajv.
 */
export type Violation = { path: string; message: string };

type Schema = Record<string, unknown> | boolean;

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

const matchesType = (value: unknown, type: string): boolean => {
	const actual = typeOf(value);
	return actual === type || (type === 'number' && actual === 'integer');
};

const equal = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** JSON Pointer segment for a violation path: `/a/0/b`. */
const join = (path: string, key: string | number) =>
	`${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

export type ValidateOptions = {
	/** Partial input: skip checks that more text could still satisfy (required, minimums). */
	partial?: boolean;
};

export function validateSchema(
	schema: unknown,
	value: unknown,
	options: ValidateOptions = {},
): Violation[] {
	const out: Violation[] = [];
	const root = isObject(schema) || typeof schema === 'boolean' ? schema : true;
	check(root, value, '', { root, out, partial: options.partial === true });
	return out;
}

type Ctx = { root: Schema; out: Violation[]; partial: boolean };

function resolve(schema: Record<string, unknown>, ctx: Ctx): Schema {
	const ref = schema.$ref;
	if (typeof ref !== 'string' || !ref.startsWith('#')) return schema;
	let at: unknown = ctx.root;
	for (const part of ref.slice(1).split('/').filter(Boolean))
		at = isObject(at) ? at[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
	return isObject(at) || typeof at === 'boolean' ? at : true;
}

function check(schemaIn: Schema, value: unknown, path: string, ctx: Ctx): void {
	if (schemaIn === true) return;
	if (schemaIn === false) {
		ctx.out.push({ path, message: 'is not allowed here' });
		return;
	}
	const schema = resolve(schemaIn, ctx);
	if (schema !== schemaIn) return check(schema, value, path, ctx);
	const fail = (message: string) => ctx.out.push({ path, message });

	const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
	if (types.length > 0 && !types.some((t) => matchesType(value, String(t)))) {
		fail(`must be ${types.join(' or ')}, not ${typeOf(value)}`);
		return;
	}
	if (Array.isArray(schema.enum) && !schema.enum.some((e) => equal(e, value)))
		fail(`must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);
	if ('const' in schema && !equal(schema.const, value))
		fail(`must be ${JSON.stringify(schema.const)}`);
	checkCombinators(schema, value, path, ctx);
	if (typeof value === 'number') checkNumber(schema, value, fail);
	if (typeof value === 'string') checkString(schema, value, fail, ctx.partial);
	if (Array.isArray(value)) checkArray(schema, value, path, ctx, fail);
	if (isObject(value)) checkObject(schema, value, path, ctx, fail);
}

function checkCombinators(
	schema: Record<string, unknown>,
	value: unknown,
	path: string,
	ctx: Ctx,
): void {
	const branches = (list: unknown) =>
		(Array.isArray(list) ? list : []).map((s) => {
			const sub: Ctx = { ...ctx, out: [] };
			check(isObject(s) || typeof s === 'boolean' ? s : true, value, path, sub);
			return sub.out;
		});
	for (const errors of branches(schema.allOf)) ctx.out.push(...errors);
	if (Array.isArray(schema.anyOf)) {
		const results = branches(schema.anyOf);
		if (!results.some((r) => r.length === 0))
			ctx.out.push({ path, message: 'matches none of the allowed shapes (anyOf)' });
	}
	if (Array.isArray(schema.oneOf)) {
		const passing = branches(schema.oneOf).filter((r) => r.length === 0).length;
		if (passing !== 1 && !(ctx.partial && passing > 1))
			ctx.out.push({ path, message: `must match exactly one shape (oneOf), matched ${passing}` });
	}
}

function checkNumber(s: Record<string, unknown>, n: number, fail: (m: string) => void): void {
	if (typeof s.minimum === 'number' && n < s.minimum) fail(`must be ≥ ${s.minimum}`);
	if (typeof s.maximum === 'number' && n > s.maximum) fail(`must be ≤ ${s.maximum}`);
	if (typeof s.exclusiveMinimum === 'number' && n <= s.exclusiveMinimum)
		fail(`must be > ${s.exclusiveMinimum}`);
	if (typeof s.exclusiveMaximum === 'number' && n >= s.exclusiveMaximum)
		fail(`must be < ${s.exclusiveMaximum}`);
	if (typeof s.multipleOf === 'number' && s.multipleOf > 0 && !Number.isInteger(n / s.multipleOf))
		fail(`must be a multiple of ${s.multipleOf}`);
}

function checkString(
	s: Record<string, unknown>,
	text: string,
	fail: (m: string) => void,
	partial: boolean,
): void {
	const length = Array.from(text).length;
	if (!partial && typeof s.minLength === 'number' && length < s.minLength)
		fail(`must be at least ${s.minLength} characters`);
	if (typeof s.maxLength === 'number' && length > s.maxLength)
		fail(`must be at most ${s.maxLength} characters`);
	if (!partial && typeof s.pattern === 'string') {
		let re: RegExp | null;
		try {
			re = new RegExp(s.pattern, 'u');
		} catch {
			re = null;
		}
		if (re && !re.test(text)) fail(`must match ${s.pattern}`);
	}
}

function checkArray(
	s: Record<string, unknown>,
	list: unknown[],
	path: string,
	ctx: Ctx,
	fail: (m: string) => void,
): void {
	if (!ctx.partial && typeof s.minItems === 'number' && list.length < s.minItems)
		fail(`must have at least ${s.minItems} items`);
	if (typeof s.maxItems === 'number' && list.length > s.maxItems)
		fail(`must have at most ${s.maxItems} items`);
	const items = s.items;
	if (isObject(items) || typeof items === 'boolean')
		list.forEach((item, i) => check(items, item, join(path, i), ctx));
}

function checkObject(
	s: Record<string, unknown>,
	value: Record<string, unknown>,
	path: string,
	ctx: Ctx,
	fail: (m: string) => void,
): void {
	const properties = isObject(s.properties) ? s.properties : {};
	if (!ctx.partial && Array.isArray(s.required))
		for (const key of s.required)
			if (typeof key === 'string' && !(key in value))
				ctx.out.push({ path: join(path, key), message: 'is required' });
	for (const [key, item] of Object.entries(value)) {
		const sub = properties[key];
		if (isObject(sub) || typeof sub === 'boolean') check(sub, item, join(path, key), ctx);
		else if (s.additionalProperties === false)
			ctx.out.push({ path: join(path, key), message: 'is not an allowed property' });
		else if (isObject(s.additionalProperties))
			check(s.additionalProperties, item, join(path, key), ctx);
	}
	if (
		typeof s.minProperties === 'number' &&
		!ctx.partial &&
		Object.keys(value).length < s.minProperties
	)
		fail(`must have at least ${s.minProperties} properties`);
}
