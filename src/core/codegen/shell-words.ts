/**
 * Splits one pasted shell command into words the way bash would, without running anything: single
 * and double quotes, $'…' (ANSI-C) strings, backslash escapes and backslash-newline continuations,
 * comments, and here-documents (`<<'JSON'`). Expansions ($VAR, $(…), `…`) are kept as written.
 * The command ends at the first unquoted newline or operator (| ; & > <); what follows is reported.
 */
export type ShellWords =
	| { ok: true; words: string[]; heredoc: string | null; rest: string }
	| { ok: false; message: string };

const OPERATORS = '|;&><';
const BLANKS = ' \t';

/** Bash's double quotes: a backslash escapes only these (and a newline, which it removes). */
const DOUBLE_ESCAPABLE = '$`"\\';

const ANSI_C: Record<string, string> = {
	n: '\n',
	t: '\t',
	r: '\r',
	a: '\x07',
	b: '\b',
	e: '\x1b',
	E: '\x1b',
	f: '\f',
	v: '\v',
	'\\': '\\',
	"'": "'",
	'"': '"',
	'?': '?',
};

/** Reads $'…' starting after the opening quote; returns the text and the index after the closing quote. */
function readAnsiC(text: string, start: number): { value: string; end: number } | null {
	let value = '';
	let i = start;
	while (i < text.length) {
		const c = text[i]!;
		if (c === "'") return { value, end: i + 1 };
		if (c !== '\\') {
			value += c;
			i += 1;
			continue;
		}
		const next = text[i + 1] ?? '';
		const simple = ANSI_C[next];
		if (simple !== undefined) {
			value += simple;
			i += 2;
			continue;
		}
		const hex = /^(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|[0-7]{1,3})/.exec(
			text.slice(i + 1, i + 10),
		);
		if (hex) {
			const digits = hex[0];
			const code = /^[0-7]/.test(digits) ? parseInt(digits, 8) : parseInt(digits.slice(1), 16);
			value += code <= 0x10ffff ? String.fromCodePoint(code) : '';
			i += 1 + digits.length;
			continue;
		}
		value += `\\${next}`;
		i += 2;
	}
	return null;
}

/** Reads "…" starting after the opening quote. */
function readDouble(text: string, start: number): { value: string; end: number } | null {
	let value = '';
	let i = start;
	while (i < text.length) {
		const c = text[i]!;
		if (c === '"') return { value, end: i + 1 };
		if (c === '\\' && text[i + 1] === '\n') i += 2;
		else if (c === '\\' && DOUBLE_ESCAPABLE.includes(text[i + 1] ?? '')) {
			value += text[i + 1];
			i += 2;
		} else {
			value += c;
			i += 1;
		}
	}
	return null;
}

/** `<<'JSON'` / `<<-EOF`: returns the delimiter and where its word ends. */
function readHeredocStart(text: string, start: number): { delimiter: string; end: number } | null {
	const match = /^<<-?[ \t]*(?:'([^'\n]+)'|"([^"\n]+)"|([A-Za-z_][A-Za-z0-9_]*))/.exec(
		text.slice(start),
	);
	if (!match) return null;
	return { delimiter: match[1] ?? match[2] ?? match[3] ?? '', end: start + match[0].length };
}

/** The here-document body: the lines after the command up to a line that is exactly the delimiter. */
function readHeredocBody(text: string, from: number, delimiter: string) {
	const lineEnd = text.indexOf('\n', from);
	if (lineEnd < 0) return null;
	const lines = text.slice(lineEnd + 1).split('\n');
	const close = lines.findIndex((line) => line.replace(/^\t+/, '') === delimiter);
	if (close < 0) return null;
	return { body: lines.slice(0, close).join('\n'), rest: lines.slice(close + 1).join('\n') };
}

export function splitShellWords(input: string): ShellWords {
	const text = input.replace(/\r\n?/g, '\n');
	const words: string[] = [];
	let word = '';
	let inWord = false;
	let heredoc: string | null = null;
	const flush = () => {
		if (inWord) words.push(word);
		word = '';
		inWord = false;
	};
	let i = 0;
	while (i < text.length) {
		const c = text[i]!;
		const next = text[i + 1] ?? '';
		if (BLANKS.includes(c)) {
			flush();
			i += 1;
		} else if (c === '\\' && next === '\n') {
			i += 2;
		} else if (c === '^' && next === '\n' && !inWord) {
			// Windows cmd.exe continuation, as in commands copied from Windows docs.
			i += 2;
		} else if (c === '\\') {
			word += next;
			inWord = true;
			i += 2;
		} else if (c === '#' && !inWord) {
			const end = text.indexOf('\n', i);
			i = end < 0 ? text.length : end;
		} else if (c === "'") {
			const end = text.indexOf("'", i + 1);
			if (end < 0) return { ok: false, message: "A single quote (') is never closed." };
			word += text.slice(i + 1, end);
			inWord = true;
			i = end + 1;
		} else if (c === '"' || (c === '$' && (next === '"' || next === "'"))) {
			const read =
				c === '$' && next === "'"
					? readAnsiC(text, i + 2)
					: readDouble(text, c === '$' ? i + 2 : i + 1);
			if (!read)
				return {
					ok: false,
					message: `A ${c === '$' && next === "'" ? "$'" : 'double'} quote is never closed.`,
				};
			word += read.value;
			inWord = true;
			i = read.end;
		} else if (c === '<' && next === '<' && text[i + 2] !== '<') {
			flush();
			const start = readHeredocStart(text, i);
			if (!start) return { ok: false, message: 'A here-document (<<) has no delimiter word.' };
			const body = readHeredocBody(text, start.end, start.delimiter);
			if (!body)
				return {
					ok: false,
					message: `The here-document is never closed: no line reads ${start.delimiter}.`,
				};
			heredoc = body.body;
			// The rest of the command line goes on after the delimiter word; the body is consumed.
			const lineEnd = text.indexOf('\n', start.end);
			const before = text.slice(start.end, lineEnd);
			const after = splitShellWords(before);
			if (!after.ok) return after;
			words.push(...after.words);
			return { ok: true, words, heredoc, rest: (after.rest + body.rest).trim() };
		} else if (c === '\n' || OPERATORS.includes(c)) {
			flush();
			return { ok: true, words, heredoc, rest: text.slice(i).trim() };
		} else {
			word += c;
			inWord = true;
			i += 1;
		}
	}
	flush();
	return { ok: true, words, heredoc, rest: '' };
}
