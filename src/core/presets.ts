/** Named requests the user saved. Versioned records, like every stored thing. */
export type PresetV1 = { v: 1; id: string; name: string; text: string; savedAt: number };

export type PresetStore = {
	list(): Promise<{ presets: PresetV1[]; notice: string | null }>;
	put(preset: PresetV1): Promise<{ ok: boolean; notice: string | null }>;
	remove(id: string): Promise<{ ok: boolean; notice: string | null }>;
};

/** The latest time a `Date` can print (see MAX_AT in core/history/record.ts). */
const MAX_SAVED_AT = 8.64e15;

/** Whether `value` is a preset, each field of its type and in range (it may come from a file). */
export function isPreset(value: unknown): value is PresetV1 {
	if (typeof value !== 'object' || value === null) return false;
	const r = value as Record<string, unknown>;
	return (
		r.v === 1 &&
		typeof r.id === 'string' &&
		r.id.length > 0 &&
		r.id.length <= 200 &&
		typeof r.name === 'string' &&
		typeof r.text === 'string' &&
		typeof r.savedAt === 'number' &&
		r.savedAt >= 0 &&
		r.savedAt <= MAX_SAVED_AT
	);
}

/** A preset rebuilt from its known fields only (no `__proto__` or other extras), or null. */
export function readPreset(value: unknown): PresetV1 | null {
	if (!isPreset(value)) return null;
	const { id, name, text, savedAt } = value;
	return { v: 1, id, name, text, savedAt };
}

/** A name that no other preset has: "Draft", "Draft (2)", … */
export function uniqueName(wanted: string, taken: readonly string[]): string {
	const name = wanted.trim() || 'Untitled';
	if (!taken.includes(name)) return name;
	for (let n = 2; ; n++) if (!taken.includes(`${name} (${n})`)) return `${name} (${n})`;
}

export function sortPresets(presets: readonly PresetV1[]): PresetV1[] {
	return [...presets].sort((a, b) => a.name.localeCompare(b.name));
}
