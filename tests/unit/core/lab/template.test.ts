import { describe, expect, it } from 'vitest';
import {
	describeUnfilled,
	findVariables,
	substitute,
	VARIABLE_NAME,
} from '../../../../src/core/lab/template';
import type { ChatRequest } from '../../../../src/core/request/types';

const request: ChatRequest = {
	model: 'openai/gpt-4o',
	temperature: 0.2,
	stop: ['{{city}}'],
	messages: [
		{ role: 'system', content: 'You answer about {{ country }}.' },
		{
			role: 'user',
			content: [
				{ type: 'text', text: 'What is the capital of {{country}}? Answer in {{lang}}.' },
				{ type: 'image_url', image_url: { url: 'https://x.test/{{country}}.png' } },
			],
		},
		{ role: 'assistant', content: 'Noted: {{lang}}' },
		{ role: 'user', content: '{{user.name}} and {{q-1}} and {{_x}}' },
	],
};

const values = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('findVariables', () => {
	it('lists each name once, in order of first appearance, across roles and text parts', () => {
		expect(findVariables(request.messages)).toEqual(['country', 'lang', 'user.name', 'q-1', '_x']);
	});

	it.each([
		['{{a}}{{b}}{{a}}', ['a', 'b']],
		['{{  spaced\t}}', ['spaced']],
		['{{ two words }}', []],
		['{{1abc}}', []],
		['{{}} and {{ }}', []],
		['{a} and {{b} and {{c}}}', ['c']],
		['{{{d}}}', ['d']],
		['{{constructor}} {{__proto__}}', ['constructor', '__proto__']],
	])('%j uses %j', (content, names) => {
		expect(findVariables([{ role: 'user', content }])).toEqual(names);
	});

	it('ignores what is not message text, and messages that are not arrays', () => {
		expect(findVariables(undefined)).toEqual([]);
		expect(findVariables('{{a}}')).toEqual([]);
		expect(
			findVariables([
				null,
				{ role: 'assistant', content: null, tool_calls: [{ function: { arguments: '{{a}}' } }] },
				{ role: 'user', content: [{ type: 'image_url', text: '{{b}}' }, '{{c}}'] },
			]),
		).toEqual([]);
	});

	it('the name pattern is exported for the UI to check column names', () => {
		expect(VARIABLE_NAME.test('user.name')).toBe(true);
		expect(VARIABLE_NAME.test('9lives')).toBe(false);
	});
});

describe('substitute', () => {
	const all = values({
		country: 'France',
		lang: 'French',
		'user.name': 'Ann',
		'q-1': 'Q',
		_x: 'X',
	});

	it('fills every message text and nothing else', () => {
		const result = substitute(request, all);
		if (!result.ok) throw new Error('expected ok');
		expect(result.request.messages).toEqual([
			{ role: 'system', content: 'You answer about France.' },
			{
				role: 'user',
				content: [
					{ type: 'text', text: 'What is the capital of France? Answer in French.' },
					{ type: 'image_url', image_url: { url: 'https://x.test/{{country}}.png' } },
				],
			},
			{ role: 'assistant', content: 'Noted: French' },
			{ role: 'user', content: 'Ann and Q and X' },
		]);
		expect(result.request.stop).toEqual(['{{city}}']);
		expect(result.request.model).toBe('openai/gpt-4o');
	});

	it('does not change its input', () => {
		const before = structuredClone(request);
		const result = substitute(request, all);
		expect(request).toEqual(before);
		expect(result.ok && result.request).not.toBe(request);
		expect(result.ok && result.request.messages).not.toBe(request.messages);
	});

	it('is a single pass: values holding placeholders reach the model as written', () => {
		const result = substitute(
			{ messages: [{ role: 'user', content: '{{a}} / {{b}}' }] },
			values({ a: '{{b}}', b: '{{a}} $& $1 $$' }),
		);
		expect(result.ok && result.request.messages[0]?.content).toBe('{{b}} / {{a}} $& $1 $$');
	});

	it('names missing and empty values instead of leaving a placeholder in', () => {
		const result = substitute(request, values({ country: 'France', lang: '', _x: '' }));
		expect(result).toEqual({ ok: false, missing: ['user.name', 'q-1'], empty: ['lang', '_x'] });
	});

	it('takes names that objects already have as ordinary names', () => {
		const template: ChatRequest = {
			messages: [{ role: 'user', content: '{{constructor}}|{{__proto__}}|{{toString}}' }],
		};
		expect(substitute(template, new Map())).toEqual({
			ok: false,
			missing: ['constructor', '__proto__', 'toString'],
			empty: [],
		});
		const filled = substitute(
			template,
			values({ constructor: 'c', ['__proto__']: 'p', toString: 't' }),
		);
		expect(filled.ok && filled.request.messages[0]?.content).toBe('c|p|t');
	});

	it('keeps a message whose own "__proto__" key came from JSON', () => {
		const parsed = JSON.parse(
			'{"messages":[{"role":"user","content":"{{a}}","__proto__":{"x":1}}]}',
		) as ChatRequest;
		const result = substitute(parsed, values({ a: 'A' }));
		if (!result.ok) throw new Error('expected ok');
		const message = result.request.messages[0] as Record<string, unknown>;
		expect(Object.hasOwn(message, '__proto__')).toBe(true);
		expect(Object.getPrototypeOf(message)).toBe(Object.prototype);
		expect(message.content).toBe('A');
	});

	it('copies a request without variables', () => {
		const plain: ChatRequest = { messages: [{ role: 'user', content: 'hi' }] };
		expect(substitute(plain, new Map())).toEqual({ ok: true, request: plain });
	});
});

describe('describeUnfilled', () => {
	it('says which values are missing or empty', () => {
		expect(describeUnfilled(['a', 'b'], ['c'])).toBe('Missing value for a, b; empty value for c');
		expect(describeUnfilled([], ['c'])).toBe('Empty value for c');
	});
});
