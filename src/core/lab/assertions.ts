/**
 * Checks on one grid cell's answer: text, JSON, schema, latency and cost. Every verdict carries a
 * reason a person can act on ("latency 2 300 ms > 2 000 ms", "cost unknown").
 *
 * Regexes and schemas are the user's, and a pattern such as `^(a+)+$` takes exponential time on
 * an answer that almost matches. Core bounds what it can (pattern length, the length of text a
 * regex or schema check reads, allowed flags) but cannot stop a running match: the UI must call
 * `evaluate` for `regex` and `json-schema` off the main thread, in a worker it terminates after a
 * time limit, as core/schema/check.ts does for user schemas.
 */
import { MAX_JSON_DEPTH, measureJson } from '../json-bounds';
import { formatUsd } from '../money';
import { readStructured } from '../schema/structured';
import { toViolation, validate } from '../schema/validate';
import { groupDigits } from './format';
import { jsonEqual, resolvePointer } from './json-pointer';

export const ASSERTION_KINDS = [
	{ id: 'contains', label: 'Contains' },
	{ id: 'not-contains', label: 'Does not contain' },
	{ id: 'equals', label: 'Equals' },
	{ id: 'regex', label: 'Matches regex' },
	{ id: 'valid-json', label: 'Is valid JSON' },
	{ id: 'json-schema', label: 'Matches JSON schema' },
	{ id: 'json-pointer', label: 'JSON value at pointer' },
	{ id: 'max-latency', label: 'Latency at most (ms)' },
	{ id: 'max-cost', label: 'Cost at most (USD)' },
] as const;
export type AssertionKind = (typeof ASSERTION_KINDS)[number]['id'];

/** Fails to compile when a kind of the registry has no fields here. */
type FieldsOf<T extends Record<AssertionKind, object>> = T;
type Fields = FieldsOf<{
	contains: { value: string; ignoreCase?: boolean };
	'not-contains': { value: string; ignoreCase?: boolean };
	/** Compared with surrounding whitespace ignored: a trailing newline is not part of an answer. */
	equals: { value: string; ignoreCase?: boolean };
	/** Flags among `imsuv`; `g` and `y` would make a test depend on a previous one. */
	regex: { pattern: string; flags?: string };
	'valid-json': object;
	'json-schema': { schema: unknown };
	/** `expected` is a JSON value, compared with the value at `pointer` whatever the key order. */
	'json-pointer': { pointer: string; expected: unknown };
	'max-latency': { ms: number };
	'max-cost': { usd: number };
}>;
export type Assertion = { [K in AssertionKind]: { kind: K } & Fields[K] }[AssertionKind];

/** What a check reads of a finished cell; `costUsd` is null when the cost is not known. */
export type AssertionCell = { text: string; latencyMs: number; costUsd: number | null };
export type Verdict = { pass: boolean; reason: string };

export type EvaluateLimits = {
	/** Longer answers fail regex and JSON checks instead of being read. */
	maxInputChars: number;
};
export const DEFAULT_EVALUATE_LIMITS: EvaluateLimits = { maxInputChars: 100_000 };
export const MAX_PATTERN_CHARS = 1_000;
const ALLOWED_FLAGS = /^[imsuv]*$/;

const verdict = (pass: boolean, reason: string): Verdict => ({ pass, reason });

/** A value inside a reason: quoted, clipped, line breaks visible. */
function shown(value: unknown, max = 60): string {
	const text =
		typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? 'undefined');
	return text.length > max ? `${text.slice(0, max - 2)}…${text.slice(-1)}` : text;
}

function checkContains(a: { value: string; ignoreCase?: boolean }, text: string, negate: boolean) {
	const fold = (s: string) => (a.ignoreCase ? s.toLowerCase() : s);
	const at = fold(text).indexOf(fold(a.value));
	const how = a.ignoreCase ? ' (ignoring case)' : '';
	if (negate)
		return at === -1
			? verdict(true, `does not contain ${shown(a.value)}${how}`)
			: verdict(
					false,
					`expected not to contain ${shown(a.value)}${how}, found at character ${at + 1}`,
				);
	return at === -1
		? verdict(false, `expected to contain ${shown(a.value)}${how}`)
		: verdict(true, `contains ${shown(a.value)}${how}`);
}

function checkEquals(a: Fields['equals'], text: string): Verdict {
	const fold = (s: string) => (a.ignoreCase ? s.trim().toLowerCase() : s.trim());
	const how = a.ignoreCase ? ' (ignoring case)' : '';
	return fold(text) === fold(a.value)
		? verdict(true, `equals ${shown(a.value)}${how}`)
		: verdict(false, `expected ${shown(a.value)}${how}, got ${shown(text.trim())}`);
}

