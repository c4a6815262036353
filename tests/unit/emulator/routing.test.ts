import { describe, expect, it } from 'vitest';
import { GENERATED } from '../../emulator/catalog';
import { endpointsOf, providerSlug, routeRequest, upstreamBody } from '../../emulator/routing';
import { renderScenario, chooseScenario, type ChatRequestLike } from '../../emulator/scenarios';

const ask = (extra: Partial<ChatRequestLike> = {}): ChatRequestLike => ({
	model: 'deepseek/deepseek-chat',
	messages: [{ role: 'user', content: 'Tell me something.' }],
	stream: true,
	...extra,
});

/** The JSON payloads of a rendered stream, in order. */
function payloads(request: ChatRequestLike, generationId?: string): Record<string, unknown>[] {
	const rendered = renderScenario(chooseScenario(request, undefined), request, { generationId });
	if (rendered.kind !== 'sse') throw new Error(`not a stream: ${rendered.status}`);
	return rendered.frames
		.map((f) => f.text.trim())
		.filter((t) => t.startsWith('data: {'))
		.map((t) => JSON.parse(t.slice(6)) as Record<string, unknown>);
}
const textOf = (chunks: Record<string, unknown>[]) =>
	chunks
		.flatMap((c) => (c.choices as { delta?: { content?: string } }[]) ?? [])
		.map((c) => c.delta?.content ?? '')
		.join('');

describe('provider routing', () => {
	it('serves by the first provider by default, and by provider.order when given', () => {
		expect(routeRequest(ask())).toMatchObject({ ok: true, provider: { name: 'Novita' } });
		expect(routeRequest(ask({ provider: { order: ['deepinfra'] } }))).toMatchObject({
			ok: true,
			provider: { name: 'DeepInfra' },
		});
		expect(providerSlug('Google AI Studio')).toBe('google-ai-studio');
	});

	it('falls back past a provider that is down, unless fallbacks are off', () => {
		const route = routeRequest(ask({ provider: { order: ['chutes', 'novita'] } }));
		expect(route.ok && route.tried.map((p) => p.name)).toEqual(['Chutes', 'Novita']);
		expect(
			routeRequest(ask({ provider: { order: ['chutes'], allow_fallbacks: false } })),
		).toMatchObject({
			ok: false,
			status: 503,
		});
		expect(
			routeRequest(ask({ provider: { order: ['nobody'], allow_fallbacks: false } })),
		).toMatchObject({
			ok: false,
			status: 404,
			message: 'No allowed providers are available for the selected model.',
		});
	});
});

describe('routing over a generated model with several endpoints', () => {
	const many = GENERATED.find(
		(g) =>
			g.endpoints.length >= 3 &&
			g.endpoints.every((e) => e.status === 0) &&
			new Set(g.endpoints.map((e) => e.quantization)).size > 1 &&
			g.endpoints.some((e) => !e.supported_parameters.includes('tools')) &&
			g.endpoints[0]?.supported_parameters.includes('tools'),
	);
	const model = many?.model.id ?? '';
	const tags = many?.endpoints.map((e) => e.tag) ?? [];
	const base = (extra: Partial<ChatRequestLike> = {}) => ask({ model, ...extra });
	const served = (r: ReturnType<typeof routeRequest>) => (r.ok ? r.provider.tag : null);

	it('the generated catalog has such a model, with its endpoints listed', () => {
		expect(many).toBeTruthy();
		expect(endpointsOf(model, false)?.map((e) => e.tag)).toEqual(tags);
	});

	it('honours only, order, ignore and quantizations by tag', () => {
		expect(served(routeRequest(base()))).toBe(tags[0]);
		expect(served(routeRequest(base({ provider: { only: [tags[2]] } })))).toBe(tags[2]);
		expect(served(routeRequest(base({ provider: { order: [tags[1], tags[0]] } })))).toBe(tags[1]);
		expect(served(routeRequest(base({ provider: { ignore: [tags[0]] } })))).not.toBe(tags[0]);
		const q = many?.endpoints.find((e, i) => i > 0 && e.quantization)?.quantization ?? '';
		const withQ = routeRequest(base({ provider: { quantizations: [q] } }));
		expect(withQ.ok && withQ.provider.quantization).toBe(q);
	});

	it('require_parameters skips the endpoints that lack a parameter the request sends', () => {
		const lacking = many?.endpoints.find((e) => !e.supported_parameters.includes('tools'));
		const order = { order: [lacking?.tag ?? ''] };
		const tools = [{ type: 'function', function: { name: 'f', parameters: {} } }];
		expect(served(routeRequest(base({ tools, provider: order })))).toBe(lacking?.tag);
		const strict = routeRequest(base({ tools, provider: { ...order, require_parameters: true } }));
		expect(served(strict)).not.toBe(lacking?.tag);
		expect(strict.ok && strict.provider.supported).toContain('tools');
	});
});

