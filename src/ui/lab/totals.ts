import type { Totals } from '../../core/lab/grid-summary';
import { formatUsd } from '../../core/money';

/** "3/5 done · 1 failed · 1 200 tokens · $0.0012": a column's or the grid's numbers. */
export function describeTotals(t: Totals): string {
	const parts = [`${t.done}/${t.cells} done`];
	if (t.failed > 0) parts.push(`${t.failed} failed`);
	const tokens = t.promptTokens + t.completionTokens;
	if (tokens > 0) parts.push(`${tokens} tokens`);
	if (t.timed > 0)
		parts.push(t.costUnknown > 0 ? `${formatUsd(t.costUsd)} + unknown` : formatUsd(t.costUsd));
	return parts.join(' · ');
}
