import { describe, expect, it } from 'vitest';
import { lineColumn } from '../../../../src/core/request/json';
import {
	DEFAULT_REQUEST,
	DEFAULT_REQUEST_TEXT,
	normalizeRequest,
} from '../../../../src/core/request/normalize';
import { parseRequest } from '../../../../src/core/request/parse';

const first = (text: string) => {
	const result = parseRequest(text);
	if (result.ok) throw new Error('expected a problem');
	const [d] = result.diagnostics;
	return { message: d?.message, line: d?.line, column: d?.column, severity: d?.severity };
};

const MSG = '"messages": [{"role": "user", "content": "hi"}]';

describe('parseRequest: syntax errors name line and column', () => {
	it.each([
		[
			'missing comma between properties',
			'{\n  "model": "a"\n  "messages": []\n}',
			3,
			3,
			"Expected ',' or '}'",
		],
		[
			'missing comma in an array',
			`{${MSG.replace('}]', '} {"role":"user","content":"x"}]')}}`,
			1,
			49,
			"Expected ',' or ']'",
		],
		['trailing comma in an object', `{\n  ${MSG},\n}`, 2, 50, 'Trailing comma'],
		['trailing comma in an array', '{"messages": [1,]}', 1, 16, 'Trailing comma'],
		['single-quoted key', "{'model': 1}", 1, 2, 'double-quoted'],
		['single-quoted value', `{"model": 'x'}`, 1, 11, 'double quotes'],
		['unterminated string', '{\n  "model": "open', 2, 12, 'Unterminated string'],
		['line break inside a string', '{"model": "a\nb"}', 1, 11, 'Unterminated string'],
		['end of input', '{"model": "a",', 1, 15, 'end of input'],
		['garbage after the value', `{${MSG}} x`, 1, 51, 'after the end'],
		['bad escape', '{"model": "\\x"}', 1, 12, 'Invalid escape'],
		['bad number', '{"max_tokens": 01}', 1, 16, 'Invalid number'],
		[
			'CRLF line endings count lines',
			'{\r\n  "model": "a",\r\n  "messages": [\r\n    }\r\n}',
			4,
			5,
			'expected a value',
		],
		['lone CR line endings', '{\r"model": "a"\r"x": 1}', 3, 1, "Expected ',' or '}'"],
		// Columns are UTF-16 code units, as in editors: the emoji counts 2.
		['unicode before the error', '{"model": "日本🚀" "x": 1}', 1, 18, "Expected ',' or '}'"],
	])('%s', (_name, text, line, column, message) => {
		const d = first(text);
		expect({ line: d.line, column: d.column }).toEqual({ line, column });
		expect(d.message).toContain(message);
		expect(d.severity).toBe('error');
	});

	it('an empty editor says so', () => {
		expect(first('   ').message).toContain('empty');
	});
});

describe('parseRequest: shape errors point at the field', () => {
	it.each([
		['not an object', '[1, 2]', 1, 1, 'must be a JSON object'],
		['messages missing', '{"model": "a"}', 1, 1, '"messages" is required'],
		['messages empty', '{\n  "messages": []\n}', 2, 15, 'at least one message'],
		['messages not a list', '{"messages": "hi"}', 1, 14, 'must be a list'],
		[
			'unknown role',
			'{"messages": [\n  {"role": "robot", "content": "x"}\n]}',
			2,
			12,
			'"role" must be one of',
		],
		[
			'tool message without tool_call_id',
			'{"messages": [{"role": "tool", "content": "x"}]}',
			1,
			15,
			'tool_call_id',
		],
		[
			'model not a string',
			'{"model": 5, "messages": [{"role":"user","content":"x"}]}',
			1,
			11,
			'"model" must be a string',
		],
		[
			'stream not a boolean',
			'{"stream": "yes", "messages": [{"role":"user","content":"x"}]}',
			1,
			12,
			'"stream" must be true or false',
		],
		['content missing', '{"messages": [{"role": "user"}]}', 1, 15, '"content" is required'],
	])('%s', (_name, text, line, column, message) => {
		const d = first(text);
		expect({ line: d.line, column: d.column }).toEqual({ line, column });
		expect(d.message).toContain(message);
	});

	it('a duplicate key is a warning, not an error, and the last value wins like JSON.parse', () => {
		const result = parseRequest(`{"model": "a", "model": "b", ${MSG}}`);
		expect(result.ok).toBe(true);
		expect(result.ok && result.value.model).toBe('b');
		expect(result.diagnostics).toMatchObject([{ severity: 'warning', line: 1, column: 16 }]);
	});
});

describe('parseRequest: valid requests', () => {
	it.each([
		['the default request', DEFAULT_REQUEST_TEXT],
		[
			'an assistant message without content',
			`{"messages": [{"role":"user","content":"x"},{"role":"assistant","tool_calls":[]}]}`,
		],
		[
			'multimodal content parts',
			`{"messages": [{"role":"user","content":[{"type":"text","text":"a"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]}]}`,
		],
		[
			'escapes and unicode',
			`{"messages": [{"role":"user","content":"\\u00e9\\n\\"q\\" 🚀"}], "stop": ["\\n\\nEND"]}`,
		],
		[
			'numbers of every form',
			`{${MSG}, "temperature": -0.5e-2, "seed": 12345678901, "top_p": 1E0}`,
		],
		['a legacy prompt instead of messages', '{"model": "a", "prompt": "hi"}'],
	])('%s', (_name, text) => {
		const result = parseRequest(text);
		expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		expect(result.ok && result.value).toEqual(JSON.parse(text));
	});
});

describe('normalizeRequest', () => {
	it('keeps key order and drops undefined', () => {
		const body = normalizeRequest({
			stream: true,
			model: 'm',
			messages: [],
			max_tokens: undefined,
		} as never);
		expect(Object.keys(body)).toEqual(['stream', 'model', 'messages']);
	});

	it('the default request always caps max_tokens and streams', () => {
		expect(JSON.parse(DEFAULT_REQUEST_TEXT)).toEqual(DEFAULT_REQUEST);
		expect(DEFAULT_REQUEST.max_tokens).toBeGreaterThan(0);
		expect(DEFAULT_REQUEST.stream).toBe(true);
	});
});

describe('lineColumn', () => {
	it('counts \\n, \\r\\n and lone \\r as line ends', () => {
		expect(lineColumn('a\nb\r\nc\rd', 7)).toEqual({ line: 4, column: 1 });
	});
});
