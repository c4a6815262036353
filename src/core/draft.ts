/** The request text being edited, kept between visits. Versioned like every stored record. */
export type DraftV1 = { v: 1; text: string; savedAt: number };

export type DraftStore = {
	load(): Promise<{ text: string | null; notice: string | null }>;
	save(text: string): Promise<{ ok: boolean; notice: string | null }>;
};

export function isDraft(value: unknown): value is DraftV1 {
	if (typeof value !== 'object' || value === null) return false;
	const record = value as Record<string, unknown>;
	return record.v === 1 && typeof record.text === 'string' && typeof record.savedAt === 'number';
}
