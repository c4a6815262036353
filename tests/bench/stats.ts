/** Small statistics for the bench tables. */
export function quantile(values: number[], q: number): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
	return sorted[at] ?? null;
}

export const median = (values: number[]) => quantile(values, 0.5);

export const round = (value: number | null, digits = 1): number | null =>
	value === null ? null : Number(value.toFixed(digits));

/** `a` is within `limit` of `b` (both may be null: then unknown, false). */
export const within = (a: number | null, b: number | null, limit: number): boolean =>
	a !== null && b !== null && a - b <= limit;
