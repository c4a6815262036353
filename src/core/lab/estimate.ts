/**
 * What a grid will cost before it runs, per column and in total: for every row, the prompt tokens
 * of the filled-in request (four characters a token over what is sent, as core/models/cost.ts
 * counts them) at the prompt price, plus the completion ceiling at the completion price. Without a
 * max_tokens the ceiling is a guess, and says so. A model without a known price makes its column,
 * and the total, unknown: never $0.
 */
import { estimateTokens, promptText } from '../models/cost';
import type { ChatRequest } from '../request/types';
import { applyColumn, type JsonObject } from './patch';
import { substitute } from './template';

/** USD per token, as the catalog gives it. */
export type TokenPrices = { prompt: number; completion: number };
/** Model id → prices. A Map: model ids come from the user and the network. */
export type PriceList = ReadonlyMap<string, TokenPrices>;

export type LabColumn = { id: string; patch: JsonObject };

export type ColumnEstimate = {
	column: string;
	model: string | null;
	promptTokens: number;
	completionTokens: number;
	/** No max_tokens bounds the answers: `completionTokens` uses the per-row guess. */
	completionGuessed: boolean;
	/** Rows with a missing or empty variable, estimated from the template as written. */
	unfilledRows: number;
	/** Null when the model's price is not known. */
	usd: number | null;
};

export type GridEstimate = {
	columns: ColumnEstimate[];
	/** Null when any column's price is unknown; `knownUsd` is then the sum of the others. */
	usd: number | null;
	knownUsd: number;
};

/** Tokens assumed for an answer when the request sets no limit: a short paragraph. */
export const DEFAULT_COMPLETION_GUESS = 256;

const positive = (v: unknown): number | null => (typeof v === 'number' && v > 0 ? v : null);

/**
 * The most tokens one answer can bill: max_completion_tokens (which supersedes max_tokens), else
 * max_tokens, raised to the reasoning budget when that is larger, since reasoning is billed as
 * output. Null when nothing bounds it.
 */
export function completionLimit(request: JsonObject): number | null {
	const cap = positive(request.max_completion_tokens) ?? positive(request.max_tokens);
	const reasoning = request.reasoning;
	const budget =
		typeof reasoning === 'object' && reasoning !== null
			? positive((reasoning as JsonObject).max_tokens)
			: null;
	if (cap === null) return budget;
	return budget !== null && budget > cap ? budget : cap;
}

function estimateColumn(
	base: ChatRequest,
	column: LabColumn,
	rows: readonly ReadonlyMap<string, string>[],
	prices: PriceList,
	guess: number,
): ColumnEstimate {
	const request = applyColumn(base, column.patch);
	const model = typeof request.model === 'string' ? request.model : null;
	let promptTokens = 0;
	let unfilledRows = 0;
	for (const values of rows) {
		const filled = substitute(request, values);
		if (!filled.ok) unfilledRows++;
		promptTokens += estimateTokens(promptText(filled.ok ? filled.request : request).text);
	}
	const limit = completionLimit(request);
	const completionTokens = (limit ?? guess) * rows.length;
	const price = model === null ? undefined : prices.get(model);
	const usd = price ? promptTokens * price.prompt + completionTokens * price.completion : null;
	return {
		column: column.id,
		model,
		promptTokens,
		completionTokens,
		completionGuessed: limit === null,
		unfilledRows,
		usd,
	};
}

export function estimateGrid(
	base: ChatRequest,
	columns: readonly LabColumn[],
	rows: readonly ReadonlyMap<string, string>[],
	prices: PriceList,
	completionGuess = DEFAULT_COMPLETION_GUESS,
): GridEstimate {
	const estimates = columns.map((column) =>
		estimateColumn(base, column, rows, prices, completionGuess),
	);
	const knownUsd = estimates.reduce((sum, column) => sum + (column.usd ?? 0), 0);
	const complete = estimates.every((column) => column.usd !== null);
	return { columns: estimates, usd: complete ? knownUsd : null, knownUsd };
}
