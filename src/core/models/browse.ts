/**
 * Browsing the catalog: filters, sort, a search that understands capability words ("vision",
 * "free", "tools" …), and rows ready to show (prices per million tokens). Built for a list of
 * several hundred models filtered on every keystroke: the text each model is searched by is
 * lowercased once per catalog (`indexModels`), and a filter pass is a loop of `includes`.
 */
import type { Model } from './catalog';
import { formatContext, formatPerMillion } from './search';

export const MODALITIES = ['text', 'image', 'file', 'audio', 'video'] as const;
export type Modality = (typeof MODALITIES)[number];

/** The parameters a person filters by most; the full vocabulary is in request/support.ts. */
export const FILTER_PARAMETERS = [
	'tools',
	'structured_outputs',
	'response_format',
	'reasoning',
	'logprobs',
	'seed',
	'web_search_options',
	'top_k',
] as const;

export type BrowseSort = 'relevance' | 'prompt' | 'completion' | 'context' | 'newest' | 'name';
export const SORTS: { value: BrowseSort; label: string }[] = [
	{ value: 'relevance', label: 'Best match' },
	{ value: 'prompt', label: 'Prompt price (low first)' },
	{ value: 'completion', label: 'Completion price (low first)' },
	{ value: 'context', label: 'Context (largest first)' },
	{ value: 'newest', label: 'Newest' },
	{ value: 'name', label: 'Name' },
];

export type BrowseFilters = {
	query: string;
	/** Every listed modality must be among the model's inputs (outputs). */
	input: string[];
	output: string[];
	/** Every listed parameter must be supported. */
	parameters: string[];
	freeOnly: boolean;
	/** USD per million tokens; null = no limit. A model whose price varies does not pass a limit. */
	maxPrompt: number | null;
	maxCompletion: number | null;
	/** Tokens; a model without a known context does not pass. */
	minContext: number | null;
	/** Author slugs (the id before "/"); empty = any. */
	authors: string[];
	sort: BrowseSort;
};

export const NO_FILTERS: BrowseFilters = {
	query: '',
	input: [],
	output: [],
	parameters: [],
	freeOnly: false,
	maxPrompt: null,
	maxCompletion: null,
	minContext: null,
	authors: [],
	sort: 'relevance',
};

export const isFree = (m: Model) => m.id.endsWith(':free');
export const authorOf = (id: string) => (id.includes('/') ? id.slice(0, id.indexOf('/')) : '');
const supports = (m: Model, p: string) => m.supportedParameters.includes(p);

/**
 * Words that mean a capability rather than text: a query word found here filters by it and is not
 * looked for in the id, name or description. Singular and plural forms both count.
 */
const CAPABILITIES = new Map<string, (m: Model) => boolean>([
	['vision', (m) => m.input.includes('image')],
	['image', (m) => m.input.includes('image') || m.output.includes('image')],
	['images', (m) => m.input.includes('image') || m.output.includes('image')],
	['multimodal', (m) => m.input.some((i) => i !== 'text')],
	['imagegen', (m) => m.output.includes('image')],
	['audio', (m) => m.input.includes('audio') || m.output.includes('audio')],
	['speech', (m) => m.input.includes('audio') || m.output.includes('audio')],
	['video', (m) => m.input.includes('video') || m.output.includes('video')],
	['pdf', (m) => m.input.includes('file')],
	['file', (m) => m.input.includes('file')],
	['files', (m) => m.input.includes('file')],
	['free', isFree],
	['tools', (m) => supports(m, 'tools')],
	['tool', (m) => supports(m, 'tools')],
	['function', (m) => supports(m, 'tools')],
	['functions', (m) => supports(m, 'tools')],
	['reasoning', (m) => supports(m, 'reasoning') || m.reasoning !== null],
	['thinking', (m) => supports(m, 'reasoning') || m.reasoning !== null],
	['json', (m) => supports(m, 'response_format') || supports(m, 'structured_outputs')],
	['structured', (m) => supports(m, 'structured_outputs')],
	['logprobs', (m) => supports(m, 'logprobs')],
	['seed', (m) => supports(m, 'seed')],
	['cheap', (m) => (m.pricing.prompt ?? Infinity) * 1e6 <= 0.5],
	['long', (m) => (m.contextLength ?? 0) >= 200_000],
]);

/** The capability words, for help text. */
export const CAPABILITY_WORDS = [...CAPABILITIES.keys()];

export type ModelIndex = {
	models: readonly Model[];
	/** Lowercased "id name" per model, and its description, in the same order. */
	head: string[];
	body: string[];
};

/** Prepare a catalog for browsing: once per catalog, not per keystroke. */
export function indexModels(models: readonly Model[]): ModelIndex {
	return {
		models,
		head: models.map((m) => `${m.id} ${m.name}`.toLowerCase()),
		body: models.map((m) => m.description.toLowerCase()),
	};
}

type Parsed = { words: string[]; capabilities: ((m: Model) => boolean)[] };

