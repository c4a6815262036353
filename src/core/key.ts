/** Where a key lives. A closed set: the UI offers exactly these. */
export const KEY_MODES = [
	{ id: 'device', label: 'Remember on this device' },
	{ id: 'tab', label: 'This tab only' },
] as const;
export type KeyMode = (typeof KEY_MODES)[number]['id'];

export type KeyLoad = { key: string | null; mode: KeyMode; notice: string | null };
export type KeySave = { ok: true; mode: KeyMode } | { ok: false; mode: KeyMode; notice: string };

/** Implemented by `io/key-store.ts`; the state layer only sees this shape. */
export type KeyStore = {
	load(): Promise<KeyLoad>;
	save(key: string, mode: KeyMode): Promise<KeySave>;
	forget(): Promise<void>;
	/** Called when another tab of this app saved or forgot a key; returns an unsubscribe. */
	subscribe?(onChange: () => void): () => void;
};

export type StoredKeyV1 = { v: 1; key: string; savedAt: number };

/** `sk-or-v1-abc…wxyz` → `sk-or-…wxyz`: enough to recognise a key, never enough to use it. */
export function maskKey(key: string): string {
	const tail = key.slice(-4);
	const head = key.startsWith('sk-or-') ? 'sk-or-' : key.slice(0, 3);
	return key.length <= 8 ? `…${tail}` : `${head}…${tail}`;
}

export function isStoredKey(value: unknown): value is StoredKeyV1 {
	if (typeof value !== 'object' || value === null) return false;
	const record = value as Record<string, unknown>;
	return record.v === 1 && typeof record.key === 'string' && record.key.length > 0;
}

/** Trims pasted whitespace and a pasted `Bearer ` prefix; returns null when nothing usable is left. */
export function cleanKey(input: string): string | null {
	const key = input.trim().replace(/^Bearer\s+/i, '');
	return key.length > 0 && !/\s/.test(key) ? key : null;
}

/**
 * OpenRouter's keys start `sk-or-v1-` (docs/openrouter-protocol.md#request-headers); any `sk-or-`
 * token of letters, digits, `-` and `_` passes, so test keys and future versions do too. Another
 * shape is most likely a paste gone wrong, but a custom base URL may take other keys: the dialog
 * asks before saving one, it does not refuse.
 */
export function looksLikeOpenRouterKey(key: string): boolean {
	return /^sk-or-[A-Za-z0-9_-]{8,}$/.test(key);
}
