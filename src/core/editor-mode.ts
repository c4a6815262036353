/** When the rich editor (Monaco) replaces the plain text field. A stored choice, versioned. */
export const EDITOR_MODES = [
	{ id: 'auto', label: 'Rich editor (loads when idle)' },
	{ id: 'focus', label: 'Rich editor (loads on focus)' },
	{ id: 'plain', label: 'Plain text' },
] as const;
export type EditorMode = (typeof EDITOR_MODES)[number]['id'];

/** The editor choices kept between visits: which editor, and whether long lines wrap. */
export type EditorChoice = { mode: EditorMode; wrap: boolean };

export type StoredEditorModeV1 = { v: 1; mode: EditorMode };
export type StoredEditorPrefsV2 = { v: 2; mode: EditorMode; wrap: boolean };

export function isEditorMode(value: unknown): value is EditorMode {
	return EDITOR_MODES.some((m) => m.id === value);
}

/** A stored record, current or older (version 1 had no wrap: lines did not wrap). */
export function readStoredEditorPrefs(value: unknown): EditorChoice | null {
	if (typeof value !== 'object' || value === null) return null;
	const record = value as Record<string, unknown>;
	if (!isEditorMode(record.mode)) return null;
	if (record.v === 1) return { mode: record.mode, wrap: false };
	if (record.v === 2 && typeof record.wrap === 'boolean')
		return { mode: record.mode, wrap: record.wrap };
	return null;
}
