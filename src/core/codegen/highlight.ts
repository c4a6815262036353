/**
 * A tiny syntax highlighter for the three snippet languages: one linear regex pass, no library, no
 * HTML. It returns tokens whose texts join back to the input exactly; the UI renders each as a text
 * node inside a span, so nothing in a snippet is ever parsed as markup.
 */
export const TOKEN_KINDS = ['plain', 'string', 'comment', 'keyword', 'number', 'variable'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];
export type Token = { kind: TokenKind; text: string };
export type Language = 'bash' | 'typescript' | 'python';

// Unrolled string loops ("[^"\\]*(?:\\.[^"\\]*)*") stay linear on megabyte-long strings, and an
// unclosed string runs to the end of its line (or of the text), so no quote is ever rescanned.
const DQ = String.raw`"[^"\\\n]*(?:\\.[^"\\\n]*)*"?`;
const SQ = String.raw`'[^'\\\n]*(?:\\.[^'\\\n]*)*'?`;
const NUMBER = String.raw`\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b`;
const words = (list: string) => String.raw`\b(?:${list.split(' ').join('|')})\b`;

/** Per language: [kind, pattern] in priority order. */
const RULES: Record<Language, [TokenKind, string][]> = {
	bash: [
		['comment', String.raw`(?<![^\s])#[^\n]*`],
		// A quoted here-document: the body up to its delimiter line is one literal string.
		['string', String.raw`<<-?'(?<hd>\w+)'[^\n]*\n[\s\S]*?\n\k<hd>(?=\n|$)`],
		['string', String.raw`'[^']*'?`],
		['string', String.raw`"[^"\\]*(?:\\[\s\S][^"\\]*)*"?`],
		['variable', String.raw`\$\{?[A-Za-z_]\w*\}?`],
		['keyword', String.raw`(?<![^\s])(?:--?[A-Za-z][\w-]*|curl)\b`],
	],
	typescript: [
		['comment', String.raw`\/\/[^\n]*|\/\*[\s\S]*?\*\/`],
		['string', `${DQ}|${SQ}`],
		['string', String.raw`\`[^\`\\]*(?:\\[\s\S][^\`\\]*)*\`?`],
		[
			'keyword',
			words(
				'import from const let await async for of if else return new throw try catch typeof in instanceof true false null undefined',
			),
		],
		['variable', words('process')],
		['number', NUMBER],
	],
	python: [
		['comment', String.raw`#[^\n]*`],
		['string', `[fFrRbBuU]{0,2}(?:${DQ}|${SQ})`],
		[
			'keyword',
			words(
				'import from as for in if else elif not and or is None True False def return with raise break continue',
			),
		],
		['variable', words('os')],
		['number', NUMBER],
	],
};

const COMPILED = new Map<Language, { regex: RegExp; kinds: TokenKind[] }>();

function compile(language: Language) {
	let compiled = COMPILED.get(language);
	if (!compiled) {
		const rules = RULES[language];
		compiled = {
			regex: new RegExp(rules.map(([, pattern], i) => `(?<t${i}>${pattern})`).join('|'), 'g'),
			kinds: rules.map(([kind]) => kind),
		};
		COMPILED.set(language, compiled);
	}
	return compiled;
}

export function highlight(code: string, language: Language): Token[] {
	const { regex, kinds } = compile(language);
	const tokens: Token[] = [];
	let last = 0;
	regex.lastIndex = 0;
	for (let match = regex.exec(code); match; match = regex.exec(code)) {
		if (match[0] === '') {
			regex.lastIndex += 1;
			continue;
		}
		if (match.index > last) tokens.push({ kind: 'plain', text: code.slice(last, match.index) });
		const groups = match.groups ?? {};
		const rule = kinds.findIndex((_, i) => groups[`t${i}`] !== undefined);
		tokens.push({ kind: kinds[rule] ?? 'plain', text: match[0] });
		last = match.index + match[0].length;
	}
	if (last < code.length) tokens.push({ kind: 'plain', text: code.slice(last) });
	return tokens;
}
