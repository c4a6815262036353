import type { RunRecord } from './record';

/** History keeps this many runs; the oldest go first. */
export const MAX_RUNS = 200;
/** From this many on, the history view says that old runs will soon be dropped. */
export const WARN_RUNS = 180;

/** Splits runs (newest first) into those kept and the oldest ones over the bound. */
export function applyBound(
	runs: RunRecord[],
	max = MAX_RUNS,
): { kept: RunRecord[]; dropped: RunRecord[] } {
	return { kept: runs.slice(0, max), dropped: runs.slice(max) };
}

/** What the history view says about the bound, or null while far from it. */
export function boundNotice(count: number, max = MAX_RUNS, warn = WARN_RUNS): string | null {
	if (count < warn) return null;
	const left = Math.max(max - count, 0);
	return left > 0
		? `History holds ${count} of ${max} runs. After ${left} more, the oldest runs are dropped: export to keep them.`
		: `History is full (${max} runs): each new run drops the oldest one. Export to keep them.`;
}
