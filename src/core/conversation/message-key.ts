/** A message of `messages`: any JSON object (roles and fields are the API's to judge). */
export type Message = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON equality that ignores key order: what a message is, not how it was typed. */
export function messageKey(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		isObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
	);
}

export const sameMessage = (a: unknown, b: unknown): boolean =>
	a !== undefined && b !== undefined && messageKey(a) === messageKey(b);
