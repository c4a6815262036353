/**
 * Tool results the user typed before, per tool name, so a tool loop can be replayed without typing
 * the same answer again. Versioned like every stored record; the newest first, a few per tool.
 */
export type SavedToolResultsV1 = { v: 1; byTool: Record<string, string[]> };

export const SAVED_PER_TOOL = 5;
const MAX_RESULT_CHARS = 20_000;

export const EMPTY_SAVED_RESULTS: SavedToolResultsV1 = { v: 1, byTool: {} };

/** A stored value, or the empty record when it is missing, unreadable or from another version. */
export function readSavedResults(value: unknown): SavedToolResultsV1 {
	if (typeof value !== 'object' || value === null) return EMPTY_SAVED_RESULTS;
	const { v, byTool } = value as Record<string, unknown>;
	if (v !== 1 || typeof byTool !== 'object' || byTool === null) return EMPTY_SAVED_RESULTS;
	const out: Record<string, string[]> = {};
	for (const [name, list] of Object.entries(byTool)) {
		if (!Array.isArray(list)) continue;
		const results = list.filter((r): r is string => typeof r === 'string' && r.length > 0);
		if (results.length > 0) out[name] = results.slice(0, SAVED_PER_TOOL);
	}
	return { v: 1, byTool: out };
}

/**
 * Adds the results just used, newest first: a result used again moves to the front, empty and very
 * long ones are not kept, and each tool keeps at most SAVED_PER_TOOL.
 */
export function rememberResults(
	saved: SavedToolResultsV1,
	used: readonly { name: string; result: string }[],
): SavedToolResultsV1 {
	const byTool = { ...saved.byTool };
	for (const { name, result } of used) {
		if (!name || !result.trim() || result.length > MAX_RESULT_CHARS) continue;
		const rest = (byTool[name] ?? []).filter((r) => r !== result);
		byTool[name] = [result, ...rest].slice(0, SAVED_PER_TOOL);
	}
	return { v: 1, byTool };
}
