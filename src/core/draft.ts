import { ATTRIBUTION_HEADERS } from './attribution';

/**
 * The request being edited, kept between visits: the JSON text and the attribution headers an
 * imported curl command brought (they are part of what Send sends, so they come back with it).
 * Versioned like every stored record; version 1 had the text only.
 */
export type DraftV2 = { v: 2; text: string; headers: Record<string, string>; savedAt: number };
export type Draft = Pick<DraftV2, 'text' | 'headers'>;

export type DraftStore = {
	load(): Promise<{ draft: Draft | null; notice: string | null }>;
	save(draft: Draft): Promise<{ ok: boolean; notice: string | null }>;
};

/** Headers as stored: only the attribution names the import keeps, string values of sane length. */
function readHeaders(value: unknown): Record<string, string> | null {
	if (value === undefined) return {};
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
	const headers: Record<string, string> = {};
	for (const [name, text] of Object.entries(value)) {
		if (!ATTRIBUTION_HEADERS.includes(name) || typeof text !== 'string') return null;
		// What fetch accepts as a header value: one line of Latin-1, so a stored value can never break Send.
		if (text.length > 2048 || !/^[\t\x20-\x7e\x80-\xff]*$/.test(text)) return null;
		headers[name] = text;
	}
	return headers;
}

/** A stored draft of any known version, migrated to the current one; null when unreadable. */
export function readDraft(value: unknown): DraftV2 | null {
	if (typeof value !== 'object' || value === null) return null;
	const record = value as Record<string, unknown>;
	if (typeof record.text !== 'string' || typeof record.savedAt !== 'number') return null;
	if (record.v === 1) return { v: 2, text: record.text, headers: {}, savedAt: record.savedAt };
	if (record.v !== 2) return null;
	const headers = readHeaders(record.headers);
	return headers && { v: 2, text: record.text, headers, savedAt: record.savedAt };
}
