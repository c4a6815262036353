import { describe, expect, it } from 'vitest';
import { GENERATED, MODELS } from '../../../emulator/catalog';
import { readModels, type Model } from '../../../../src/core/models/catalog';
import {
	NO_FILTERS,
	authorsOf,
	browseModels,
	indexModels,
	modelRow,
	shortDescription,
	type BrowseFilters,
} from '../../../../src/core/models/browse';

// The emulator's catalog: 12 curated and 520 generated models, shaped like GET /models (docs/openrouter-protocol.md#models).
const models = readModels({ data: [...MODELS, ...GENERATED.map((g) => g.model)] });
const index = indexModels(models);
const browse = (f: Partial<BrowseFilters>) => browseModels(index, { ...NO_FILTERS, ...f });
const perM = (v: number | null) => (v === null ? Infinity : v * 1e6);

describe('the fixture', () => {
	it('has the real catalog size and variety', () => {
		expect(models.length).toBeGreaterThanOrEqual(500);
		expect(models.filter((m) => m.id.endsWith(':free')).length).toBeGreaterThan(10);
		expect(models.some((m) => m.pricing.prompt === 0 && !m.id.endsWith(':free'))).toBe(true);
		expect(models.some((m) => (m.contextLength ?? 0) >= 2_000_000)).toBe(true);
		expect(models.some((m) => m.description === '')).toBe(true);
		expect(models.some((m) => m.maxCompletionTokens === null)).toBe(true);
	});
});

describe('filters', () => {
	it('with none, every model in catalog order', () => {
		expect(browse({})).toEqual(models);
	});

	it('input and output modalities: all listed must be present', () => {
		const vision = browse({ input: ['image'] });
		expect(vision.length).toBeGreaterThan(50);
		expect(vision.every((m) => m.input.includes('image'))).toBe(true);
		const both = browse({ input: ['image', 'audio'], output: ['text'] });
		expect(both.length).toBeGreaterThan(0);
		expect(both.length).toBeLessThan(vision.length);
		expect(both.every((m) => m.input.includes('audio') && m.output.includes('text'))).toBe(true);
		expect(browse({ output: ['image'] }).every((m) => m.output.includes('image'))).toBe(true);
	});

	it('supported parameters, free only, prices, context and author', () => {
		const tools = browse({ parameters: ['tools', 'reasoning'] });
		expect(tools.length).toBeGreaterThan(0);
		expect(tools.every((m) => m.supportedParameters.includes('reasoning'))).toBe(true);

		const free = browse({ freeOnly: true });
		expect(free.length).toBe(models.filter((m) => m.id.endsWith(':free')).length);
		// Zero-priced media models are not "free" (docs/openrouter-protocol.md#models).
		expect(free.every((m) => m.id.endsWith(':free'))).toBe(true);

		const cheap = browse({ maxPrompt: 0.1, maxCompletion: 0.3 });
		expect(cheap.length).toBeGreaterThan(0);
		expect(cheap.every((m) => perM(m.pricing.prompt) <= 0.1 + 1e-9)).toBe(true);
		expect(cheap.every((m) => perM(m.pricing.completion) <= 0.3 + 1e-9)).toBe(true);
		// A price that varies (the router, "-1") passes no price limit.
		expect(cheap.some((m) => m.id === 'openrouter/auto')).toBe(false);

		const long = browse({ minContext: 1_000_000 });
		expect(long.every((m) => (m.contextLength ?? 0) >= 1_000_000)).toBe(true);
		expect(long.map((m) => m.id)).toContain('anthropic/claude-sonnet-4.5');

		const authors = authorsOf(models);
		expect(authors[0]!.count).toBeGreaterThanOrEqual(authors[1]!.count);
		const cohere = browse({ authors: ['cohere', 'openai'] });
		expect(cohere.length).toBe(
			(authors.find((a) => a.author === 'cohere')?.count ?? 0) +
				(authors.find((a) => a.author === 'openai')?.count ?? 0),
		);
	});
});