function checkRegex(a: Fields['regex'], text: string): Verdict {
	const flags = a.flags ?? '';
	if (a.pattern.length > MAX_PATTERN_CHARS)
		return verdict(
			false,
			`invalid regex: longer than ${groupDigits(MAX_PATTERN_CHARS)} characters`,
		);
	if (!ALLOWED_FLAGS.test(flags))
		return verdict(false, `invalid regex: flags may only be i, m, s, u and v, not "${flags}"`);
	let regex: RegExp;
	try {
		regex = new RegExp(a.pattern, flags);
	} catch (error) {
		return verdict(false, `invalid regex: ${(error as Error).message}`);
	}
	const shownPattern = `/${a.pattern.length > 60 ? `${a.pattern.slice(0, 59)}…` : a.pattern}/${flags}`;
	return regex.test(text)
		? verdict(true, `matches ${shownPattern}`)
		: verdict(false, `expected to match ${shownPattern}`);
}

/** The answer as JSON (a ```json fence allowed, as models add one), or why it is not. */
function readJson(text: string): { value: unknown } | Verdict {
	// Reasons print what they find, and JSON.stringify recurses: refuse what nests absurdly deep.
	if (!measureJson(text, MAX_JSON_DEPTH).ok)
		return verdict(false, `not valid JSON: nests deeper than ${MAX_JSON_DEPTH} levels`);
	const read = readStructured(text, true);
	if (read.state === 'value') return { value: read.value };
	return verdict(false, `not valid JSON: ${read.state === 'not-json' ? read.message : 'empty'}`);
}

function checkSchema(schema: unknown, value: unknown): Verdict {
	const issues = validate(value, schema);
	const unusable = issues.find((issue) => issue.keyword === 'schema');
	if (unusable) return verdict(false, `invalid schema: ${unusable.message}`);
	if (issues.length === 0) return verdict(true, 'matches the schema');
	const first = toViolation(issues[0]!);
	const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
	return verdict(
		false,
		`does not match the schema: ${first.path || '(root)'} ${first.message}${more}`,
	);
}

function checkPointer(a: Fields['json-pointer'], value: unknown): Verdict {
	const found = resolvePointer(value, a.pointer);
	const where = a.pointer === '' ? 'the answer' : a.pointer;
	if (found.state === 'invalid') return verdict(false, `invalid JSON pointer: ${found.message}`);
	if (found.state === 'missing') return verdict(false, `nothing at ${where}`);
	return jsonEqual(found.value, a.expected)
		? verdict(true, `${where} is ${shown(a.expected)}`)
		: verdict(false, `${where} is ${shown(found.value)}, expected ${shown(a.expected)}`);
}

function checkLatency(limit: number, latencyMs: number): Verdict {
	if (!Number.isFinite(limit) || limit < 0) return verdict(false, 'invalid latency limit');
	const ms = (n: number) => `${groupDigits(Math.round(n))} ms`;
	return latencyMs <= limit
		? verdict(true, `latency ${ms(latencyMs)} ≤ ${ms(limit)}`)
		: verdict(false, `latency ${ms(latencyMs)} > ${ms(limit)}`);
}

function checkCost(limit: number, cost: number | null): Verdict {
	if (!Number.isFinite(limit) || limit < 0) return verdict(false, 'invalid cost limit');
	if (cost === null) return verdict(false, 'cost unknown');
	return cost <= limit
		? verdict(true, `cost ${formatUsd(cost)} ≤ ${formatUsd(limit)}`)
		: verdict(false, `cost ${formatUsd(cost)} > ${formatUsd(limit)}`);
}

/** Kinds that run the user's patterns or parse the whole answer, and so read bounded input. */
const BOUNDED: ReadonlySet<AssertionKind> = new Set([
	'regex',
	'valid-json',
	'json-schema',
	'json-pointer',
]);

/** Whether one cell passes one check, and why. Never throws. */
export function evaluate(
	assertion: Assertion,
	cell: AssertionCell,
	limits: EvaluateLimits = DEFAULT_EVALUATE_LIMITS,
): Verdict {
	const { text } = cell;
	if (BOUNDED.has(assertion.kind) && text.length > limits.maxInputChars)
		return verdict(
			false,
			`answer too long to check: ${groupDigits(text.length)} characters, at most ${groupDigits(limits.maxInputChars)}`,
		);
	switch (assertion.kind) {
		case 'contains':
			return checkContains(assertion, text, false);
		case 'not-contains':
			return checkContains(assertion, text, true);
		case 'equals':
			return checkEquals(assertion, text);
		case 'regex':
			return checkRegex(assertion, text);
		case 'max-latency':
			return checkLatency(assertion.ms, cell.latencyMs);
		case 'max-cost':
			return checkCost(assertion.usd, cell.costUsd);
	}
	const json = readJson(text);
	if ('pass' in json) return json;
	if (assertion.kind === 'valid-json') return verdict(true, 'valid JSON');
	if (assertion.kind === 'json-schema') return checkSchema(assertion.schema, json.value);
	return checkPointer(assertion, json.value);
}

/** All checks of a cell; it passes when every one does (and when there are none). */
export function evaluateAll(
	assertions: readonly Assertion[],
	cell: AssertionCell,
	limits: EvaluateLimits = DEFAULT_EVALUATE_LIMITS,
): { pass: boolean; verdicts: Verdict[] } {
	const verdicts = assertions.map((assertion) => evaluate(assertion, cell, limits));
	return { pass: verdicts.every((v) => v.pass), verdicts };
}
