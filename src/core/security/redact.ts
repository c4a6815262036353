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
 * Past this many objects and arrays the quick scan gives up and lets the full walk decide: the walk
 * tracks what it has seen, so shared or cyclic references cost it once, where the scan would follow
 * every path to them. A stream chunk has a few dozen.
 */
const SCAN_BUDGET = 10_000;

const isPlain = (v: object) => {
	const proto = Object.getPrototypeOf(v) as unknown;
	return proto === Object.prototype || proto === null;
};

/**
 * True when some string or object key that `redactValue` would look at holds `sk-or-` or one of
 * the known keys (or the scan ran out of budget): otherwise `redactKeys` leaves every one of them
 * as it is, and the walk would return the value itself. It reads the same strings as the walk but
 * allocates nothing, which for a stream's thousands of small chunks is most of the walk's cost
 * (benchmark B4).
 */
function mayHoldKey(value: unknown, needles: readonly string[]): boolean {
	let budget = SCAN_BUDGET;
	const holds = (s: string) => {
		for (const needle of needles) if (s.includes(needle)) return true;
		return false;
	};
	const scan = (v: unknown): boolean => {
		if (typeof v === 'string') return holds(v);
		if (typeof v !== 'object' || v === null) return false;
		if (--budget < 0) return true;
		if (Array.isArray(v)) {
			for (const item of v as unknown[]) if (scan(item)) return true;
			return false;
		}
		if (!isPlain(v)) return false;
		const record = v as Record<string, unknown>;
		for (const key in record)
			if (Object.hasOwn(record, key) && (holds(key) || scan(record[key]))) return true;
		return false;
	};
	return scan(value);
}

/**
 * A JSON-like value with every string (and object key) redacted. Returns the same value when
 * nothing changed, so a stream's chunks cost one quick scan and no copies. Cycles are not followed.
 */
export function redactValue<T>(value: T, known: readonly (string | null | undefined)[] = []): T {
	const needles = ['sk-or-'];
	for (const key of known) if (key && key.length >= MIN_KNOWN_LENGTH) needles.push(key);
	if (!mayHoldKey(value, needles)) return value;
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
		if (!isPlain(v)) return v;
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

/** Keys that JSON always writes as they are: no escape can spell one. */
const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

export type KeyWatch = {
	/** Text as it arrives, in order, in any pieces. */
	see(text: string): void;
	/**
	 * True while no text seen so far could make a key once parsed as JSON: no `sk-or-`, no known
	 * key, no `\u` or `\/` escape (one may be cut between two pieces; the watch sees across). A
	 * value parsed from that text holds no key, so it needs no `redactValue` walk.
	 */
	readonly clean: boolean;
};

/**
 * Watches a body's text so the values parsed from it are walked for keys only when the text could
 * hold one. A fast stream brings thousands of small chunks; walking each is most of what redaction
 * costs (benchmark B4), and almost no stream ever quotes a key. Once unclean, always unclean.
 */
export function watchForKeys(known: readonly (string | null | undefined)[] = []): KeyWatch {
	const keys = known.filter((key): key is string => !!key && key.length >= MIN_KNOWN_LENGTH);
	const needles = ['sk-or-', '\\u', '\\/', ...keys];
	const carry = Math.max(...needles.map((n) => n.length)) - 1;
	let clean = keys.every((key) => PLAIN_KEY.test(key));
	let tail = '';
	return {
		see(text) {
			if (!clean || !text) return;
			const seenText = tail + text;
			if (needles.some((needle) => seenText.includes(needle))) clean = false;
			tail = seenText.slice(-carry);
		},
		get clean() {
			return clean;
		},
	};
}
