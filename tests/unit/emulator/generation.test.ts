import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/server';
import { MIN_CACHED_TOKENS, createPromptCache } from '../../emulator/prompt-cache';

let emu: Emulator;
const KEY = 'sk-or-v1-test-generation';
const auth = { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' };
const chat = async (body: unknown, key = KEY) => {
	const res = await fetch(`${emu.apiBaseUrl}/chat/completions`, {
		method: 'POST',
		headers: { ...auth, Authorization: `Bearer ${key}` },
		body: JSON.stringify(body),
	});
	return { id: res.headers.get('x-generation-id') ?? '', body: await res.json() };
};
const generation = (id: string) =>
	fetch(`${emu.apiBaseUrl}/generation?id=${id}`, { headers: auth });
// A system prompt long enough to be cached (over 1024 tokens), then a short question.
const system = { role: 'system', content: 'You answer briefly. '.repeat(260) };
const ask = (question: string, model = 'openai/gpt-4o-mini') => ({
	model,
	messages: [system, { role: 'user', content: question }],
});

beforeAll(async () => {
	emu = await startEmulator({ tokenDelayMs: 0, generationDelayMs: 0 });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

describe('prompt caching', () => {
	it('a prompt that repeats a long prefix reads it from the cache, at the cache-read price', async () => {
		const first = (await chat(ask('one?'))).body.usage;
		expect(first.prompt_tokens_details.cached_tokens).toBe(0);
		const second = (await chat(ask('two?'))).body.usage;
		const cached = second.prompt_tokens_details.cached_tokens;
		expect(cached).toBeGreaterThanOrEqual(MIN_CACHED_TOKENS);
		expect(cached % 128).toBe(0);
		expect(cached).toBeLessThan(second.prompt_tokens);
		// gpt-4o-mini: $0.00000015 a prompt token, $0.000000075 a cached one.
		const prompt = (second.prompt_tokens - cached) * 0.00000015 + cached * 0.000000075;
		expect(second.cost_details.upstream_inference_prompt_cost).toBeCloseTo(prompt, 12);
		expect(second.cost).toBeCloseTo(
			second.cost_details.upstream_inference_prompt_cost +
				second.cost_details.upstream_inference_completions_cost,
			12,
		);
	});

	it('caches per key and model, only prefixes of 1024 tokens or more, only models with a cache price', async () => {
		await chat(ask('one?'));
		expect(
			(await chat(ask('two?'), 'sk-or-v1-test-other')).body.usage.prompt_tokens_details,
		).toMatchObject({ cached_tokens: 0 });
		const cache = createPromptCache();
		const short = [{ role: 'user', content: 'hi' }];
		cache.read(KEY, 'openai/gpt-4o-mini', short);
		expect(cache.read(KEY, 'openai/gpt-4o-mini', short)).toBe(0);
		const long = ask('x').messages;
		cache.read(KEY, 'mistralai/mistral-small', long);
		expect(cache.read(KEY, 'mistralai/mistral-small', long)).toBe(0);
		cache.read(KEY, 'openai/gpt-4o-mini', long);
		expect(cache.read(KEY, 'openai/gpt-4o-mini', long)).toBeGreaterThan(0);
		cache.reset();
		expect(cache.read(KEY, 'openai/gpt-4o-mini', long)).toBe(0);
	});
});

describe('GET /generation record', () => {
	it('has native counts (as usage) and normalized ones, the cost, and the cache discount', async () => {
		await chat(ask('one?'));
		const { id, body } = await chat(ask('two?'));
		const res = await generation(id);
		expect(res.status).toBe(200);
		const { data } = await res.json();
		const usage = body.usage;
		expect(data).toMatchObject({
			id,
			provider_name: 'OpenAI',
			native_tokens_prompt: usage.prompt_tokens,
			native_tokens_completion: usage.completion_tokens,
			native_tokens_cached: usage.prompt_tokens_details.cached_tokens,
			native_tokens_reasoning: 0,
			native_tokens_completion_images: 0,
			total_cost: usage.cost,
			usage: usage.cost,
			upstream_inference_cost: null,
			is_byok: false,
			data_region: 'global',
		});
		// Normalized counts are of the text itself: the native ones also count the JSON framing.
		expect(data.tokens_prompt).toBe(Math.ceil((system.content + '\n' + 'two?').length / 4));
		expect(data.tokens_prompt).not.toBe(data.native_tokens_prompt);
		const text = body.choices[0].message.content as string;
		expect(data.tokens_completion).toBe(Math.ceil(text.length / 4));
		const saved = usage.prompt_tokens_details.cached_tokens * (0.00000015 - 0.000000075);
		expect(data.cache_discount).toBeCloseTo(saved, 12);
		expect(data.provider_responses[0]).toMatchObject({
			provider_name: 'OpenAI',
			status: 200,
			model_permaslug: 'openai/gpt-4o-mini-2024-07-18',
		});
	});

	it('without a cache read the discount is null; reasoning is counted natively', async () => {
		const { id, body } = await chat({
			model: 'anthropic/claude-sonnet-4.5',
			messages: [{ role: 'user', content: 'think' }],
		});
		const { data } = await (await generation(id)).json();
		expect(data.cache_discount).toBeNull();
		expect(data.native_tokens_reasoning).toBe(
			body.usage.completion_tokens_details.reasoning_tokens,
		);
		expect(data.native_tokens_reasoning).toBeGreaterThan(0);
	});

	it('an unknown id is a 404 with the error envelope', async () => {
		const res = await generation('gen-0-nothing');
		expect(res.status).toBe(404);
		expect((await res.json()).error.code).toBe(404);
	});
});
