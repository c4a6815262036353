/**
 * The one way the app writes US dollars. A dollar or more shows cents ("$12.34"). Less shows the
 * millionth of a dollar, and at least four significant digits when that is finer, so a run that
 * cost $0.039001 or a token priced at $0.00000015 never reads as $0.04 or $0.00. Zeros past the
 * cents are dropped: "$0.50", "$0.05", "$0.0001235".
 */
const MIN_DECIMALS = 6;
const SIGNIFICANT = 4;
/** Past this many decimals an amount shows as "<$0.000000000001": nothing is billed that small. */
const MAX_DECIMALS = 12;

export function formatUsd(usd: number): string {
	const sign = usd < 0 ? '-' : '';
	const abs = Math.abs(usd);
	if (abs >= 1 || abs === 0 || !Number.isFinite(abs)) return `${sign}$${abs.toFixed(2)}`;
	const significant = SIGNIFICANT - 1 - Math.floor(Math.log10(abs));
	const fixed = abs.toFixed(Math.min(MAX_DECIMALS, Math.max(MIN_DECIMALS, significant)));
	if (Number(fixed) === 0) return `${sign}<$${(10 ** -MAX_DECIMALS).toFixed(MAX_DECIMALS)}`;
	return `${sign}$${fixed.replace(/(\.\d\d\d*?)0+$/, '$1')}`;
}
