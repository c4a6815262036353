/**
 * What to say when an answer ends with `finish_reason: "length"` (docs/openrouter-protocol.md#finish-reasons):
 * the limit it hit, and a larger one to try. Both limit fields count the answer's tokens, reasoning
 * included; a request may carry either.
 */

export const LIMIT_FIELDS = ['max_tokens', 'max_completion_tokens'] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];

export type OutputLimit = {
	/** The field the request set, or the one to add when it set neither. */
	field: LimitField;
	/** The limit the request set, or null: then the model's (or provider's) own limit cut it. */
	limit: number | null;
	/** A limit to try next, or null when there is nothing larger to offer. */
	raiseTo: number | null;
};

const positive = (v: unknown): number | null =>
	typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null;

/**
 * The limit in `body` (as it was sent) and a raise: double it, capped by the model's largest
 * completion (`modelMax`, from the catalog, null when unknown). With no limit set, the only
 * useful offer is the model's largest completion, when that is known.
 */
export function outputLimit(body: Record<string, unknown>, modelMax: number | null): OutputLimit {
	const field = LIMIT_FIELDS.find((f) => positive(body[f]) !== null) ?? 'max_tokens';
	const limit = positive(body[field]);
	const cap = positive(modelMax);
	if (limit === null) return { field, limit, raiseTo: cap };
	const doubled = limit * 2;
	const raiseTo = cap === null ? doubled : Math.min(doubled, cap);
	return { field, limit, raiseTo: raiseTo > limit ? raiseTo : null };
}
