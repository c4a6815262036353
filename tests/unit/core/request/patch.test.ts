import { describe, expect, it } from 'vitest';
import type { JsonPath } from '../../../../src/core/request/json';
import { DEFAULT_REQUEST_TEXT } from '../../../../src/core/request/normalize';
import { patchJson } from '../../../../src/core/request/patch';

const patched = (text: string, path: JsonPath, value: unknown) => {
	const result = patchJson(text, path, value);
	if (!result.ok) throw new Error(result.reason);
	return result.text;
};

const TWO_SPACES = `{
  "model": "openai/gpt-4o-mini",
  "messages": [
    { "role": "user", "content": "hi" }
  ],
  "temperature": 0.7
}
`;
const TABS = '{\n\t"model": "a",\n\t"provider": {\n\t\t"sort": "price"\n\t}\n}';
const ONE_LINE = '{"model":"a","messages":[{"role":"user","content":"hi"}]}';
const SPACED_LINE = '{ "model": "a", "messages": [] }';
const ODD = '{\n    "model" :   "a",   // not json\n}';

describe('patchJson: a form that writes back what it read changes nothing', () => {
	const texts = [TWO_SPACES, TABS, ONE_LINE, SPACED_LINE, DEFAULT_REQUEST_TEXT];
	it.each(texts)('round trip of %j', (text) => {
		const value = JSON.parse(text) as Record<string, unknown>;
		let out = text;
		for (const [key, v] of Object.entries(value)) out = patched(out, [key], v);
		expect(out).toBe(text);
		expect(patched(text, ['absent'], undefined)).toBe(text);
	});
});

