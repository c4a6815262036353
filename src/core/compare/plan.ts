import { PARAMETER_VOCABULARY } from '../request/vocabulary';

/** Compare runs one request against this many models at most. */
export const MAX_COLUMNS = 6;
export const MIN_COLUMNS = 2;

export type ColumnPlan = {
	/** The body this column posts: the request with its model swapped. */
	body: Record<string, unknown>;
	/**
	 * Parameters in the body that the model does not list; providers ignore them
	 * (docs/openrouter-protocol.md#parameters).
	 */
	unsupported: string[];
	/** False when the catalog did not know the model, so nothing could be checked. */
	checked: boolean;
};

export function planColumn(
	request: Record<string, unknown>,
	model: string,
	supported: readonly string[] | undefined,
): ColumnPlan {
	const body = { ...request, model };
	if (!supported) return { body, unsupported: [], checked: false };
	const gated: readonly string[] = PARAMETER_VOCABULARY;
	const unsupported = Object.keys(request).filter(
		(key) => gated.includes(key) && !supported.includes(key),
	);
	return { body, unsupported, checked: true };
}

type Comparable = { model: string; status: string; text: string };

export type MatchNote = { same: boolean; others: number[] };

/**
 * For each finished column, whether its answer equals the other finished columns of the same model
 * (1-based column numbers). Null where there is nothing to compare with.
 */
export function compareSameModel(columns: Comparable[]): (MatchNote | null)[] {
	return columns.map((column, i) => {
		if (column.status !== 'done') return null;
		const others = columns.flatMap((other, j) =>
			j !== i && other.model === column.model && other.status === 'done' ? [j] : [],
		);
		if (others.length === 0) return null;
		return {
			same: others.every((j) => columns[j]?.text === column.text),
			others: others.map((j) => j + 1),
		};
	});
}
