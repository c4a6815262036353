import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
	KNOWN_PARAMETERS,
	REQUEST_SCHEMA,
	parameterSchema,
} from '../../../../src/core/request/schema';
import { CONTENT_PART, MESSAGE } from '../../../../src/core/request/schema-parts';
import { PLUGIN_IDS, PROVIDER, REASONING } from '../../../../src/core/request/schema-routing';

// The project's protocol notes list every request field; the schema must know each one.
const PROTOCOL = join(import.meta.dirname, '../../../../docs/openrouter-protocol.md');
const reference = readFileSync(PROTOCOL, 'utf8');

/** The body of the `###` section with exactly this title, up to the next heading. */
function section(title: string): string {
	const heading = `\n### ${title}\n`;
	const start = reference.indexOf(heading);
	expect(start, `section ${title} in docs/openrouter-protocol.md`).toBeGreaterThan(-1);
	const rest = reference.slice(start + heading.length);
	const end = rest.search(/\n#{2,3} /);
	return end === -1 ? rest : rest.slice(0, end);
}

/** First-column backticked names of a markdown table: `| \`a\` / \`b\` | …` gives a, b. */
function tableFields(text: string): string[] {
	return text
		.split('\n')
		.filter((line) => line.startsWith('| `'))
		.flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!));
}

const props = (schema: unknown) =>
	Object.keys((schema as { properties: Record<string, unknown> }).properties);

describe('the request schema covers the protocol notes', () => {
	const table = tableFields(section('Parameters'));

	it('reads a real table', () => {
		expect(table.length).toBeGreaterThan(50);
		expect(table).toContain('messages');
		expect(table).toContain('preset');
	});

	it.each(table)('knows the parameter %s, with a description', (name) => {
		expect(KNOWN_PARAMETERS).toContain(name);
		expect(String(parameterSchema(name)?.description ?? '').length).toBeGreaterThan(8);
	});

	it('knows every provider routing field', () => {
		const fields = tableFields(section('Provider routing'));
		expect(fields.length).toBeGreaterThan(10);
		for (const field of fields) expect(props(PROVIDER), field).toContain(field);
	});

	it('knows every reasoning field', () => {
		const fields = [...section('Reasoning').matchAll(/^\s+"([a-z_]+)":/gm)].map((m) => m[1]!);
		expect(fields).toEqual(expect.arrayContaining(['effort', 'max_tokens', 'exclude', 'enabled']));
		for (const field of fields) expect(props(REASONING), field).toContain(field);
	});

	it('knows every named plugin', () => {
		const ids = tableFields(section('Plugins').replaceAll('-', '_')).map((id) =>
			id.replaceAll('_', '-'),
		);
		expect(ids.length).toBeGreaterThan(6);
		for (const id of ids) expect(PLUGIN_IDS as readonly string[], id).toContain(id);
	});

	it('knows every role and content part type', () => {
		const roles = (MESSAGE.properties as { role: { enum: string[] } }).role.enum;
		for (const role of ['system', 'developer', 'user', 'assistant', 'tool'])
			expect(roles).toContain(role);
		const partTypes = (CONTENT_PART.oneOf as { properties: { type: { const: string } } }[]).map(
			(p) => p.properties.type.const,
		);
		const documented = [
			...section('Messages and content parts').matchAll(/\{ "type": "([a-z_]+)"/g),
		].map((m) => m[1]!);
		expect(documented.length).toBeGreaterThan(4);
		for (const type of documented) expect(partTypes).toContain(type);
	});
});

describe('the request schema is valid JSON Schema that accepts the documented examples', () => {
	const validate = new Ajv({ strict: false, allErrors: true }).compile(REQUEST_SCHEMA);
	const examples = [...section('Examples').matchAll(/```json\n([\s\S]*?)```/g)].map((m) =>
		JSON.parse(m[1]!.replaceAll('…', '')),
	);

	it.each(examples.map((e, i) => [i, e]))('accepts example %i', (_, example) => {
		expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
	});

	it.each([
		[{ messages: [] }, 'minItems'],
		[{ messages: [{ role: 'robot', content: 'x' }] }, 'enum'],
		[{ messages: [{ role: 'user', content: 'x' }], temperature: 3 }, 'maximum'],
		[{ messages: [{ role: 'user', content: 'x' }], top_logprobs: 21 }, 'maximum'],
		[{ messages: [{ role: 'user', content: 'x' }], stop: ['a', 'b', 'c', 'd', 'e'] }, 'maxItems'],
		[{ messages: [{ role: 'user', content: 'x' }], reasoning: { effort: 'extreme' } }, 'enum'],
		[
			{ messages: [{ role: 'user', content: 'x' }], provider: { data_collection: 'maybe' } },
			'enum',
		],
		[{ model: 'x' }, 'required'],
	])('rejects %j (%s)', (body, keyword) => {
		expect(validate(body)).toBe(false);
		expect(validate.errors?.map((e) => e.keyword)).toContain(keyword);
	});
});
