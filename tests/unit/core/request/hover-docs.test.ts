import { describe, expect, it } from 'vitest';
import { hoverMarkdown, withHoverDocs } from '../../../../src/core/request/hover-docs';
import { REQUEST_SCHEMA, type JsonSchema } from '../../../../src/core/request/schema';

const properties = (schema: JsonSchema) => schema.properties as Record<string, JsonSchema>;
const docs = withHoverDocs(REQUEST_SCHEMA);
const hover = (name: string) => properties(docs)[name]?.markdownDescription;

describe('hover docs', () => {
	it('give type, range, default and the description of the sampling parameters', () => {
		expect(hover('temperature')).toBe(
			'**number** · 0 to 2 · default `1`\n\nRandomness: 0 = most deterministic, 2 = most random.',
		);
		expect(hover('top_p')).toMatch(/^\*\*number\*\* · 0 to 1 · default `1`\n\nNucleus sampling/);
		expect(hover('top_k')).toMatch(/^\*\*integer\*\* · ≥ 0 · default: the provider’s/);
		expect(hover('max_tokens')).toMatch(/^\*\*integer\*\* · ≥ 1 · default: the provider’s/);
		expect(hover('seed')).toMatch(/^\*\*integer\*\* · default: the provider’s, when omitted\n\n/);
		for (const name of ['frequency_penalty', 'presence_penalty'])
			expect(hover(name)).toMatch(/^\*\*number\*\* · -2 to 2 · default `0`\n\nPenalise/);
		expect(hover('repetition_penalty')).toMatch(/0 to 2 · default `1`/);
	});

	it('reach nested fields such as reasoning.effort, with the values allowed', () => {
		const reasoning = properties(docs).reasoning as JsonSchema;
		const effort = properties(reasoning).effort?.markdownDescription as string;
		expect(effort).toMatch(/^one of `"max"`, `"xhigh"`, `"high"`, `"medium"`, `"low"`/);
		expect(effort).toContain('OpenAI/Grok-style effort');
	});

	it('escape markdown in descriptions and leave the checking schema untouched', () => {
		expect(hoverMarkdown({ type: 'string', description: 'a *b* _c_ <d>' })).toBe(
			'**string** · default: the provider’s, when omitted\n\na \\*b\\* \\_c\\_ \\<d\\>',
		);
		expect(properties(REQUEST_SCHEMA).temperature?.markdownDescription).toBeUndefined();
		expect(hoverMarkdown({})).toBeNull();
	});
});
