/**
 * The one cost estimate made before sending, from catalog prices (USD per token): shown under the
 * Request editor and again beside the bill of a finished run. Prompt tokens are estimated at four
 * characters per token over the text that is sent (messages, tools, response schema); the
 * completion is bounded by max_completion_tokens (which supersedes the deprecated max_tokens),
 * else max_tokens, else the model's output limit, else what is left of the context, and by the
 * reasoning budget when that is larger, since reasoning is billed as output. Images, audio and files
 * are not counted: the estimate says so.
 */
import type { Model } from './catalog';

export type CostEstimate = {
	promptTokens: number;
	maxCompletionTokens: number | null;
	/** USD: prompt only (the answer could be empty). */
	low: number;
	/** USD: prompt plus the whole completion ceiling; null when there is no ceiling or no price. */
	high: number | null;
	uncountedParts: number;
};

export const CHARS_PER_TOKEN = 4;

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (typeof v === 'object' && v !== null ? (v as Loose) : {});
const num = (v: unknown): number | null => (typeof v === 'number' && v > 0 ? v : null);

/** Text that reaches the model, and the number of non-text parts we cannot count. */
export function promptText(request: Loose): { text: string; uncounted: number } {
	let text = '';
	let uncounted = 0;
	for (const message of Array.isArray(request.messages) ? request.messages : []) {
		const content = obj(message).content;
		if (typeof content === 'string') text += content;
		else if (Array.isArray(content))
			for (const part of content) {
				const p = obj(part);
				if (p.type === 'text' && typeof p.text === 'string') text += p.text;
				else uncounted++;
			}
		text += ' '.repeat(4 * CHARS_PER_TOKEN); // role and framing: about four tokens a message
	}
	if (request.tools !== undefined) text += JSON.stringify(request.tools);
	const format = obj(request.response_format);
	if (format.json_schema !== undefined) text += JSON.stringify(format.json_schema);
	if (typeof request.prompt === 'string') text += request.prompt;
	return { text, uncounted };
}

export function estimateTokens(text: string): number {
	return Math.ceil(text.length / CHARS_PER_TOKEN);
}

export function completionCeiling(
	request: Loose,
	model: Model,
	promptTokens: number,
): number | null {
	const cap =
		num(request.max_completion_tokens) ??
		num(request.max_tokens) ??
		model.maxCompletionTokens ??
		(model.contextLength !== null ? Math.max(0, model.contextLength - promptTokens) : null);
	const budget = num(obj(request.reasoning).max_tokens);
	if (cap === null) return budget;
	return budget !== null && budget > cap ? budget : cap;
}

export function estimateCost(request: Loose, model: Model): CostEstimate | null {
	const { prompt, completion, request: perRequest } = model.pricing;
	if (prompt === null || completion === null) return null;
	const { text, uncounted } = promptText(request);
	const promptTokens = estimateTokens(text);
	const ceiling = completionCeiling(request, model, promptTokens);
	const fixed = perRequest ?? 0;
	const low = promptTokens * prompt + fixed;
	return {
		promptTokens,
		maxCompletionTokens: ceiling,
		low,
		high: ceiling === null ? null : low + ceiling * completion,
		uncountedParts: uncounted,
	};
}
