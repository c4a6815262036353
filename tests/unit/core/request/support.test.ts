import { describe, expect, it } from 'vitest';
import { MODELS } from '../../../emulator/catalog';
import { findModel, readModels } from '../../../../src/core/models/catalog';
import { lintJsonSchema } from '../../../../src/core/request/schema-lint';
import { checkRequest, type CheckKind } from '../../../../src/core/request/support';

const models = readModels(MODELS);
const model = (id: string) => findModel(models, id)!;
const base = { messages: [{ role: 'user', content: 'hi' }] };

describe('unsupported parameters (the model’s supported_parameters)', () => {
	it.each([
		['openai/gpt-4o-mini', { top_k: 40 }, ['top_k']],
		['openai/gpt-4o-mini', { temperature: 0.2, seed: 1, tools: [] }, []],
		['openai/gpt-5-mini', { temperature: 0.2, top_p: 0.5 }, ['temperature', 'top_p']],
		['perplexity/sonar', { tools: [], seed: 3 }, ['seed', 'tools']],
		['mistralai/mistral-small', { reasoning: { effort: 'low' } }, ['reasoning']],
		[
			'meta-llama/llama-3.3-70b-instruct:free',
			{ response_format: { type: 'json_schema', json_schema: { name: 'x' } } },
			['response_format', 'structured_outputs'],
		],
		['openai/gpt-4o-mini:nitro', { top_k: 1 }, ['top_k']],
	])('%s with %j warns about %j', (id, extra, params) => {
		const found = checkRequest({ ...base, ...extra }, model(id))
			.filter((c) => c.kind === 'unsupported')
			.map((c) => /"([a-z_]+)"/.exec(c.message)![1]);
		expect(found).toEqual(params);
	});

	it('says the request will fail with require_parameters', () => {
		const [check] = checkRequest(
			{ ...base, top_k: 5, provider: { require_parameters: true } },
			model('openai/gpt-4o-mini'),
		).filter((c) => c.kind === 'unsupported');
		expect(check?.message).toMatch(/require_parameters the request will find no provider/);
	});

	it('without a catalog entry, nothing is called unsupported', () => {
		expect(checkRequest({ ...base, top_k: 5 }).filter((c) => c.kind === 'unsupported')).toEqual([]);
	});
});

describe('range, unknown fields and conflicts', () => {
	it.each([
		[{ temperature: 2.5 }, 'range', 'temperature must be ≤ 2'],
		[{ top_p: -0.1 }, 'range', 'top_p must be ≥ 0'],
		[{ top_logprobs: 30, logprobs: true }, 'range', 'top_logprobs must be ≤ 20'],
		[{ stop: ['a', 'b', 'c', 'd', 'e'] }, 'range', 'stop takes at most 4 items'],
		[{ seed: 1.5 }, 'range', 'seed must be integer or null'],
		[{ provider: { sort: 'fastest' } }, 'range', 'provider.sort must be one of'],
		[{ reasoning: { effort: 'huge' } }, 'range', 'reasoning.effort must be one of'],
		[{ temprature: 1 }, 'unknown', '"temprature" is not a documented parameter'],
		[{ top_logprobs: 3 }, 'conflict', 'top_logprobs needs "logprobs": true'],
		[
			{ reasoning: { effort: 'low', max_tokens: 100 } },
			'conflict',
			'effort or max_tokens, not both',
		],
		[{ max_tokens: 100, reasoning: { max_tokens: 200 } }, 'conflict', 'should be below max_tokens'],
		[{ stream: true, plugins: [{ id: 'response-healing' }] }, 'conflict', 'non-streaming'],
	] as [Record<string, unknown>, CheckKind, string][])('%j → %s', (extra, kind, message) => {
		const checks = checkRequest({ ...base, ...extra });
		expect(
			checks
				.filter((c) => c.kind === kind)
				.map((c) => c.message)
				.join('\n'),
		).toContain(message);
	});

	it('a clean request has no checks', () => {
		expect(
			checkRequest(
				{ ...base, model: 'openai/gpt-4o-mini', temperature: 1, max_tokens: 100 },
				model('openai/gpt-4o-mini'),
			),
		).toEqual([]);
	});

	it('compares max_tokens and reasoning effort with the model', () => {
		const gpt5 = model('openai/gpt-5-mini');
		const text = (extra: object) =>
			checkRequest({ ...base, ...extra }, gpt5)
				.map((c) => c.message)
				.join('\n');
		expect(text({ max_tokens: 200000 })).toContain('output limit of 128000');
		expect(text({ reasoning: { effort: 'none' } })).toContain('always reasons');
		expect(text({ reasoning: { effort: 'xhigh' } })).toContain(
			'supports effort high, medium, low, minimal',
		);
	});
});

describe('JSON Schema lint (tools, response_format)', () => {
	const closed = {
		type: 'object',
		properties: { city: { type: 'string' }, days: { type: ['integer', 'null'] } },
		required: ['city', 'days'],
		additionalProperties: false,
	};
	it.each([
		['a valid strict schema', closed, true, []],
		[
			'a loose schema, not strict',
			{ type: 'object', properties: { a: { type: 'string' } } },
			false,
			[],
		],
		['a type that does not exist', { type: 'strng' }, false, ['not valid JSON Schema']],
		[
			'required that is not a list',
			{ type: 'object', required: 'city' },
			false,
			['not valid JSON Schema'],
		],
		[
			'properties that are not schemas',
			{ type: 'object', properties: { a: 3 } },
			false,
			['not valid JSON Schema'],
		],
		[
			'strict without additionalProperties',
			{ type: 'object', properties: closed.properties, required: closed.required },
			true,
			['needs "additionalProperties": false'],
		],
		['strict with an optional property', { ...closed, required: ['city'] }, true, ['missing days']],
		[
			'strict with a non-object root',
			{ type: 'array', items: { type: 'string' } },
			true,
			['root must be'],
		],
		[
			'strict reaches nested objects',
			{
				...closed,
				properties: {
					...closed.properties,
					where: { type: 'object', properties: { lat: { type: 'number' } } },
				},
				required: ['city', 'days', 'where'],
			},
			true,
			['where needs "additionalProperties": false', 'where must list every property'],
		],
	] as [string, unknown, boolean, string[]][])('%s', (_, schema, strict, expected) => {
		const messages = lintJsonSchema(schema, strict).map((p) => p.message);
		expect(messages.length).toBe(expected.length);
		expected.forEach((e, i) => expect(messages[i]).toContain(e));
	});

	it('reports schema problems inside the request with their place', () => {
		const checks = checkRequest({
			...base,
			tools: [
				{
					type: 'function',
					function: {
						name: 'f',
						strict: true,
						parameters: { type: 'object', properties: { a: { type: 'string' } } },
					},
				},
			],
			response_format: {
				type: 'json_schema',
				json_schema: { name: 'x', schema: { type: 'nope' } },
			},
		}).filter((c) => c.kind === 'schema');
		expect(checks.map((c) => c.message)).toEqual([
			expect.stringContaining(
				'tools[0] (f) parameters: strict mode: the root needs "additionalProperties": false',
			),
			expect.stringContaining(
				'tools[0] (f) parameters: strict mode: the root must list every property',
			),
			expect.stringContaining('response_format schema: not valid JSON Schema'),
		]);
	});
});
