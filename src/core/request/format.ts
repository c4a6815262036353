/**
 * Re-indents request JSON. Only the whitespace between tokens changes: every string and number is
 * copied as written (`1.0`, `1e3` and integers past 2^53 stay as typed, escapes stay escapes), so
 * the formatted text parses to exactly the same value and sends exactly the same bytes of data.
 */
import { parseJson, type JsonError } from './json';

export type FormatResult = { ok: true; text: string } | { ok: false; error: JsonError };

const INDENT = '  ';

export { requestJson } from './request-json';

/** Splits valid JSON into its tokens: strings, numbers and literals as written, and punctuation. */
function tokens(text: string): string[] {
	const out: string[] = [];
	let i = 0;
	while (i < text.length) {
		const char = text[i]!;
		if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
			i++;
		} else if (char === '"') {
			let end = i + 1;
			while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
			out.push(text.slice(i, end + 1));
			i = end + 1;
		} else if ('{}[]:,'.includes(char)) {
			out.push(char);
			i++;
		} else {
			let end = i;
			while (end < text.length && !/[\s{}[\]:,"]/.test(text[end]!)) end++;
			out.push(text.slice(i, end));
			i = end;
		}
	}
	return out;
}

/** Two-space indentation, one member per line, `{}` and `[]` kept on one line. */
export function formatJson(text: string): FormatResult {
	const parsed = parseJson(text);
	if (!parsed.ok) return { ok: false, error: parsed.error };
	const list = tokens(text);
	let out = '';
	let depth = 0;
	const newline = () => `\n${INDENT.repeat(depth)}`;
	for (let i = 0; i < list.length; i++) {
		const token = list[i]!;
		const next = list[i + 1];
		if (token === '{' || token === '[') {
			const empty = next === (token === '{' ? '}' : ']');
			out += token;
			if (empty) {
				out += next;
				i++;
			} else {
				depth++;
				out += newline();
			}
		} else if (token === '}' || token === ']') {
			depth--;
			out += newline() + token;
		} else if (token === ',') {
			out += `,${newline()}`;
		} else if (token === ':') {
			out += ': ';
		} else {
			out += token;
		}
	}
	return { ok: true, text: out };
}
