/** The request as the app writes it: two-space JSON, no trailing newline (no empty last line). */
export function requestJson(value: unknown): string {
	return JSON.stringify(value, null, 2);
}
