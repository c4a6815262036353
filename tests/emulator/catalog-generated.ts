/**
 * A catalog of real size (the live one lists ~350-600 models): several hundred models generated
 * from a fixed seed, so every run, test and benchmark sees the same list. The variety is the real
 * one's: text-only and multimodal models, image/audio/video output, `:free` twins with zero prices,
 * zero-priced media models that are not free, contexts from 4K to 10M, optional fields missing
 * (description, max output, reasoning), and 1-7 provider endpoints per model, each with its own
 * price, quantization, parameters, status and uptime (docs/openrouter-protocol.md#models, #model-endpoints).
 *
 * Authors and families are chosen so that no generated id or name contains the words the curated
 * models are searched by (gpt, claude, sonnet, gemini, llama, deepseek, grok, mistral, qwen, sonar).
 */
import type { CatalogModel } from './catalog';

/** One provider endpoint of a model, in the shape of GET /models/{id}/endpoints (docs/openrouter-protocol.md#model-endpoints). */
export type Endpoint = {
	name: string;
	model_id: string;
	model_name: string;
	context_length: number | null;
	pricing: Record<string, string | number>;
	provider_name: string;
	tag: string;
	quantization: string | null;
	max_completion_tokens: number | null;
	max_prompt_tokens: number | null;
	supported_parameters: string[];
	status: number;
	uptime_last_5m: number | null;
	uptime_last_30m: number | null;
	uptime_last_1d: number | null;
	latency_last_30m: Record<string, number> | null;
	throughput_last_30m: Record<string, number> | null;
	supports_implicit_caching: boolean;
};

export type GeneratedModel = { model: CatalogModel; endpoints: Endpoint[] };

