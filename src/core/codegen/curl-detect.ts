/**
 * Whether pasted text is a curl command. Its own tiny module: the paste handler needs it at once,
 * while the importer itself (curl-import.ts) loads only when there is something to import.
 *
 * People paste commands as they found them: after a comment line or blank lines, with a shell
 * prompt (`$ `, `% `) or `time ` in front, quoted in Markdown (`> ` on every line), with Windows
 * line ends. Each of those must still be recognised, or the command (and a key in it) would land
 * in the editor and the saved draft as plain text.
 */
const PREFIX = /^(?:[$%]\s+|time\s+)+/;
const CURL = /^curl(\.exe)?(\s|$)/;

/** The command as the shell would see it (prompt, comments and quoting removed), or null. */
export function curlCommandOf(text: string): string | null {
	let lines = text.replace(/\r\n?/g, '\n').split('\n');
	const quoted = (line: string) => /^\s*>(\s|$)/.test(line);
	const start = lines.findIndex((line) => {
		const bare = quoted(line) ? line.replace(/^\s*>\s?/, '') : line;
		return bare.trim() !== '' && !bare.trim().startsWith('#');
	});
	if (start < 0) return null;
	lines = lines.slice(start);
	if (quoted(lines[0]!))
		lines = lines.map((line) => (quoted(line) ? line.replace(/^\s*>\s?/, '') : line));
	const command = lines.join('\n').trim().replace(PREFIX, '');
	return CURL.test(command) ? command : null;
}

export function looksLikeCurl(text: string): boolean {
	return curlCommandOf(text) !== null;
}
