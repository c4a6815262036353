/**
 * Prompt caching as providers do it (`prompt_tokens_details.cached_tokens`,
 * docs/openrouter-protocol.md#usage-and-cost): a request whose messages start with messages this
 * key already sent to the same model reads that prefix from the cache, billed at the model's
 * `input_cache_read` price. Only models that list that price cache, and only prefixes of at least
 * 1024 tokens (OpenAI's and Anthropic's minimum), counted in steps of 128 as OpenAI does, so the
 * end of a repeated prompt is still read afresh.
 */
import { findModel } from './catalog';
import { promptTokens } from './text';

export const MIN_CACHED_TOKENS = 1024;
const STEP = 128;

export function createPromptCache() {
	const seen = new Set<string>();
	const keyOf = (key: string, model: string, prefix: unknown[]) =>
		`${key}\u0000${model}\u0000${JSON.stringify(prefix)}`;
	return {
		reset: () => seen.clear(),
		/** Tokens of the longest prefix already cached; then caches every prefix of this prompt. */
		read(key: string, model: string, messages: unknown[]): number {
			const cacheable = findModel(model)?.model.pricing.input_cache_read !== undefined;
			if (!cacheable || messages.length === 0) return 0;
			let cached = 0;
			for (let n = messages.length; n > 0 && cached === 0; n--) {
				const prefix = messages.slice(0, n);
				if (seen.has(keyOf(key, model, prefix))) cached = promptTokens(prefix);
			}
			for (let n = 1; n <= messages.length; n++) {
				const prefix = messages.slice(0, n);
				if (promptTokens(prefix) >= MIN_CACHED_TOKENS) seen.add(keyOf(key, model, prefix));
			}
			return cached >= MIN_CACHED_TOKENS ? Math.floor(cached / STEP) * STEP : 0;
		},
	};
}
