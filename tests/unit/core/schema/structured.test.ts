import { describe, expect, it } from 'vitest';
import { formatStructured, structuredKind } from '../../../../src/core/schema/structured';

describe('structured-output answers', () => {
	it.each([
		[
			{ response_format: { type: 'json_schema', json_schema: { name: 'x', schema: {} } } },
			'json_schema',
		],
		[{ response_format: { type: 'json_object' } }, 'json_object'],
		[{ response_format: { type: 'text' } }, null],
		[{ response_format: 'json_object' }, null],
		[{}, null],
		[null, null],
	])('%j asks for %s', (body, kind) => {
		expect(structuredKind(body as Record<string, unknown> | null)).toBe(kind);
	});

	it('formats the finished answer, fenced or not, as indented JSON', () => {
		expect(formatStructured('{"a":1,"b":[true,null]}')).toBe(
			'{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ]\n}',
		);
		expect(formatStructured('```json\n{"a":"x"}\n```')).toBe('{\n  "a": "x"\n}');
	});

	it('gives nothing for text that is not JSON', () => {
		expect(formatStructured('{"a":')).toBeNull();
		expect(formatStructured('Sure! Here it is.')).toBeNull();
		expect(formatStructured('')).toBeNull();
	});
});