export function parseQuery(query: string): Parsed {
	const words: string[] = [];
	const capabilities: ((m: Model) => boolean)[] = [];
	for (const word of query.toLowerCase().split(/\s+/)) {
		if (!word) continue;
		const capability = CAPABILITIES.get(word);
		if (capability) capabilities.push(capability);
		else words.push(word);
	}
	return { words, capabilities };
}

const perMillion = (perToken: number | null) => (perToken === null ? null : perToken * 1e6);

function passes(m: Model, f: BrowseFilters): boolean {
	if (f.freeOnly && !isFree(m)) return false;
	for (const i of f.input) if (!m.input.includes(i)) return false;
	for (const o of f.output) if (!m.output.includes(o)) return false;
	for (const p of f.parameters) if (!supports(m, p)) return false;
	if (f.maxPrompt !== null) {
		const price = perMillion(m.pricing.prompt);
		if (price === null || price > f.maxPrompt + 1e-9) return false;
	}
	if (f.maxCompletion !== null) {
		const price = perMillion(m.pricing.completion);
		if (price === null || price > f.maxCompletion + 1e-9) return false;
	}
	if (f.minContext !== null && (m.contextLength ?? 0) < f.minContext) return false;
	if (f.authors.length > 0 && !f.authors.includes(authorOf(m.id))) return false;
	return true;
}

/** Lower is better: the query as the id, an id or name start, a word of id/name, the description. */
function relevance(head: string, id: string, words: string[]): number {
	if (words.length === 0) return 0;
	const q = words.join(' ');
	if (id === q) return 0;
	if (id.startsWith(q) || id.includes(`/${q}`)) return 1;
	if (words.every((w) => head.includes(w))) return 2;
	return 3; // found (partly) in the description only
}

const priceKey = (v: number | null) => (v === null ? Infinity : v);

/** The models that pass the filters and the query, sorted. */
export function browseModels(index: ModelIndex, f: BrowseFilters): Model[] {
	const { words, capabilities } = parseQuery(f.query);
	const hits: { model: Model; score: number; at: number }[] = [];
	const { models, head, body } = index;
	for (let i = 0; i < models.length; i++) {
		const m = models[i] as Model;
		if (!passes(m, f)) continue;
		if (!capabilities.every((c) => c(m))) continue;
		const h = head[i] as string;
		if (words.length > 0) {
			const b = body[i] as string;
			if (!words.every((w) => h.includes(w) || b.includes(w))) continue;
		}
		hits.push({ model: m, score: relevance(h, m.id.toLowerCase(), words), at: i });
	}
	const by = compare(f.sort);
	hits.sort((a, b) => by(a.model, b.model) || a.score - b.score || a.at - b.at);
	return hits.map((h) => h.model);
}

function compare(sort: BrowseSort): (a: Model, b: Model) => number {
	switch (sort) {
		case 'prompt':
			return (a, b) => priceKey(a.pricing.prompt) - priceKey(b.pricing.prompt);
		case 'completion':
			return (a, b) => priceKey(a.pricing.completion) - priceKey(b.pricing.completion);
		case 'context':
			return (a, b) => (b.contextLength ?? -1) - (a.contextLength ?? -1);
		case 'newest':
			return (a, b) => (b.created ?? 0) - (a.created ?? 0);
		case 'name':
			return (a, b) => a.name.localeCompare(b.name);
		default:
			return () => 0;
	}
}

/** Authors with how many models each, most first: the author filter's choices. */
export function authorsOf(models: readonly Model[]): { author: string; count: number }[] {
	const counts = new Map<string, number>();
	for (const m of models) {
		const a = authorOf(m.id);
		if (a) counts.set(a, (counts.get(a) ?? 0) + 1);
	}
	return [...counts]
		.map(([author, count]) => ({ author, count }))
		.sort((a, b) => b.count - a.count || a.author.localeCompare(b.author));
}

export type ModelRow = {
	id: string;
	name: string;
	prompt: string;
	completion: string;
	context: string;
	maxOutput: string;
	modalities: string;
	description: string;
	free: boolean;
};

/** The first sentence of a description, at most `max` characters. */
export function shortDescription(text: string, max = 140): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	const end = flat.search(/[.!?](\s|$)/);
	const first = end >= 0 ? flat.slice(0, end + 1) : flat;
	return first.length <= max ? first : `${first.slice(0, max - 1).trimEnd()}…`;
}

/** One row of the browser: what a person compares at a glance. */
export function modelRow(m: Model): ModelRow {
	return {
		id: m.id,
		name: m.name,
		prompt: formatPerMillion(m.pricing.prompt),
		completion: formatPerMillion(m.pricing.completion),
		context: formatContext(m.contextLength),
		maxOutput: m.maxCompletionTokens === null ? '—' : formatContext(m.maxCompletionTokens),
		modalities: `${m.input.join('+') || 'text'} → ${m.output.join('+') || 'text'}`,
		description: shortDescription(m.description),
		// "0" prices do not make a model free (media models report 0): only `:free` ids are (docs/openrouter-protocol.md#models).
		free: isFree(m),
	};
}