/** mulberry32: small, fast and the same everywhere. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const AUTHORS: { slug: string; label: string; families: string[]; tokenizer: string }[] = [
	{ slug: 'ai21', label: 'AI21', families: ['jamba', 'jamba-mini'], tokenizer: 'Other' },
	{ slug: 'amazon', label: 'Amazon', families: ['nova', 'nova-lite', 'nova-pro'], tokenizer: 'Nova' },
	{ slug: 'arcee-ai', label: 'Arcee AI', families: ['virtuoso', 'coder', 'maestro', 'spotlight'], tokenizer: 'Other' },
	{ slug: 'baidu', label: 'Baidu', families: ['ernie', 'ernie-vl'], tokenizer: 'Other' },
	{ slug: 'bytedance', label: 'ByteDance', families: ['seed', 'ui-tars', 'doubao'], tokenizer: 'Other' },
	{ slug: 'cohere', label: 'Cohere', families: ['command', 'command-r', 'aya'], tokenizer: 'Cohere' },
	{ slug: 'ibm-granite', label: 'IBM', families: ['granite', 'granite-vision'], tokenizer: 'Other' },
	{ slug: 'inception', label: 'Inception', families: ['mercury', 'mercury-coder'], tokenizer: 'Other' },
	{ slug: 'liquid', label: 'Liquid', families: ['lfm', 'lfm-vl'], tokenizer: 'Other' },
	{ slug: 'microsoft', label: 'Microsoft', families: ['phi', 'phi-vision', 'wizardlm'], tokenizer: 'Other' },
	{ slug: 'minimax', label: 'MiniMax', families: ['minimax-m', 'minimax-text'], tokenizer: 'Other' },
	{ slug: 'moonshotai', label: 'MoonshotAI', families: ['kimi', 'kimi-vl', 'kimi-dev'], tokenizer: 'Other' },
	{ slug: 'nousresearch', label: 'Nous', families: ['hermes', 'deephermes'], tokenizer: 'Other' },
	{ slug: 'nvidia', label: 'NVIDIA', families: ['nemotron', 'nemotron-nano'], tokenizer: 'Other' },
	{ slug: 'z-ai', label: 'Z.AI', families: ['glm', 'glm-v'], tokenizer: 'Other' },
	{ slug: 'tencent', label: 'Tencent', families: ['hunyuan', 'hunyuan-a13b'], tokenizer: 'Other' },
	{ slug: 'stepfun-ai', label: 'StepFun', families: ['step', 'step-vl'], tokenizer: 'Other' },
	{ slug: 'sao10k', label: 'Sao10K', families: ['euryale', 'lunaris'], tokenizer: 'Other' },
	{ slug: 'thedrummer', label: 'TheDrummer', families: ['rocinante', 'unslopnemo', 'anubis'], tokenizer: 'Other' },
	{ slug: 'allenai', label: 'AllenAI', families: ['olmo', 'molmo', 'tulu'], tokenizer: 'Other' },
	{ slug: 'black-forest-labs', label: 'Black Forest Labs', families: ['flux', 'flux-kontext'], tokenizer: 'Other' },
	{ slug: 'stability', label: 'Stability', families: ['stable-image', 'stable-audio'], tokenizer: 'Other' },
	{ slug: 'elevenlabs', label: 'ElevenLabs', families: ['scribe', 'eleven-voice'], tokenizer: 'Other' },
	{ slug: 'runway', label: 'Runway', families: ['gen', 'aleph'], tokenizer: 'Other' },
	{ slug: 'cognitivecomputations', label: 'Dolphin', families: ['dolphin'], tokenizer: 'Other' },
	{ slug: 'gryphe', label: 'Gryphe', families: ['mythomax'], tokenizer: 'Other' },
	{ slug: 'inflection', label: 'Inflection', families: ['inflection'], tokenizer: 'Other' },
	{ slug: 'rekaai', label: 'Reka', families: ['reka-flash', 'reka-core'], tokenizer: 'Other' },
	{ slug: 'upstage', label: 'Upstage', families: ['solar-pro'], tokenizer: 'Other' },
	{ slug: 'writer', label: 'Writer', families: ['palmyra', 'palmyra-med'], tokenizer: 'Other' },
]; // prettier-ignore

const PROVIDERS: { name: string; tag: string; quant: string[] }[] = [
	{ name: 'DeepInfra', tag: 'deepinfra', quant: ['fp8', 'bf16', 'fp4'] },
	{ name: 'Together', tag: 'together', quant: ['fp8', 'fp16'] },
	{ name: 'Fireworks', tag: 'fireworks', quant: ['fp8'] },
	{ name: 'Novita', tag: 'novita', quant: ['fp8', 'bf16'] },
	{ name: 'Chutes', tag: 'chutes', quant: ['fp8', 'bf16'] },
	{ name: 'Parasail', tag: 'parasail', quant: ['fp8', 'fp4'] },
	{ name: 'Groq', tag: 'groq', quant: ['unknown'] },
	{ name: 'Cerebras', tag: 'cerebras', quant: ['fp16', 'bf16'] },
	{ name: 'BaseTen', tag: 'baseten', quant: ['fp8', 'fp4'] },
	{ name: 'Nebius AI Studio', tag: 'nebius', quant: ['fp8', 'bf16'] },
	{ name: 'Hyperbolic', tag: 'hyperbolic', quant: ['bf16', 'fp8'] },
	{ name: 'SiliconFlow', tag: 'siliconflow', quant: ['fp8', 'int8'] },
	{ name: 'AtlasCloud', tag: 'atlas-cloud', quant: ['fp8', 'int4'] },
	{ name: 'GMICloud', tag: 'gmicloud', quant: ['fp8', 'bf16'] },
	{ name: 'Lambda', tag: 'lambda', quant: ['bf16', 'fp8'] },
	{ name: 'NextBit', tag: 'nextbit', quant: ['int4', 'fp8'] },
	{ name: 'Crusoe', tag: 'crusoe', quant: ['bf16'] },
	{ name: 'Friendli', tag: 'friendli', quant: ['fp8', 'fp16'] },
	{ name: 'Mancer', tag: 'mancer', quant: ['int4', 'int8'] },
	{ name: 'Cloudflare', tag: 'cloudflare', quant: ['int8', 'fp16'] },
];

const SAMPLING = ['temperature', 'top_p', 'max_tokens', 'stop', 'seed'];
const PENALTIES = ['frequency_penalty', 'presence_penalty', 'repetition_penalty'];
const OPEN = ['top_k', 'min_p', 'logit_bias'];
const TOOLS = ['tools', 'tool_choice'];
const STRUCTURED = ['response_format', 'structured_outputs'];
const REASONING = ['reasoning', 'include_reasoning'];
const LOGPROBS = ['logprobs', 'top_logprobs'];

const SIZES = [
	'1b',
	'3b',
	'7b',
	'8b',
	'12b',
	'14b',
	'24b',
	'32b',
	'70b',
	'120b',
	'235b',
	'405b',
	'480b',
];
const FLAVOURS = ['instruct', 'chat', 'preview', 'turbo', 'mini', 'large', 'small', 'pro', 'lite', 'thinking', 'vision', 'coder', 'exp', 'latest']; // prettier-ignore
const CONTEXTS = [4096, 8192, 16384, 32768, 32768, 65536, 128000, 131072, 131072, 163840, 200000, 256000, 262144, 400000, 1000000, 1048576, 2000000, 10000000]; // prettier-ignore
const BLURBS = [
	'A general-purpose instruction-tuned model for chat, summarisation and extraction.',
	'Optimised for agentic coding: repository-scale edits, tool use and long diffs.',
	'A mixture-of-experts model with strong multilingual performance.',
	'A small, fast model for classification, routing and high-volume tasks.',
	'Built for long documents: legal, finance and research corpora in one prompt.',
	'A roleplay and creative-writing fine-tune with a vivid, uncensored voice.',
	'Multimodal understanding of charts, screenshots and scanned documents.',
	'Reasons step by step before answering; strong at maths and planning.',
	'Generates and edits images from text prompts and reference pictures.',
	'Transcribes and understands speech; answers about audio clips.',
	'Video understanding: describes scenes and answers questions about clips.',
]; // prettier-ignore

/** USD per token as the API writes it: a decimal string without exponent. */
const price = (perMillion: number) =>
	perMillion === 0 ? '0' : String(Number((perMillion / 1_000_000).toPrecision(3)).toFixed(12)).replace(/\.?0+$/, ''); // prettier-ignore

