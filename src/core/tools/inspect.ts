import { validateSchema, type Violation } from '../schema/validate';
import type { ToolCall } from '../stream/types';

export type ToolCallView = {
	/** Arguments pretty-printed when they are JSON, else as sent. */
	pretty: string;
	/** Why the arguments are not JSON (null when they are, or while they may still be arriving). */
	jsonError: string | null;
	/** Violations of the tool's own `parameters` schema; null when the tool or its schema is unknown. */
	violations: Violation[] | null;
	/** The request declared no tool of this name. */
	unknownTool: boolean;
	/** The parsed arguments and the tool's schema, for a check elsewhere; null when either is missing. */
	toCheck: { schema: unknown; value: unknown } | null;
};

type Check = (schema: unknown, value: unknown) => Violation[];

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `parameters` schema of each function tool in the request, by name. */
export function toolSchemas(body: Record<string, unknown> | null): Map<string, unknown> {
	const out = new Map<string, unknown>();
	for (const tool of Array.isArray(body?.tools) ? body.tools : []) {
		const fn = isObject(tool) && isObject(tool.function) ? tool.function : null;
		if (fn && typeof fn.name === 'string') out.set(fn.name, fn.parameters ?? null);
	}
	return out;
}

/**
 * Pretty arguments, JSON problems and schema violations of one call. `settled` is false while the
 * call may still grow; a cut-off argument string is then not yet an error. `check: null` leaves
 * the violations to the caller (the app checks the user's schemas in a worker).
 */
export function inspectToolCall(
	call: ToolCall,
	schemas: Map<string, unknown>,
	settled: boolean,
	check: Check | null = validateSchema,
): ToolCallView {
	const unknownTool = schemas.size > 0 && call.name !== '' && !schemas.has(call.name);
	// Zero-argument tools may come with no arguments at all (docs/openrouter-protocol.md#tool-calls).
	const source = call.arguments.trim() === '' ? '{}' : call.arguments;
	let value: unknown;
	try {
		value = JSON.parse(source);
	} catch (error) {
		return {
			pretty: call.arguments,
			jsonError: settled ? `The arguments are not valid JSON: ${(error as Error).message}` : null,
			violations: null,
			unknownTool,
			toCheck: null,
		};
	}
	const schema = schemas.get(call.name);
	return {
		pretty: JSON.stringify(value, null, 2),
		jsonError: null,
		violations: schema && check ? check(schema, value) : null,
		unknownTool,
		toCheck: schema ? { schema, value } : null,
	};
}
