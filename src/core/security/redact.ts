/**
 * Key redaction for everything that enters the app from outside (API bodies, streams, imported
 * files, the clipboard). A body that quotes `Authorization: Bearer sk-or-…` must not carry the key
 * into the DOM, history or an export, and this holds after "Forget key" too: the shape is enough.
 */

/** What a redacted key reads as. Plain characters: safe inside JSON strings and shell words. */
export const KEY_HIDDEN = '[key hidden]';

/** OpenRouter keys: `sk-or-v1-<64 hex>`; any `sk-or-` token is treated as one (not inside a word). */
const KEY_SHAPE = /(?<![A-Za-z0-9_])sk-or-[A-Za-z0-9_-]{6,}/g;
/** Below this a "known key" is too short to be one and would match ordinary text. */
const MIN_KNOWN_LENGTH = 12;

/** `known` keys (the current one) verbatim, then anything key-shaped, replaced by `replacement`. */
export function redactKeys(
	text: string,
	known: readonly (string | null | undefined)[] = [],
	replacement = KEY_HIDDEN,
): string {
	let out = text;
	for (const key of known)
		if (key && key.length >= MIN_KNOWN_LENGTH && out.includes(key))
			out = out.split(key).join(replacement);
	return out.includes('sk-or-') ? out.replace(KEY_SHAPE, replacement) : out;
}

/** True when `text` holds one of the `known` keys or anything key-shaped. */
export function containsKey(
	text: string,
	known: readonly (string | null | undefined)[] = [],
): boolean {
	return redactKeys(text, known) !== text;
}

/**
 * A JSON-like value with every string (and object key) redacted. Returns the same value when
 * nothing changed, so a stream's chunks cost one walk and no copies. Cycles are not followed.
 */
export function redactValue<T>(value: T, known: readonly (string | null | undefined)[] = []): T {
	const seen = new Set<object>();
	const walk = (v: unknown): unknown => {
		if (typeof v === 'string') return redactKeys(v, known);
		if (typeof v !== 'object' || v === null || seen.has(v)) return v;
		seen.add(v);
		if (Array.isArray(v)) {
			let changed = false;
			const out = v.map((item) => {
				const next = walk(item);
				if (next !== item) changed = true;
				return next;
			});
			return changed ? out : v;
		}
		const proto = Object.getPrototypeOf(v) as unknown;
		if (proto !== Object.prototype && proto !== null) return v;
		let changed = false;
		const entries = Object.entries(v).map(([k, item]) => {
			const key = redactKeys(k, known);
			const next = walk(item);
			if (next !== item || key !== k) changed = true;
			return [key, next] as const;
		});
		return changed ? Object.fromEntries(entries) : v;
	};
	return walk(value) as T;
}
