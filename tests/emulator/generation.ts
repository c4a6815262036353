/**
 * GET /generation records (docs/openrouter-protocol.md#generation-stats): 404 for a while after the
 * run, then the stats. Token counts come twice, as OpenRouter gives them: `native_tokens_*` in the
 * model's own tokenizer (what `usage` carries) and `tokens_*` normalized (here: about four
 * characters a token of the text itself, so they differ from the native counts the way real ones
 * do). `cache_discount` is what the cached prompt tokens saved against the prompt price; null when
 * nothing was read from a cache.
 */
import { findModel } from './catalog';

type Run = {
	id: string;
	request: { model?: string; messages?: { content?: unknown }[]; user?: unknown };
	provider: string;
	usage: Record<string, unknown> | null;
	/** The answer's text and reasoning, for the normalized completion count. */
	text: string;
	finishReason: string | null;
	streamed: boolean;
	cancelled: boolean;
	latency: number;
	origin: string | undefined;
};

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (typeof v === 'object' && v !== null ? (v as Loose) : {});
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const price = (v: unknown) => Math.max(0, Number(v ?? 0)) || 0;

/** The text of the prompt's messages (string contents and text parts). */
function promptText(messages: Run['request']['messages']): string {
	return (messages ?? [])
		.map(({ content }) =>
			typeof content === 'string'
				? content
				: Array.isArray(content)
					? content.map((part) => String(obj(part).text ?? '')).join('')
					: '',
		)
		.join('\n');
}

export const normalizedTokens = (text: string) =>
	text.length === 0 ? 0 : Math.ceil(text.length / 4);

/** Tokens and money of one run, as the record reports them. */
function accounting(run: Run) {
	const usage = obj(run.usage);
	const cached = num(obj(usage.prompt_tokens_details).cached_tokens);
	const pricing = obj(findModel(run.request.model ?? '')?.model.pricing);
	const saved =
		cached * (price(pricing.prompt) - price(pricing.input_cache_read ?? pricing.prompt));
	const cost = num(usage.cost);
	return {
		tokens_prompt: normalizedTokens(promptText(run.request.messages)),
		tokens_completion: normalizedTokens(run.text),
		native_tokens_prompt: num(usage.prompt_tokens),
		native_tokens_completion: num(usage.completion_tokens),
		native_tokens_reasoning: num(obj(usage.completion_tokens_details).reasoning_tokens),
		native_tokens_cached: cached,
		native_tokens_completion_images: num(obj(usage.completion_tokens_details).image_tokens),
		total_cost: cost,
		usage: cost,
		upstream_inference_cost: obj(usage.cost_details).upstream_inference_cost ?? null,
		cache_discount: cached > 0 ? Number(saved.toFixed(12)) : null,
		is_byok: usage.is_byok === true,
	};
}

export function createGenerations(delayMs: number) {
	const runs = new Map<string, { run: Run; readyAt: number; createdAt: string }>();
	return {
		reset: () => runs.clear(),
		record(run: Run) {
			runs.set(run.id, { run, readyAt: Date.now() + delayMs, createdAt: new Date().toISOString() });
		},
		get(id: string): Record<string, unknown> | null {
			const entry = runs.get(id);
			if (!entry || Date.now() < entry.readyAt) return null;
			const { run } = entry;
			const model = run.request.model ?? 'openrouter/auto';
			return {
				id: run.id,
				upstream_id: `chatcmpl-${run.id.slice(-12)}`,
				request_id: `req-${run.id.slice(-10)}`,
				session_id: null,
				created_at: entry.createdAt,
				model,
				provider_name: run.provider,
				router: null,
				api_type: 'completions',
				app_id: null,
				origin: run.origin ?? null,
				http_referer: null,
				user_agent: null,
				external_user: typeof run.request.user === 'string' ? run.request.user : null,
				preset_id: null,
				workspace_id: null,
				streamed: run.streamed,
				cancelled: run.cancelled,
				finish_reason: run.finishReason,
				native_finish_reason: run.finishReason,
				...accounting(run),
				num_media_prompt: 0,
				num_media_completion: 0,
				num_input_audio_prompt: 0,
				num_search_results: 0,
				num_fetches: 0,
				web_search_engine: null,
				latency: run.latency,
				generation_time: Math.max(0, run.latency - 40),
				moderation_latency: null,
				service_tier: null,
				data_region: 'global',
				response_cache_source_id: null,
				provider_responses: [
					{
						provider_name: run.provider,
						status: 200,
						latency: Math.max(0, run.latency - 20),
						id: `chatcmpl-${run.id.slice(-12)}`,
						endpoint_id: `ep-${run.provider.toLowerCase().replace(/\W+/g, '-')}`,
						model_permaslug: findModel(model)?.model.canonical_slug ?? model,
						is_byok: false,
					},
				],
			};
		},
	};
}