function titleCase(slug: string) {
	return slug
		.split('-')
		.map((w) => (/^\d/.test(w) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
		.join(' ');
}

const SEED = 0x0519_2026;
const COUNT = 520;

export function generateCatalog(count = COUNT, seed = SEED): GeneratedModel[] {
	const rand = random(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
	const chance = (p: number) => rand() < p;
	const out: GeneratedModel[] = [];
	const seen = new Set<string>();
	const base = 1_700_000_000; // Nov 2023; models are spread over the two years after.
	while (out.length < count) {
		const author = pick(AUTHORS);
		const family = pick(author.families);
		const version = chance(0.5) ? `-${1 + Math.floor(rand() * 4)}.${Math.floor(rand() * 6)}` : `-${2 + Math.floor(rand() * 3)}`; // prettier-ignore
		const size = chance(0.6) ? `-${pick(SIZES)}` : '';
		const flavour = chance(0.7) ? `-${pick(FLAVOURS)}` : '';
		const slug = `${family}${version}${size}${flavour}`;
		const id = `${author.slug}/${slug}`;
		if (seen.has(id)) continue;
		seen.add(id);

		// Modalities: mostly text; vision is common; a few media generators.
		const kind = rand();
		const media = family.includes('flux') || family.includes('stable-image') ? 'image-out'
			: family.includes('audio') || family.includes('voice') || family === 'scribe' ? 'audio'
			: author.slug === 'runway' ? 'video'
			: kind < 0.04 ? 'image-out' : kind < 0.07 ? 'audio' : 'text'; // prettier-ignore
		const vision = media === 'text' && (family.includes('vl') || family.includes('vision') || slug.includes('vision') || chance(0.35)); // prettier-ignore
		const input = ['text'];
		if (vision || media === 'image-out' || media === 'video') input.push('image');
		if (vision && chance(0.4)) input.push('file');
		if (media === 'audio' || (vision && chance(0.15))) input.push('audio');
		if (media === 'video' || (vision && chance(0.08))) input.push('video');
		const output =
			media === 'image-out' ? (family.includes('flux') || family.includes('stable') || chance(0.5) ? ['image'] : ['image', 'text'])
			: media === 'audio' ? (family === 'scribe' ? ['text'] : ['audio', 'text'])
			: media === 'video' ? ['video'] : ['text']; // prettier-ignore

		// Parameters: text models get sampling, often tools, sometimes reasoning and logprobs.
		const textModel = media === 'text';
		const params = textModel ? [...SAMPLING, 'max_tokens'].filter((p, i, a) => a.indexOf(p) === i) : ['max_tokens']; // prettier-ignore
		if (textModel && chance(0.7)) params.push(...PENALTIES);
		if (textModel && chance(0.5)) params.push(...OPEN);
		const tools = textModel && chance(0.6);
		if (tools) params.push(...TOOLS, ...(chance(0.5) ? ['parallel_tool_calls'] : []));
		if (textModel && chance(0.45)) params.push(...STRUCTURED);
		else if (textModel && chance(0.3)) params.push('response_format');
		const reasons = textModel && (flavour === '-thinking' || chance(0.3));
		if (reasons) params.push(...REASONING);
		if (textModel && chance(0.25)) params.push(...LOGPROBS);
		if (textModel && chance(0.05)) params.push('web_search_options');

		// Prices per million: log-spread from cents to tens of dollars; media models often "0".
		const zeroPriced = media !== 'text' && chance(0.6);
		const promptM = zeroPriced ? 0 : Number((0.02 * Math.pow(10, rand() * 3)).toPrecision(2));
		const completionM = zeroPriced ? 0 : Number((promptM * (1 + rand() * 5)).toPrecision(2));
		const context = chance(0.03) ? null : pick(CONTEXTS);
		const maxOutput = chance(0.2) || context === null ? null : Math.min(context, pick([2048, 4096, 8192, 16384, 32768, 65536, 131072])); // prettier-ignore
		const created = base + Math.floor(rand() * 730) * 86400;
		const name = `${author.label}: ${titleCase(slug)}`;
		const description = chance(0.08) ? undefined : `${pick(BLURBS)} ${titleCase(family)} by ${author.label}.`; // prettier-ignore
		const reasoning = reasons
			? {
					supported_efforts: chance(0.6) ? ['high', 'medium', 'low'] : undefined,
					default_effort: 'medium',
					mandatory: flavour === '-thinking',
					supports_max_tokens: chance(0.5),
				}
			: undefined;
		const pricing: Record<string, string | number> = {
			prompt: price(promptM),
			completion: price(completionM),
			request: '0',
			image: input.includes('image') && !zeroPriced && chance(0.3) ? price(promptM * 1000) : '0',
			web_search: '0',
			internal_reasoning: '0',
			...(chance(0.3) && !zeroPriced ? { input_cache_read: price(promptM / 10) } : {}),
			discount: 0,
		};
		const model: CatalogModel = {
			id,
			canonical_slug: `${id}-${new Date(created * 1000).toISOString().slice(0, 10).replaceAll('-', '')}`,
			hugging_face_id: chance(0.5)
				? `${author.label.replace(/\W/g, '')}/${titleCase(slug).replace(/ /g, '-')}`
				: null,
			name,
			created,
			...(description === undefined ? {} : { description }),
			context_length: context,
			architecture: {
				modality: `${input.join('+')}->${output.join('+')}`,
				input_modalities: input,
				output_modalities: output,
				tokenizer: author.tokenizer,
				instruct_type: chance(0.3) ? 'chatml' : null,
			},
			pricing,
			top_provider: {
				context_length: context,
				max_completion_tokens: maxOutput,
				is_moderated: chance(0.1),
			},
			per_request_limits: null,
			supported_parameters: params,
			default_parameters: chance(0.5) ? null : { temperature: null, top_p: null },
			...(reasoning ? { reasoning } : {}),
			knowledge_cutoff: chance(0.3) ? '2025-01-31' : null,
			expiration_date: chance(0.03) ? '2026-12-31' : null,
			links: { details: `/api/v1/models/${id}/endpoints` },
		};
		const endpoints = endpointsFor(model, rand, maxOutput);
		out.push({ model, endpoints });

		// A `:free` twin for some cheap open models: zero prices, one or two free endpoints, lower limits.
		if (out.length < count && textModel && promptM < 1 && chance(0.14)) {
			const freeModel: CatalogModel = {
				...model,
				id: `${id}:free`,
				name: `${name} (free)`,
				pricing: { prompt: '0', completion: '0', request: '0', image: '0', web_search: '0', internal_reasoning: '0', discount: 0 }, // prettier-ignore
				top_provider: { ...(model.top_provider as object), max_completion_tokens: maxOutput && Math.min(maxOutput, 4096) }, // prettier-ignore
				links: { details: `/api/v1/models/${id}:free/endpoints` },
			};
			const free = endpointsFor(freeModel, rand, maxOutput && Math.min(maxOutput, 4096)).slice(
				0,
				2,
			);
			out.push({ model: freeModel, endpoints: free });
		}
	}
	return out;
}

function endpointsFor(
	model: CatalogModel,
	rand: () => number,
	maxOutput: number | null,
): Endpoint[] {
	const pickIndex = (n: number) => Math.floor(rand() * n);
	const count = 1 + Math.floor(Math.pow(rand(), 1.6) * 7);
	const chosen = new Set<number>();
	while (chosen.size < count) chosen.add(pickIndex(PROVIDERS.length));
	const params = model.supported_parameters;
	const context = typeof model.context_length === 'number' ? model.context_length : null;
	const promptM = Number(model.pricing.prompt) * 1_000_000;
	const completionM = Number(model.pricing.completion) * 1_000_000;
	return [...chosen].map((index, i) => {
		const p = PROVIDERS[index]!;
		// The first endpoint carries the model's headline price; others cost up to 60 % more.
		const factor = i === 0 ? 1 : 1 + rand() * 0.6;
		// Later endpoints may lack a feature the model lists (the model's list is the union).
		const drop = i > 0 && rand() < 0.35 ? (rand() < 0.6 ? ['tools', 'tool_choice', 'parallel_tool_calls'] : ['response_format', 'structured_outputs', 'logprobs', 'top_logprobs']) : []; // prettier-ignore
		const down = rand();
		const uptime = down < 0.06 ? 40 + rand() * 40 : 97 + rand() * 3;
		const ctx = context && i > 0 && rand() < 0.3 ? Math.floor(context / 2) : context;
		const tag = rand() < 0.12 ? `${p.tag}/turbo` : p.tag;
		const scaled = (n: number) => (n === 0 ? '0' : String(Number(((n * factor) / 1_000_000).toPrecision(3)).toFixed(12)).replace(/\.?0+$/, '')); // prettier-ignore
		return {
			name: `${p.name} | ${model.id}`,
			model_id: model.id,
			model_name: String(model.name),
			context_length: ctx,
			pricing: { ...model.pricing, prompt: scaled(promptM), completion: scaled(completionM) },
			provider_name: p.name,
			tag,
			quantization: rand() < 0.1 ? null : p.quant[pickIndex(p.quant.length)]!,
			max_completion_tokens: maxOutput,
			max_prompt_tokens: null,
			supported_parameters: params.filter((x) => !drop.includes(x)),
			status: down < 0.03 ? -2 : down < 0.06 ? -1 : 0,
			uptime_last_5m: Number(Math.min(100, uptime + rand()).toFixed(2)),
			uptime_last_30m: Number(uptime.toFixed(2)),
			uptime_last_1d: Number(Math.min(100, uptime + 1).toFixed(2)),
			latency_last_30m: null,
			throughput_last_30m: null,
			supports_implicit_caching: rand() < 0.2,
		};
	});
}
