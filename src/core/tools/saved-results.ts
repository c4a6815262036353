/**
 * Tool results the user typed before, per tool name, so a tool loop can be replayed without typing
 * the same answer again. Versioned like every stored record; the newest first, a few per tool.
 * Tool names come from the model, so in memory they key a `Map`: a tool named `constructor` or
 * `__proto__` must find its own results, never a property every object inherits.
 */
export type SavedToolResultsV1 = { v: 1; byTool: Record<string, string[]> };
export type ResultsByTool = ReadonlyMap<string, readonly string[]>;

export const SAVED_PER_TOOL = 5;
const MAX_RESULT_CHARS = 20_000;

/** A stored value, or no results when it is missing, unreadable or from another version. */
export function readSavedResults(value: unknown): ResultsByTool {
	const out = new Map<string, string[]>();
	if (typeof value !== 'object' || value === null) return out;
	const { v, byTool } = value as Record<string, unknown>;
	if (v !== 1 || typeof byTool !== 'object' || byTool === null) return out;
	for (const [name, list] of Object.entries(byTool)) {
		if (!Array.isArray(list)) continue;
		const results = list.filter((r): r is string => typeof r === 'string' && r.length > 0);
		if (results.length > 0) out.set(name, results.slice(0, SAVED_PER_TOOL));
	}
	return out;
}

/** The record to store. `Object.fromEntries` defines every name as an own property, `__proto__` too. */
export function storedResults(saved: ResultsByTool): SavedToolResultsV1 {
	return { v: 1, byTool: Object.fromEntries([...saved].map(([name, list]) => [name, [...list]])) };
}

/**
 * Adds the results just used, newest first: a result used again moves to the front, empty and very
 * long ones are not kept, and each tool keeps at most SAVED_PER_TOOL.
 */
export function rememberResults(
	saved: ResultsByTool,
	used: readonly { name: string; result: string }[],
): ResultsByTool {
	const byTool = new Map(saved);
	for (const { name, result } of used) {
		if (!name || !result.trim() || result.length > MAX_RESULT_CHARS) continue;
		const rest = (byTool.get(name) ?? []).filter((r) => r !== result);
		byTool.set(name, [result, ...rest].slice(0, SAVED_PER_TOOL));
	}
	return byTool;
}
