/** When the rich editor (Monaco) replaces the plain text field. A stored choice, versioned. */
export const EDITOR_MODES = [
	{ id: 'auto', label: 'Rich editor (loads when idle)' },
	{ id: 'focus', label: 'Rich editor (loads on focus)' },
	{ id: 'plain', label: 'Plain text' },
] as const;
export type EditorMode = (typeof EDITOR_MODES)[number]['id'];

export type StoredEditorModeV1 = { v: 1; mode: EditorMode };

export function isEditorMode(value: unknown): value is EditorMode {
	return EDITOR_MODES.some((m) => m.id === value);
}

export function readStoredEditorMode(value: unknown): EditorMode | null {
	if (typeof value !== 'object' || value === null) return null;
	const record = value as Record<string, unknown>;
	return record.v === 1 && isEditorMode(record.mode) ? record.mode : null;
}
