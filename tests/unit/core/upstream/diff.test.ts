import { describe, expect, it } from 'vitest';
import { diffUpstream, readEcho, sameJson } from '../../../../src/core/upstream/diff';

describe('diffUpstream', () => {
	it('names dropped, renamed, changed and added fields', () => {
		const sent = {
			model: 'openai/gpt-4o-mini',
			messages: [{ role: 'user', content: 'hi' }],
			top_k: 40,
			max_tokens: 50,
			temperature: 0.7,
			provider: { order: ['openai'] },
			debug: { echo_upstream_body: true },
			stream: true,
		};
		const upstream = {
			model: 'gpt-4o-mini',
			messages: [{ role: 'user', content: 'hi' }],
			max_completion_tokens: 50,
			temperature: 0.7,
			stream: true,
			stream_options: { include_usage: true },
		};
		expect(diffUpstream(sent, upstream)).toEqual([
			{ kind: 'changed', path: 'model', before: 'openai/gpt-4o-mini', after: 'gpt-4o-mini' },
			{
				kind: 'dropped',
				path: 'top_k',
				before: 40,
				note: 'not supported by this provider, or not forwarded',
			},
			{ kind: 'renamed', path: 'max_tokens → max_completion_tokens', before: 50, after: 50 },
			{
				kind: 'dropped',
				path: 'provider',
				before: { order: ['openai'] },
				note: 'routing preferences, read by OpenRouter',
			},
			{
				kind: 'dropped',
				path: 'debug',
				before: { echo_upstream_body: true },
				note: 'read by OpenRouter',
			},
			{ kind: 'added', path: 'stream_options', after: { include_usage: true } },
		]);
	});

	it('an identical body has no changes, whatever the key order', () => {
		const body = { model: 'm', messages: [{ content: 'x', role: 'user' }], stop: ['a'] };
		expect(
			diffUpstream(body, { stop: ['a'], messages: [{ role: 'user', content: 'x' }], model: 'm' }),
		).toEqual([]);
	});

	it('sees tools rewritten into another shape', () => {
		const tools = [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }];
		const changes = diffUpstream(
			{ messages: [], tools },
			{ messages: [], tools: [{ name: 'f', input_schema: { type: 'object' } }] },
		);
		expect(changes).toEqual([
			{
				kind: 'tools-rewritten',
				path: 'tools',
				before: tools,
				after: [{ name: 'f', input_schema: { type: 'object' } }],
			},
		]);
	});

	it('sees a system prompt moved to its own field, and an injected prompt', () => {
		const sent = {
			messages: [
				{ role: 'system', content: 'Be brief.' },
				{ role: 'user', content: 'hi' },
			],
		};
		const moved = diffUpstream(sent, {
			system: [{ type: 'text', text: 'Be brief.' }],
			messages: [{ role: 'user', content: 'hi' }],
		});
		expect(moved.map((c) => [c.kind, c.path])).toEqual([['prompt-moved', 'messages[0] → system']]);

		const injected = diffUpstream(sent, {
			messages: [{ role: 'system', content: 'Web results: …' }, ...sent.messages],
		});
		expect(injected).toEqual([
			{
				kind: 'prompt-injected',
				path: 'messages[0]',
				after: { role: 'system', content: 'Web results: …' },
			},
		]);
	});

	it('a value that happens to match a new field is not a rename for router-only fields', () => {
		const changes = diffUpstream({ messages: [], usage: { include: true } }, { messages: [] });
		expect(changes.map((c) => c.kind)).toEqual(['dropped']);
	});
});

describe('readEcho', () => {
	it('reads the provider body of a debug chunk, and nothing from other chunks', () => {
		const body = { model: 'gpt-4o-mini', messages: [] };
		expect(
			readEcho({ provider: 'OpenAI', choices: [], debug: { echo_upstream_body: body } }),
		).toEqual({ provider: 'OpenAI', body });
		expect(readEcho({ choices: [{ delta: { content: 'x' } }] })).toBeNull();
		expect(readEcho({ debug: { echo_upstream_body: 'text' } })).toBeNull();
	});

	it('sameJson compares deeply', () => {
		expect(sameJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
		expect(sameJson({ a: [1] }, { a: [1, 2] })).toBe(false);
		expect(sameJson([1], { 0: 1 })).toBe(false);
	});
});
