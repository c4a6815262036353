/** USD with 8 decimals: per-token prices are fractions of a cent and must not round to zero. */
export function formatUsd(value: number): string {
	return `$${value.toFixed(8)}`;
}