describe('deterministic answers per seed and provider', () => {
	it('the same seed on the same provider gives the same text, on another provider another', () => {
		const novita = textOf(payloads(ask({ seed: 7 }), 'gen-a'));
		expect(textOf(payloads(ask({ seed: 7 }), 'gen-b'))).toBe(novita);
		// Together honours seed too: same seed there is stable, but not Novita's answer.
		const together = ask({
			model: 'qwen/qwen3-235b-a22b',
			seed: 7,
			provider: { order: ['together'] },
		});
		const onTogether = textOf(payloads(together, 'gen-c'));
		expect(textOf(payloads(together, 'gen-d'))).toBe(onTogether);
		expect(textOf(payloads({ ...together, model: 'deepseek/deepseek-chat' }, 'gen-f'))).toBe(
			novita,
		);
		expect(textOf(payloads(ask({ seed: 8 }), 'gen-e'))).not.toBe(novita);
	});

	it('a provider that ignores seed answers differently on every request', () => {
		const pinned = ask({ seed: 7, provider: { order: ['deepinfra'], allow_fallbacks: false } });
		expect(textOf(payloads(pinned, 'gen-1'))).not.toBe(textOf(payloads(pinned, 'gen-2')));
	});
});

describe('debug.echo_upstream_body', () => {
	it('streams one choices-less debug chunk per provider tried, before any content', () => {
		const chunks = payloads(
			ask({ debug: { echo_upstream_body: true }, provider: { order: ['chutes', 'novita'] } }),
		);
		const debug = chunks.filter((c) => c.debug);
		expect(debug.map((c) => c.provider)).toEqual(['Chutes', 'Novita']);
		expect(debug.every((c) => Array.isArray(c.choices) && c.choices.length === 0)).toBe(true);
		expect(chunks.slice(0, 2)).toEqual(debug);
		expect(chunks.at(-1)?.provider).toBe('Novita');
	});

	it('applies to any streamed scenario, and never without the flag or without streaming', () => {
		const claude = { model: 'anthropic/claude-sonnet-4.5', debug: { echo_upstream_body: true } };
		expect(payloads(ask(claude)).filter((c) => c.debug)).toHaveLength(1);
		expect(payloads(ask()).filter((c) => c.debug)).toHaveLength(0);
	});

	it('drops unsupported and router-only fields, renames, rewrites tools and injects prompts', () => {
		const openai = upstreamBody(
			{
				model: 'openai/gpt-4o-mini',
				messages: [{ role: 'user', content: 'hi' }],
				top_k: 40,
				max_tokens: 50,
				provider: { order: ['openai'] },
				plugins: [{ id: 'web' }],
				debug: { echo_upstream_body: true },
				stream: true,
			},
			'OpenAI',
		);
		expect(openai).toMatchObject({ model: 'gpt-4o-mini', max_completion_tokens: 50, stream: true });
		for (const gone of ['top_k', 'max_tokens', 'provider', 'plugins', 'debug'])
			expect(openai).not.toHaveProperty(gone);
		expect((openai.messages as { role: string }[])[0]?.role).toBe('system');

		const claude = upstreamBody(
			{
				model: 'anthropic/claude-sonnet-4.5',
				messages: [
					{ role: 'system', content: 'Be brief.' },
					{ role: 'user', content: 'hi' },
				],
				tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }],
			} as unknown as ChatRequestLike,
			'Google',
		);
		expect(claude.system).toEqual([{ type: 'text', text: 'Be brief.' }]);
		expect(claude.tools).toEqual([{ name: 'f', input_schema: { type: 'object' } }]);
		expect(claude.messages).toEqual([{ role: 'user', content: 'hi' }]);
	});
});
