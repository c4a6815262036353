import { describe, expect, it } from 'vitest';
import { buildAssertion, type AssertionFields } from '../../../../src/ui/lab/assertion-form';

const fields = (value: string): AssertionFields => ({
	kind: 'json-schema',
	value,
	ignoreCase: false,
	flags: '',
	expected: '',
});

describe('buildAssertion: a JSON schema check', () => {
	const responseSchema = { type: 'object', required: ['city'] };

	it("takes the request's response_format schema when none is typed", () => {
		expect(buildAssertion(fields(''), responseSchema)).toEqual({
			kind: 'json-schema',
			schema: responseSchema,
		});
	});

	it('prefers the schema typed, and names what is missing when there is neither', () => {
		expect(buildAssertion(fields('{"type": "array"}'), responseSchema)).toEqual({
			kind: 'json-schema',
			schema: { type: 'array' },
		});
		expect(buildAssertion(fields('  '))).toMatch(/response_format/);
		expect(buildAssertion(fields('{oops'))).toBe('The schema is not JSON');
	});
});
