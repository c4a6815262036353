/**
 * Whether pasted text is a curl command. Its own tiny module: the paste handler needs it at once,
 * while the importer itself (curl-import.ts) loads only when there is something to import.
 */
export function looksLikeCurl(text: string): boolean {
	return /^\s*(\$\s+)?curl(\.exe)?(\s|$)/.test(text);
}
