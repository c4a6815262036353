/**
 * The one JSON Schema validator of the app: tool parameters, structured outputs, the request
 * schema and the draft-07 meta-schema. @cfworker/json-schema interprets the schema (ajv compiles
 * it with `new Function`, which the production CSP, without 'unsafe-eval', forbids) and compares
 * objects by their members, not their key order. Schemas are read as draft-07. Unit tests check
 * it against ajv.
 */
import { Validator } from '@cfworker/json-schema';
import { issuesOf, type Issue, type Path } from './issues';
import { copySchema } from './open-schema';
import { findRefProblem } from './refs';

export type { Issue, Path };
/** The same with the path as a JSON Pointer (`/a/0/b`), as tool and output checks show it. */
export type Violation = { path: string; message: string };

export type ValidateOptions = {
	/** Partial input: skip checks that more text could still satisfy (required, minimums). */
	partial?: boolean;
};

type Prepared = { validator: Validator; schema: unknown } | { problem: string };

/** One validator per schema object and mode: a streamed answer is checked at every frame. */
const prepared = new WeakMap<object, { full?: Prepared; partial?: Prepared }>();

function prepare(schema: unknown, partial: boolean): Prepared {
	const problem = findRefProblem(schema);
	if (problem) return { problem: problem.message };
	const copy = copySchema(typeof schema === 'object' && schema !== null ? schema : true, partial);
	try {
		return { validator: new Validator(copy as object, '7', false), schema: copy };
	} catch (error) {
		return { problem: messageOf(error) };
	}
}

function preparedFor(schema: unknown, partial: boolean): Prepared {
	if (typeof schema !== 'object' || schema === null) return prepare(schema, partial);
	const entry = prepared.get(schema) ?? {};
	prepared.set(schema, entry);
	const mode = partial ? 'partial' : 'full';
	return (entry[mode] ??= prepare(schema, partial));
}

/** The first line of an error: the validator's "Unresolved $ref" lists every schema it knows. */
const messageOf = (error: unknown) =>
	(error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

const unusable = (why: string): Issue => ({
	path: [],
	keyword: 'schema',
	message: `the schema cannot be used: ${why}`,
});

/**
 * Issues of `value` against `schema`; none when it is valid. A schema that cannot be used (a `$ref`
 * cycle, a bad escape, too deep, a reference to another document) gives one issue with the
 * keyword `schema`, as does a value too deep to walk; this never throws.
 */
export function validate(value: unknown, schema: unknown, options: ValidateOptions = {}): Issue[] {
	const ready = preparedFor(schema, options.partial === true);
	if ('problem' in ready) return [unusable(ready.problem)];
	try {
		const result = ready.validator.validate(value);
		return result.valid ? [] : issuesOf(result.errors, ready.schema, value);
	} catch (error) {
		return [unusable(messageOf(error))];
	}
}

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
