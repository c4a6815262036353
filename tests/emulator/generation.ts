/** GET /generation records (reference §9): 404 for a while after the run, then the stats. */
type Run = {
	id: string;
	request: { model?: string };
	provider: string;
	usage: {
		cost?: number;
		prompt_tokens?: number;
		completion_tokens?: number;
		completion_tokens_details?: { reasoning_tokens?: number };
	} | null;
	finishReason: string | null;
	streamed: boolean;
	cancelled: boolean;
	latency: number;
	origin: string | undefined;
};

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
			const usage = run.usage;
			return {
				id: run.id,
				upstream_id: `chatcmpl-${run.id.slice(-12)}`,
				request_id: `req-${run.id.slice(-10)}`,
				session_id: null,
				created_at: entry.createdAt,
				model: run.request.model ?? 'openrouter/auto',
				provider_name: run.provider,
				router: null,
				api_type: 'completions',
				app_id: null,
				origin: run.origin ?? null,
				http_referer: null,
				streamed: run.streamed,
				cancelled: run.cancelled,
				finish_reason: run.finishReason,
				native_finish_reason: run.finishReason,
				tokens_prompt: usage?.prompt_tokens ?? 0,
				tokens_completion: usage?.completion_tokens ?? 0,
				native_tokens_prompt: usage?.prompt_tokens ?? 0,
				native_tokens_completion: usage?.completion_tokens ?? 0,
				native_tokens_reasoning: usage?.completion_tokens_details?.reasoning_tokens ?? 0,
				native_tokens_cached: 0,
				num_media_prompt: 0,
				num_media_completion: 0,
				num_search_results: 0,
				total_cost: usage?.cost ?? 0,
				usage: usage?.cost ?? 0,
				upstream_inference_cost: null,
				cache_discount: null,
				is_byok: false,
				latency: run.latency,
				generation_time: Math.max(0, run.latency - 40),
				moderation_latency: null,
				provider_responses: [
					{
						provider_name: run.provider,
						status: 200,
						latency: Math.max(0, run.latency - 20),
						is_byok: false,
					},
				],
			};
		},
	};
}
