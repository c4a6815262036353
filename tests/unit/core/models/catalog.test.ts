import { describe, expect, it } from 'vitest';
import { MODELS, scenarioModels } from '../../../emulator/catalog';
import { findModel, readModels, splitVariant } from '../../../../src/core/models/catalog';
import { formatContext, formatPerMillion, searchModels } from '../../../../src/core/models/search';

// The emulator's catalog is shaped like GET /models (docs/openrouter-protocol.md#models).
const models = readModels({ data: [...MODELS, ...scenarioModels(['reasoning'])] });

describe('reading the catalog', () => {
	it('reads every model, prices as numbers per token', () => {
		expect(models.length).toBe(MODELS.length + 1);
		const mini = findModel(models, 'openai/gpt-4o-mini')!;
		expect(mini.pricing.prompt).toBeCloseTo(0.00000015);
		expect(mini.pricing.completion).toBeCloseTo(0.0000006);
		expect(mini.contextLength).toBe(128000);
		expect(mini.supportedParameters).toContain('seed');
		expect(mini.input).toEqual(['text', 'image', 'file']);
	});

	it('treats the router price "-1" as varies, not negative', () => {
		const auto = findModel(models, 'openrouter/auto')!;
		expect(auto.pricing.prompt).toBeNull();
		expect(formatPerMillion(auto.pricing.prompt)).toBe('varies');
	});

	it('skips unreadable entries and survives junk', () => {
		expect(
			readModels({ data: [{ id: 'a/b' }, { name: 'no id' }, null, 3] }).map((m) => m.id),
		).toEqual(['a/b']);
		expect(readModels('nonsense')).toEqual([]);
		const bare = readModels([{ id: 'a/b', pricing: { prompt: 'x' }, context_length: null }])[0]!;
		expect(bare.name).toBe('a/b');
		expect(bare.pricing.prompt).toBeNull();
		expect(bare.contextLength).toBeNull();
	});

	it('reads reasoning capabilities', () => {
		const gpt5 = findModel(models, 'openai/gpt-5-mini')!;
		expect(gpt5.reasoning).toEqual({
			supportedEfforts: ['high', 'medium', 'low', 'minimal'],
			defaultEffort: 'medium',
			supportsMaxTokens: false,
			mandatory: true,
		});
		expect(findModel(models, 'openai/gpt-4o-mini')!.reasoning).toBeNull();
	});
});

describe('variants', () => {
	it.each([
		['openai/gpt-4o-mini', 'openai/gpt-4o-mini', null],
		['openai/gpt-4o-mini:online', 'openai/gpt-4o-mini', ':online'],
		['openai/gpt-4o-mini:nitro', 'openai/gpt-4o-mini', ':nitro'],
		['meta-llama/llama-3.3-70b-instruct:free', 'meta-llama/llama-3.3-70b-instruct', ':free'],
	])('%s', (id, base, variant) => {
		expect(splitVariant(id)).toEqual({ base, variant });
	});

	it('finds the catalog entry of a variant, preferring a listed :free model', () => {
		expect(findModel(models, 'openai/gpt-4o-mini:nitro')?.id).toBe('openai/gpt-4o-mini');
		expect(findModel(models, 'meta-llama/llama-3.3-70b-instruct:free')?.id).toBe(
			'meta-llama/llama-3.3-70b-instruct:free',
		);
		expect(findModel(models, 'nobody/nothing')).toBeUndefined();
	});
});

describe('search', () => {
	it('finds by words of the name, in any order', () => {
		expect(searchModels(models, 'sonnet claude').map((m) => m.id)).toEqual([
			'anthropic/claude-sonnet-4.5',
		]);
		expect(searchModels(models, 'DeepSeek V3')[0]?.id).toBe('deepseek/deepseek-chat');
	});

	it('ranks id hits before name hits', () => {
		const ids = searchModels(models, 'gpt').map((m) => m.id);
		expect(ids.slice(0, 2).every((id) => id.startsWith('openai/gpt'))).toBe(true);
		expect(searchModels(models, 'openai/gpt-4o-mini')[0]?.id).toBe('openai/gpt-4o-mini');
	});

	it('an empty query lists models; no match lists none', () => {
		expect(searchModels(models, '  ').length).toBe(Math.min(50, models.length));
		expect(searchModels(models, 'zzzz-not-a-model')).toEqual([]);
	});
});

describe('formatting', () => {
	it.each([
		[0.00000015, '$0.15/M'],
		[0.000003, '$3/M'],
		[0.0000006, '$0.6/M'],
		[0.00000000125, '$0.0013/M'],
		[0.00015, '$150/M'],
		[0, 'free'],
		[null, 'varies'],
	])('price %s per token is %s', (price, text) => {
		expect(formatPerMillion(price)).toBe(text);
	});

	it.each([
		[128000, '128K'],
		[1000000, '1M'],
		[2000000, '2M'],
		[163840, '164K'],
		[512, '512'],
		[null, '?'],
	])('context %s is %s', (tokens, text) => {
		expect(formatContext(tokens)).toBe(text);
	});
});
