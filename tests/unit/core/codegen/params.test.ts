import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { toPython } from '../../../../src/core/codegen/literal';
import {
	camelizeForSdk,
	sdkDrops,
	splitOpenAiParams,
	withoutSdkDrops,
} from '../../../../src/core/codegen/params';
import { generatePythonOpenAi } from '../../../../src/core/codegen/python';

describe('splitOpenAiParams (Python extra_body, TypeScript spread)', () => {
	it('keeps OpenAI parameters as arguments and moves OpenRouter-only ones to extra_body', () => {
		const body = {
			model: 'm',
			messages: [],
			temperature: 0.2,
			tools: [],
			response_format: { type: 'json_object' },
			provider: { sort: 'price' },
			reasoning: { effort: 'high' },
			models: ['a'],
			top_k: 5,
			plugins: [{ id: 'web' }],
			transforms: ['middle-out'],
			usage: { include: true },
		};
		expect(splitOpenAiParams(body)).toEqual({
			standard: {
				model: 'm',
				messages: [],
				temperature: 0.2,
				tools: [],
				response_format: { type: 'json_object' },
			},
			extra: {
				provider: { sort: 'price' },
				reasoning: { effort: 'high' },
				models: ['a'],
				top_k: 5,
				plugins: [{ id: 'web' }],
				transforms: ['middle-out'],
				usage: { include: true },
			},
		});
	});

	it('the Python OpenAI snippet passes extra_body as a dict Python evaluates back to the same data', () => {
		const body = {
			model: 'm',
			messages: [{ role: 'user', content: 'it\'s "x" \\ 🚀' }],
			provider: { allow_fallbacks: false, order: ['a'] },
			seed: null,
			stream: true,
		};
		const code = generatePythonOpenAi(body, { baseUrl: 'https://openrouter.ai/api/v1' });
		expect(code).toContain('extra_body={');
		expect(code).not.toContain('default_headers');
		// Evaluate the literal part in Python and compare with the JSON.
		const literal = toPython({ provider: body.provider });
		const out = execFileSync('python3', ['-c', `import json; print(json.dumps(${literal}))`], {
			encoding: 'utf8',
		});
		expect(JSON.parse(out)).toEqual({ provider: body.provider });
	});

	it('toPython round-trips every JSON value through Python', () => {
		const value = {
			a: [true, false, null, 0, -1.5e-7, 12345678901],
			s: 'quote " apostrophe \' back \\ nl \n tab \t é 日本 🚀 \u2028',
			e: {},
			l: [],
		};
		const out = execFileSync(
			'python3',
			['-c', `import json; print(json.dumps(${toPython(value)}))`],
			{ encoding: 'utf8' },
		);
		expect(JSON.parse(out)).toEqual(value);
	});
});

describe('camelizeForSdk', () => {
	it('renames wire fields but never the user data inside schemas and maps', () => {
		const body = {
			max_tokens: 5,
			response_format: {
				type: 'json_schema',
				json_schema: { name: 'x', schema: { properties: { snake_case: { type: 'string' } } } },
			},
			tools: [
				{
					type: 'function',
					function: { name: 'f', parameters: { properties: { city_name: {} } } },
				},
			],
			metadata: { user_id: 'u' },
			messages: [
				{
					role: 'tool',
					tool_call_id: 'c',
					content: [{ type: 'image_url', image_url: { url: 'u' } }],
				},
			],
		};
		expect(camelizeForSdk(body)).toEqual({
			maxTokens: 5,
			responseFormat: {
				type: 'json_schema',
				jsonSchema: { name: 'x', schema: { properties: { snake_case: { type: 'string' } } } },
			},
			tools: [
				{
					type: 'function',
					function: { name: 'f', parameters: { properties: { city_name: {} } } },
				},
			],
			metadata: { user_id: 'u' },
			messages: [
				{ role: 'tool', toolCallId: 'c', content: [{ type: 'image_url', imageUrl: { url: 'u' } }] },
			],
		});
	});

	it('names what the SDK cannot send', () => {
		const body = {
			model: 'm',
			verbosity: 'low',
			reasoning: { effort: 'high', max_tokens: 10, exclude: true },
		};
		expect(sdkDrops(body)).toEqual(['verbosity', 'reasoning.max_tokens', 'reasoning.exclude']);
		expect(withoutSdkDrops(body)).toEqual({ model: 'm', reasoning: { effort: 'high' } });
	});
});
