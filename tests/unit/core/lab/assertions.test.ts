import { describe, expect, it } from 'vitest';
import {
	ASSERTION_KINDS,
	evaluate,
	evaluateAll,
	MAX_PATTERN_CHARS,
	type Assertion,
	type AssertionCell,
} from '../../../../src/core/lab/assertions';

const NB = '\u00a0';
const cell = (text: string, more: Partial<AssertionCell> = {}): AssertionCell => ({
	text,
	latencyMs: 1200,
	costUsd: 0.0012,
	...more,
});

describe('the registry', () => {
	it('has one entry per kind, each with a label', () => {
		const ids = ASSERTION_KINDS.map((kind) => kind.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toContain('json-pointer');
		expect(ASSERTION_KINDS.every((kind) => kind.label.length > 0)).toBe(true);
	});
});

/** A RegExp where the reason quotes the engine's own message, which varies between versions. */
type Row = [string, Assertion, AssertionCell, boolean, string | RegExp];

const table: Row[] = [
	// Text
	[
		'contains',
		{ kind: 'contains', value: 'Paris' },
		cell('It is Paris.'),
		true,
		'contains "Paris"',
	],
	[
		'contains, case matters',
		{ kind: 'contains', value: 'Paris' },
		cell('paris'),
		false,
		'expected to contain "Paris"',
	],
	[
		'contains, ignoring case',
		{ kind: 'contains', value: 'PARIS', ignoreCase: true },
		cell('paris'),
		true,
		'contains "PARIS" (ignoring case)',
	],
	[
		'not-contains',
		{ kind: 'not-contains', value: 'sorry' },
		cell('Well, sorry.'),
		false,
		'expected not to contain "sorry", found at character 7',
	],
	[
		'not-contains, passing',
		{ kind: 'not-contains', value: 'Sorry' },
		cell('sorry'),
		true,
		'does not contain "Sorry"',
	],
	['equals, trimmed', { kind: 'equals', value: 'Paris' }, cell(' Paris\n'), true, 'equals "Paris"'],
	[
		'equals, different',
		{ kind: 'equals', value: 'Paris' },
		cell('paris\n'),
		false,
		'expected "Paris", got "paris"',
	],
	[
		'equals, ignoring case',
		{ kind: 'equals', value: 'Paris', ignoreCase: true },
		cell('PARIS'),
		true,
		'equals "Paris" (ignoring case)',
	],
	[
		'equals shows long answers clipped and line breaks escaped',
		{ kind: 'equals', value: 'x' },
		cell(`a\nb${'c'.repeat(100)}`),
		false,
		`expected "x", got "a\\nb${'c'.repeat(53)}…"`,
	],
	// Regex
	['regex', { kind: 'regex', pattern: '^\\d{4}$' }, cell('2024'), true, 'matches /^\\d{4}$/'],
	[
		'regex with flags',
		{ kind: 'regex', pattern: '^yes', flags: 'im' },
		cell('no\nYES'),
		true,
		'matches /^yes/im',
	],
	[
		'regex failing',
		{ kind: 'regex', pattern: 'a+b' },
		cell('aaa'),
		false,
		'expected to match /a+b/',
	],
	[
		'regex invalid',
		{ kind: 'regex', pattern: '(' },
		cell('x'),
		false,
		/^invalid regex: Invalid regular expression: \/\(\/: /,
	],
	[
		'regex with a stateful flag',
		{ kind: 'regex', pattern: 'a', flags: 'g' },
		cell('a'),
		false,
		'invalid regex: flags may only be i, m, s, u and v, not "g"',
	],
	[
		'regex too long',
		{ kind: 'regex', pattern: 'a'.repeat(MAX_PATTERN_CHARS + 1) },
		cell('a'),
		false,
		`invalid regex: longer than 1${NB}000 characters`,
	],
	// JSON
	['valid-json', { kind: 'valid-json' }, cell('{"a":1}'), true, 'valid JSON'],
	['valid-json, fenced', { kind: 'valid-json' }, cell('```json\n[1]\n```'), true, 'valid JSON'],
	['valid-json, not JSON', { kind: 'valid-json' }, cell('{"a":'), false, /^not valid JSON: \S/],
	[
		'valid-json, empty',
		{ kind: 'valid-json' },
		cell('  '),
		false,
		'not valid JSON: the answer is empty',
	],
	[
		'valid-json, absurdly deep',
		{ kind: 'valid-json' },
		cell('['.repeat(5000) + ']'.repeat(5000)),
		false,
		'not valid JSON: nests deeper than 100 levels',
	],
	[
		'json-schema',
		{ kind: 'json-schema', schema: { type: 'object', required: ['city'] } },
		cell('{"city":"Paris"}'),
		true,
		'matches the schema',
	],
	[
		'json-schema, violated',
		{
			kind: 'json-schema',
			schema: { type: 'object', properties: { n: { type: 'number' } }, required: ['city'] },
		},
		cell('{"n":"3"}'),
		false,
		'does not match the schema: /city is required (and 1 more)',
	],
	[
		'json-schema, wrong type at the root',
		{ kind: 'json-schema', schema: { type: 'array' } },
		cell('{}'),
		false,
		'does not match the schema: (root) must be array, not object',
	],
	[
		'json-schema, unusable schema',
		{ kind: 'json-schema', schema: { $ref: '#/definitions/none' } },
		cell('{}'),
		false,
		'invalid schema: the schema cannot be used: Unresolved $ref "#/definitions/none".  Absolute URI "https://github.com/cfworker#/definitions/none".',
	],
	[
		'json-pointer, key order not significant',
		{ kind: 'json-pointer', pointer: '/answer', expected: { b: [1, 2], a: 'x' } },
		cell('{"answer":{"a":"x","b":[1,2]}}'),
		true,
		'/answer is {"b":[1,2],"a":"x"}',
	],
	[
		'json-pointer, different value',
		{ kind: 'json-pointer', pointer: '/items/1', expected: 3 },
		cell('{"items":[1,4]}'),
		false,
		'/items/1 is 4, expected 3',
	],
	[
		'json-pointer, whole answer',
		{ kind: 'json-pointer', pointer: '', expected: 'x' },
		cell('"y"'),
		false,
		'the answer is "y", expected "x"',
	],
	[
		'json-pointer, nothing there',
		{ kind: 'json-pointer', pointer: '/items/9', expected: 3 },
		cell('{"items":[1,4]}'),
		false,
		'nothing at /items/9',
	],
	[
		'json-pointer, invalid pointer',
		{ kind: 'json-pointer', pointer: 'items', expected: 3 },
		cell('{}'),
		false,
		'invalid JSON pointer: a JSON pointer starts with "/"',
	],
	[
		'json-pointer, answer not JSON',
		{ kind: 'json-pointer', pointer: '/a', expected: 1 },
		cell('The answer is 1'),
		false,
		/^not valid JSON: \S/,
	],
	// Latency and cost
	[
		'max-latency',
		{ kind: 'max-latency', ms: 2000 },
		cell('', { latencyMs: 2300 }),
		false,
		`latency 2${NB}300 ms > 2${NB}000 ms`,
	],
	[
		'max-latency, within',
		{ kind: 'max-latency', ms: 2000 },
		cell('', { latencyMs: 2000 }),
		true,
		`latency 2${NB}000 ms ≤ 2${NB}000 ms`,
	],
	[
		'max-latency, no limit',
		{ kind: 'max-latency', ms: Number.NaN },
		cell(''),
		false,
		'invalid latency limit',
	],
	[
		'max-cost, unknown',
		{ kind: 'max-cost', usd: 0.01 },
		cell('', { costUsd: null }),
		false,
		'cost unknown',
	],
	[
		'max-cost, over',
		{ kind: 'max-cost', usd: 0.01 },
		cell('', { costUsd: 0.0123 }),
		false,
		'cost $0.0123 > $0.01',
	],
	[
		'max-cost, within',
		{ kind: 'max-cost', usd: 0.01 },
		cell('', { costUsd: 0.0012 }),
		true,
		'cost $0.0012 ≤ $0.01',
	],
	['max-cost, negative', { kind: 'max-cost', usd: -1 }, cell(''), false, 'invalid cost limit'],
];

describe('evaluate', () => {
	it.each(table)('%s', (_name, assertion, input, pass, reason) => {
		const verdict = evaluate(assertion, input);
		expect(verdict.pass).toBe(pass);
		if (typeof reason === 'string') expect(verdict.reason).toBe(reason);
		else expect(verdict.reason).toMatch(reason);
	});

	it('every kind of the registry is in the table above', () => {
		const tested = new Set(table.map(([, assertion]) => assertion.kind));
		expect(ASSERTION_KINDS.filter((kind) => !tested.has(kind.id))).toEqual([]);
	});

	it('refuses to run patterns and parsers on answers above the input limit', () => {
		const limits = { maxInputChars: 10 };
		const long = cell('a'.repeat(11));
		const reason = `answer too long to check: 11 characters, at most 10`;
		for (const assertion of [
			{ kind: 'regex', pattern: '(a+)+$' },
			{ kind: 'valid-json' },
			{ kind: 'json-schema', schema: {} },
			{ kind: 'json-pointer', pointer: '', expected: 1 },
		] as const)
			expect(evaluate(assertion, long, limits)).toEqual({ pass: false, reason });
		// Plain text checks are linear and read any length.
		expect(evaluate({ kind: 'contains', value: 'a' }, long, limits).pass).toBe(true);
		expect(evaluate({ kind: 'regex', pattern: 'a' }, cell('a'.repeat(10)), limits).pass).toBe(true);
	});

	it('a regex with the g flag could not make a later test differ: it is refused outright', () => {
		const assertion: Assertion = { kind: 'regex', pattern: 'a', flags: 'gy' };
		expect(evaluate(assertion, cell('a')).pass).toBe(false);
	});
});

describe('evaluateAll', () => {
	it('passes when every check passes', () => {
		const checks: Assertion[] = [
			{ kind: 'contains', value: 'Paris' },
			{ kind: 'max-latency', ms: 1000 },
		];
		expect(evaluateAll(checks, cell('Paris', { latencyMs: 500 })).pass).toBe(true);
		const failing = evaluateAll(checks, cell('Paris', { latencyMs: 1500 }));
		expect(failing.pass).toBe(false);
		expect(failing.verdicts.map((v) => v.pass)).toEqual([true, false]);
		expect(evaluateAll([], cell('')).pass).toBe(true);
	});
});