describe('patchJson: each edit is exactly the intended change, formatting kept', () => {
	it.each([
		['replace a number', TWO_SPACES, ['temperature'], 0.2, TWO_SPACES.replace('0.7', '0.2')],
		[
			'add a member at the end, same indent',
			TWO_SPACES,
			['seed'],
			42,
			TWO_SPACES.replace('"temperature": 0.7\n', '"temperature": 0.7,\n  "seed": 42\n'),
		],
		[
			'remove the last member',
			TWO_SPACES,
			['temperature'],
			undefined,
			TWO_SPACES.replace(',\n  "temperature": 0.7', ''),
		],
		[
			'remove a middle member',
			TWO_SPACES,
			['messages'],
			undefined,
			'{\n  "model": "openai/gpt-4o-mini",\n  "temperature": 0.7\n}\n',
		],
		[
			'remove the first member',
			TWO_SPACES,
			['model'],
			undefined,
			TWO_SPACES.replace('"model": "openai/gpt-4o-mini",\n  ', ''),
		],
		[
			'tabs stay tabs',
			TABS,
			['provider', 'zdr'],
			true,
			TABS.replace('"price"\n', '"price",\n\t\t"zdr": true\n'),
		],
		[
			'a missing parent is created, indented',
			TABS,
			['reasoning', 'effort'],
			'high',
			TABS.replace('\t}\n}', '\t},\n\t"reasoning": {\n\t\t"effort": "high"\n\t}\n}'),
		],
		[
			'one-line objects stay on one line',
			ONE_LINE,
			['seed'],
			7,
			ONE_LINE.replace(/}$/, ',"seed":7}'),
		],
		[
			'spaced one-line objects keep spacing',
			SPACED_LINE,
			['seed'],
			7,
			'{ "model": "a", "messages": [], "seed": 7 }',
		],
		[
			'append to an array',
			SPACED_LINE,
			['messages', 0],
			{ role: 'user', content: 'x' },
			'{ "model": "a", "messages": [{"role":"user","content":"x"}] }',
		],
		[
			'remove an array item',
			'{"stop": ["a", "b", "c"]}',
			['stop', 1],
			undefined,
			'{"stop": ["a", "c"]}',
		],
		[
			'a one-line array of strings stays on one line',
			'{\n  "stop": ["a"]\n}',
			['stop'],
			['a', 'b'],
			'{\n  "stop": ["a", "b"]\n}',
		],
		[
			'a compact document stays compact',
			'{"stop":["a"]}',
			['stop'],
			['a', 'b'],
			'{"stop":["a","b"]}',
		],
		[
			'remove the last array item on one line',
			'{"stop": ["a", "b"]}',
			['stop', 1],
			undefined,
			'{"stop": ["a"]}',
		],
		[
			'remove the last array item of a multi-line array',
			'{\n  "stop": [\n    1,\n    22\n  ]\n}',
			['stop', 1],
			undefined,
			'{\n  "stop": [\n    1\n  ]\n}',
		],
		[
			'append to a multi-line array, the items before untouched',
			TWO_SPACES,
			['messages', 1],
			{ role: 'user', content: 'x' },
			TWO_SPACES.replace(
				'"hi" }\n',
				'"hi" },\n    {\n      "role": "user",\n      "content": "x"\n    }\n',
			),
		],
		[
			'a null parent becomes the object the field needs',
			'{\n  "provider": null\n}',
			['provider', 'sort'],
			'price',
			'{\n  "provider": {\n    "sort": "price"\n  }\n}',
		],
		['CRLF line ends stay CRLF', '{\r\n  "a": 1\r\n}', ['b'], 2, '{\r\n  "a": 1,\r\n  "b": 2\r\n}'],
		[
			'the last member of a nested object goes, its braces close up',
			'{\n  "provider": {\n    "sort": "price"\n  }\n}',
			['provider', 'sort'],
			undefined,
			'{\n  "provider": {}\n}',
		],
		[
			'an empty object grows one indented member',
			'{\n  "provider": {}\n}',
			['provider', 'sort'],
			'price',
			'{\n  "provider": {\n    "sort": "price"\n  }\n}',
		],
		[
			'a nested object value is indented from its line',
			'{\n  "a": 1\n}',
			['response_format'],
			{ type: 'json_object' },
			'{\n  "a": 1,\n  "response_format": {\n    "type": "json_object"\n  }\n}',
		],
		[
			'integer-like keys are found by position',
			'{"logit_bias": {"50256": -100, "11": 5}}',
			['logit_bias', '11'],
			undefined,
			'{"logit_bias": {"50256": -100}}',
		],
		['the only member goes, braces stay', '{\n  "a": 1\n}', ['a'], undefined, '{}'],
	] as [string, string, JsonPath, unknown, string][])('%s', (_, text, path, value, expected) => {
		expect(patched(text, path, value)).toBe(expected);
		expect(JSON.parse(patched(text, path, value))).toEqual(JSON.parse(expected));
	});

	it('refuses to patch text that is not JSON, naming the problem', () => {
		const result = patchJson(ODD, ['seed'], 1);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toMatch(/^Fix the JSON first/);
	});

	it('refuses while a key is written twice, since the form could change the copy that does not count', () => {
		const result = patchJson('{"seed": 1, "seed": 2}', ['seed'], 3);
		expect(!result.ok && result.reason).toMatch(/^Fix the JSON first: Duplicate key "seed"/);
	});

	it('refuses to skip array positions', () => {
		expect(patchJson('{"stop": []}', ['stop', 2], 'x').ok).toBe(false);
	});

	it('keeps every other byte of a big request', () => {
		const big = JSON.stringify(
			{ model: 'a', messages: [{ role: 'user', content: 'x'.repeat(100_000) }] },
			null,
			2,
		);
		const out = patched(big, ['model'], 'b');
		expect(out.length).toBe(big.length);
		expect(out.replace('"b"', '"a"')).toBe(big);
	});
});

describe('patchJson: every edit yields the value it meant, in every layout', () => {
	const layouts = [TWO_SPACES, TABS, ONE_LINE, SPACED_LINE, TWO_SPACES.replaceAll('\n', '\r\n')];
	const edits: [JsonPath, unknown][] = [
		[['seed'], 1],
		[['model'], undefined],
		[['messages'], []],
		[['messages', 0], undefined],
		[['stop'], ['a', 'b']],
		[
			['provider', 'order'],
			['x', 'y'],
		],
		[['reasoning', 'effort'], 'low'],
		[['response_format'], { type: 'json_schema', json_schema: { name: 'x', schema: {} } }],
	];
	it.each(layouts)('%j', (text) => {
		for (const [path, value] of edits) {
			const want = structuredClone(JSON.parse(text)) as Record<string, unknown>;
			const result = patchJson(text, path, value);
			if (!result.ok) continue; // an item that is not there to remove, or a missing parent
			let at: Record<string | number, unknown> | undefined = want;
			for (const key of path.slice(0, -1))
				at = (value === undefined ? at?.[key] : (at![key] ??= {})) as typeof at;
			const last = path[path.length - 1]!;
			if (value === undefined && Array.isArray(at)) at.splice(last as number, 1);
			else if (value === undefined) delete at?.[last];
			else at![last] = value;
			expect(JSON.parse(result.text), `${JSON.stringify(path)} in ${text}`).toEqual(want);
		}
	});
});