describe('search with capability words', () => {
	it('"vision" means image input, not the word', () => {
		const vision = browse({ query: 'vision' });
		expect(vision).toEqual(browse({ input: ['image'] }));
	});

	it('"free" means the :free variants; other words still match text', () => {
		expect(browse({ query: 'free' })).toEqual(browse({ freeOnly: true }));
		const kimi = browse({ query: 'free kimi' });
		expect(kimi.every((m) => m.id.endsWith(':free') && m.id.includes('kimi'))).toBe(true);
	});

	it('"tools", "reasoning", "json", "pdf" and "cheap" filter by capability', () => {
		const hits = browse({ query: 'tools reasoning' });
		expect(hits.length).toBeGreaterThan(0);
		expect(
			hits.every(
				(m) =>
					m.supportedParameters.includes('tools') && m.supportedParameters.includes('reasoning'),
			),
		).toBe(true);
		expect(browse({ query: 'pdf' }).every((m) => m.input.includes('file'))).toBe(true);
		expect(browse({ query: 'json' }).length).toBeGreaterThan(0);
		expect(browse({ query: 'cheap' }).every((m) => perM(m.pricing.prompt) <= 0.5)).toBe(true);
	});

	it('searches id, name and description; id and name hits first', () => {
		expect(browse({ query: 'sonnet' })[0]?.id).toBe('anthropic/claude-sonnet-4.5');
		expect(browse({ query: 'anthropic/claude-sonnet-4.5' })[0]?.id).toBe(
			'anthropic/claude-sonnet-4.5',
		);
		const described = browse({ query: 'roleplay' });
		expect(described.length).toBeGreaterThan(0);
		expect(described.every((m) => m.description.toLowerCase().includes('roleplay'))).toBe(true);
		expect(browse({ query: 'no-such-model-anywhere' })).toEqual([]);
	});
});

describe('sort', () => {
	const sorted = (list: Model[], key: (m: Model) => number) =>
		list.every((m, i) => i === 0 || key(list[i - 1]!) <= key(m));

	it('by prompt and completion price (unknown last), context, newest, name', () => {
		const prompt = browse({ sort: 'prompt' });
		expect(sorted(prompt, (m) => perM(m.pricing.prompt))).toBe(true);
		expect(prompt.at(-1)?.id).toBe('openrouter/auto');
		expect(sorted(browse({ sort: 'completion' }), (m) => perM(m.pricing.completion))).toBe(true);
		expect(sorted(browse({ sort: 'context' }), (m) => -(m.contextLength ?? -1))).toBe(true);
		expect(sorted(browse({ sort: 'newest' }), (m) => -(m.created ?? 0))).toBe(true);
		const names = browse({ sort: 'name' }).map((m) => m.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});

	it('filters and sort together: image input, tools, under a price, cheapest first', () => {
		const list = browse({ input: ['image'], parameters: ['tools'], maxPrompt: 1, sort: 'prompt' });
		expect(list.length).toBeGreaterThan(3);
		expect(sorted(list, (m) => perM(m.pricing.prompt))).toBe(true);
		expect(list.every((m) => m.input.includes('image') && m.supportedParameters.includes('tools')));
	});
});

describe('rows', () => {
	it('prices per million, context, max output and modalities', () => {
		const row = modelRow(models.find((m) => m.id === 'openai/gpt-4o-mini')!);
		expect(row).toMatchObject({
			prompt: '$0.15/M',
			completion: '$0.6/M',
			context: '128K',
			maxOutput: '16K',
			modalities: 'text+image+file → text',
			free: false,
		});
		const missing = models.find((m) => m.maxCompletionTokens === null && m.description === '')!;
		expect(modelRow(missing)).toMatchObject({ maxOutput: '—', description: '' });
	});

	it('a short description is the first sentence, cut at a length', () => {
		expect(shortDescription('One. Two.')).toBe('One.');
		expect(shortDescription('x'.repeat(200), 20)).toHaveLength(20);
	});
});
