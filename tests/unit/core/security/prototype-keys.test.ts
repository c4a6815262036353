/**
 * Names that every plain object already has (`constructor`, `toString`, `__proto__`) arrive from
 * the model, the user, the catalog and links. Each place keyed by such a name must treat them as
 * ordinary names: find nothing inherited, keep them as fields, and not throw.
 */
import { describe, expect, it } from 'vitest';
import { splitOpenAiParams, withoutSdkDrops } from '../../../../src/core/codegen/params';
import { appendTurn } from '../../../../src/core/conversation/answer';
import { parseJson } from '../../../../src/core/request/json';
import { decodeShare } from '../../../../src/core/share/codec';
import { EMPTY_COMPLETION } from '../../../../src/core/stream/accumulate';
import { parameterSchema } from '../../../../src/core/request/schema';
import { foldEvent } from '../../../../src/core/stream/accumulate';
import { diffUpstream } from '../../../../src/core/upstream/diff';
import { buildHeaders } from '../../../../src/io/openrouter';

const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
const noDeflate = {
	compress: async () => new Uint8Array(),
	decompress: async () => new Uint8Array(),
};
const linkOf = (json: string) => '#r=' + Buffer.from(json).toString('base64url');

describe('prototype keys', () => {
	it('the request parser keeps "__proto__" as a key and inherits nothing from it', () => {
		const parsed = parseJson('{"model":"a/b","__proto__":{"model":"evil/x","stream":true}}');
		if (!parsed.ok) throw new Error(parsed.error.message);
		const value = parsed.value as Record<string, unknown>;
		expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
		expect(Object.hasOwn(value, '__proto__')).toBe(true);
		expect(value.stream).toBeUndefined();
		expect(JSON.stringify(value)).toBe(
			'{"model":"a/b","__proto__":{"model":"evil/x","stream":true}}',
		);
	});

	it('a share link keeps "__proto__" a field, never the request prototype', async () => {
		const decoded = await decodeShare(
			linkOf('{"model":"a/b","__proto__":{"stream":true,"api_key":"x"}}'),
			noDeflate,
		);
		if (decoded.kind !== 'request') throw new Error(decoded.kind);
		expect(Object.getPrototypeOf(decoded.request)).toBe(Object.prototype);
		expect(decoded.request.stream).toBeUndefined();
		expect(Object.keys(decoded.request)).toEqual(['model', '__proto__']);
	});

	it('snippet bodies keep every key as their own', () => {
		const body = JSON.parse('{"model":"a/b","__proto__":{"temperature":2},"constructor":1}');
		const { standard, extra } = splitOpenAiParams(body);
		expect(standard.temperature).toBeUndefined();
		expect(Object.keys(extra)).toEqual(['__proto__', 'constructor']);
		expect(Object.keys(withoutSdkDrops(body))).toEqual(['model', '__proto__', 'constructor']);
	});

	it('a header named like a prototype key is sent as a header', () => {
		const headers = buildHeaders('sk-test', JSON.parse('{"__proto__":"a","constructor":"b"}'));
		expect(Object.keys(headers)).toEqual([
			'__proto__',
			'constructor',
			'Authorization',
			'Content-Type',
		]);
	});

	it('the upstream diff does not take inherited names for sent or router fields', () => {
		for (const name of PROTO_NAMES) {
			const sent = JSON.parse(`{"model":"a/b","${name}":1}`);
			const changes = diffUpstream(sent, { model: 'a/b' });
			expect(changes).toEqual([
				{
					kind: 'dropped',
					path: name,
					before: 1,
					note: 'not supported by this provider, or not forwarded',
				},
			]);
			const added = diffUpstream({ model: 'a/b' }, JSON.parse(`{"model":"a/b","${name}":2}`));
			expect(added).toEqual([{ kind: 'added', path: name, after: 2 }]);
		}
	});

	it('tool results go to their calls by position, whatever the tool is called', () => {
		const calls = PROTO_NAMES.map((name, index) => ({
			index,
			id: name,
			type: 'function',
			name,
			arguments: '{}',
		}));
		const result = appendTurn(
			'{"model":"a/b","messages":[{"role":"user","content":"hi"}]}',
			{ ...EMPTY_COMPLETION, toolCalls: calls },
			PROTO_NAMES.map((name) => `result of ${name}`),
		);
		if (!result.ok) throw new Error(result.message);
		const tools = JSON.parse(result.text).messages.filter(
			(m: { role: string }) => m.role === 'tool',
		);
		expect(tools.map((m: { content: string }) => m.content)).toEqual(
			PROTO_NAMES.map((name) => `result of ${name}`),
		);
	});

	it('no parameter schema is found for a name every object has', () => {
		for (const name of PROTO_NAMES) expect(parameterSchema(name)).toBeUndefined();
		expect(parameterSchema('temperature')).toHaveProperty('description');
	});

	it('reasoning details from the API keep fields named like prototype keys', () => {
		const detail = (extra: string) =>
			JSON.parse(`{"type":"reasoning.text","index":0,"text":"a",${extra}}`);
		let completion = EMPTY_COMPLETION;
		for (const extra of ['"constructor":"c"', '"__proto__":{"polluted":1}'])
			completion = foldEvent(completion, {
				type: 'chunk',
				chunk: { choices: [{ index: 0, delta: { reasoning_details: [detail(extra)] } }] },
			});
		const [merged] = completion.reasoningDetails;
		expect(merged?.text).toBe('aa');
		expect(merged?.constructor).toBe('c');
		expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
		expect(Object.hasOwn(merged!, '__proto__')).toBe(true);
	});
});
