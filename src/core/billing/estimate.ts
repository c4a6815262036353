/**
 * The estimate one can make before sending: prompt tokens guessed from the request's text (about
 * four characters a token; the real count uses the model's own tokenizer, §4.4), completion from
 * nothing up to the request's output cap. A range, priced at the model's list prices.
 */
import { priceOf, type ModelPricing } from './bill';

export type PreSendEstimate = {
	promptTokens: number;
	/** The output cap (`max_completion_tokens` or `max_tokens`), null when the request sets none. */
	maxOutputTokens: number | null;
	min: number;
	/** Null when there is no output cap: the cost has no upper bound we can name. */
	max: number | null;
};

const CHARS_PER_TOKEN = 4;

/** The text a tokenizer would see: messages, tools and the response schema. */
function promptText(body: Record<string, unknown>): string {
	const parts = [body.messages, body.prompt, body.tools, body.response_format];
	return parts
		.filter((part) => part !== undefined)
		.map((part) => (typeof part === 'string' ? part : JSON.stringify(part)))
		.join('');
}

export function estimateBeforeSend(
	body: Record<string, unknown>,
	pricing: ModelPricing,
): PreSendEstimate | null {
	const prompt = priceOf(pricing.prompt);
	const completion = priceOf(pricing.completion);
	if (prompt === null || completion === null) return null;
	const promptTokens = Math.ceil(promptText(body).length / CHARS_PER_TOKEN);
	const cap = [body.max_completion_tokens, body.max_tokens].find(
		(v): v is number => typeof v === 'number' && v > 0,
	);
	const request = priceOf(pricing.request) ?? 0;
	const min = promptTokens * prompt + request;
	return {
		promptTokens,
		maxOutputTokens: cap ?? null,
		min,
		max: cap === undefined ? null : min + cap * completion,
	};
}
