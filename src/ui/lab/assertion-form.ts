/**
 * The assertion form's fields as text, turned into an assertion (or why not). Numbers and JSON are
 * typed by the user: every field is read as hostile and checked by core/lab/lab-file.ts's reader.
 */
import type { Assertion, AssertionKind } from '../../core/lab/assertions';
import { readAssertion } from '../../core/lab/lab-file';

export type AssertionFields = {
	kind: AssertionKind;
	value: string;
	ignoreCase: boolean;
	flags: string;
	expected: string;
};

const json = (text: string): { ok: true; value: unknown } | { ok: false } => {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false };
	}
};

/** `responseSchema`: the request's response_format schema, taken when the schema field is empty. */
export function buildAssertion(
	f: AssertionFields,
	responseSchema: unknown = null,
): Assertion | string {
	let raw: Record<string, unknown>;
	switch (f.kind) {
		case 'contains':
		case 'not-contains':
		case 'equals':
			if (!f.value) return 'Enter the text to look for';
			raw = { kind: f.kind, value: f.value, ignoreCase: f.ignoreCase };
			break;
		case 'regex':
			raw = { kind: 'regex', pattern: f.value, flags: f.flags };
			break;
		case 'valid-json':
			raw = { kind: 'valid-json' };
			break;
		case 'json-schema': {
			if (!f.value.trim()) {
				if (responseSchema === null || responseSchema === undefined)
					return 'Enter a schema, or give the request a response_format JSON schema';
				raw = { kind: 'json-schema', schema: responseSchema };
				break;
			}
			const schema = json(f.value);
			if (!schema.ok) return 'The schema is not JSON';
			raw = { kind: 'json-schema', schema: schema.value };
			break;
		}
		case 'json-pointer': {
			const expected = json(f.expected);
			if (!expected.ok) return 'The expected value is not JSON (quote a string: "Paris")';
			raw = { kind: 'json-pointer', pointer: f.value, expected: expected.value };
			break;
		}
		case 'max-latency':
			raw = { kind: 'max-latency', ms: Number(f.value) };
			break;
		case 'max-cost':
			raw = { kind: 'max-cost', usd: Number(f.value) };
			break;
	}
	return readAssertion(raw) ?? 'That assertion is not valid';
}

/** One line naming an assertion in the list. */
export function describeAssertion(a: Assertion): string {
	switch (a.kind) {
		case 'contains':
		case 'not-contains':
		case 'equals':
			return `${a.kind.replace('-', ' ')} ${JSON.stringify(a.value)}${a.ignoreCase ? ' (any case)' : ''}`;
		case 'regex':
			return `matches /${a.pattern}/${a.flags ?? ''}`;
		case 'valid-json':
			return 'is valid JSON';
		case 'json-schema':
			return 'matches a JSON schema';
		case 'json-pointer':
			return `${a.pointer || '(root)'} is ${JSON.stringify(a.expected)}`;
		case 'max-latency':
			return `latency at most ${a.ms} ms`;
		case 'max-cost':
			return `cost at most $${a.usd}`;
	}
}
