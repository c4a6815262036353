import { parsePartialJson } from './partial-json';
import { toViolation, validate, type Issue, type Violation } from './validate';

/** What the structured-output check says about the answer so far. */
export type StructuredCheck =
	| { state: 'waiting' }
	| { state: 'ok-so-far' }
	| { state: 'valid' }
	| { state: 'violations'; violations: Violation[]; final: boolean }
	| { state: 'not-json'; message: string }
	| { state: 'bad-schema'; message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The schema of `response_format: {type: 'json_schema', json_schema: {schema}}`, or null. */
export function structuredSchema(body: Record<string, unknown> | null): unknown {
	const format = body?.response_format;
	if (!isObject(format) || format.type !== 'json_schema' || !isObject(format.json_schema))
		return null;
	return format.json_schema.schema ?? null;
}

/** Whether the request asks for JSON: with a schema, as any JSON object, or not at all. */
export function structuredKind(
	body: Record<string, unknown> | null,
): 'json_schema' | 'json_object' | null {
	const format = body?.response_format;
	const type = isObject(format) ? format.type : undefined;
	return type === 'json_schema' || type === 'json_object' ? type : null;
}

/** The finished answer as indented JSON for reading, or null when it is not JSON. */
export function formatStructured(text: string): string | null {
	const read = readStructured(text, true);
	return read.state === 'value' ? JSON.stringify(read.value, null, 2) : null;
}

/** Some models wrap the JSON in a ```json fence although they were asked for JSON. */
const unfence = (text: string) =>
	text.replace(/^\s*```(?:json)?\s*\n?/i, '').replace(/\n?```\s*$/, '');

/** The answer so far read as JSON: nothing yet, not JSON, or a value to check. */
export type StructuredRead =
	| { state: 'waiting' }
	| { state: 'not-json'; message: string }
	| { state: 'value'; value: unknown; partial: boolean; final: boolean };

/**
 * Reads streamed text for the check: while streaming, only what is already settled (partial
 * JSON); once `done`, the whole value.
 */
export function readStructured(text: string, done: boolean): StructuredRead {
	const source = unfence(text);
	if (!source.trim())
		return done ? { state: 'not-json', message: 'the answer is empty' } : { state: 'waiting' };
	if (done) {
		try {
			return { state: 'value', value: JSON.parse(source), partial: false, final: true };
		} catch (error) {
			return { state: 'not-json', message: (error as Error).message };
		}
	}
	const parsed = parsePartialJson(source);
	if (!parsed.ok) return { state: 'not-json', message: parsed.message };
	if (parsed.value === undefined) return { state: 'waiting' };
	return { state: 'value', value: parsed.value, partial: !parsed.complete, final: false };
}

/**
 * Checks streamed text against a schema, on this thread: "valid", "ok so far" or the violating
 * paths. The app checks user schemas in a worker instead (core/schema/check.ts); this is the same
 * verdict for tests and the request's own schemas.
 */
export function checkStructured(text: string, schema: unknown, done: boolean): StructuredCheck {
	const read = readStructured(text, done);
	if (read.state !== 'value') return read;
	return verdict(validate(read.value, schema, { partial: read.partial }), read.final);
}

/** The verdict on the issues of a read value (`final`: the answer is complete). */
export function verdict(issues: Issue[], final: boolean): StructuredCheck {
	const unusable = issues.find((issue) => issue.keyword === 'schema');
	if (unusable) return { state: 'bad-schema', message: unusable.message };
	if (issues.length === 0) return final ? { state: 'valid' } : { state: 'ok-so-far' };
	return { state: 'violations', violations: issues.map(toViolation), final };
}
