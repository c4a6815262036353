import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { highlight, type Language } from '../../../../src/core/codegen/highlight';
import { GOLDEN_DIR } from './fixtures';

const LANGUAGE: Record<string, Language> = { sh: 'bash', ts: 'typescript', py: 'python' };
const kinds = (code: string, language: Language) =>
	highlight(code, language)
		.filter((t) => t.kind !== 'plain')
		.map((t) => [t.kind, t.text]);

describe('highlight', () => {
	it.each(readdirSync(GOLDEN_DIR))('%s: the tokens join back to the code exactly', (file) => {
		const code = readFileSync(join(GOLDEN_DIR, file), 'utf8');
		const tokens = highlight(code, LANGUAGE[file.split('.').pop()!]!);
		expect(tokens.map((t) => t.text).join('')).toBe(code);
		expect(tokens.some((t) => t.kind === 'string')).toBe(true);
	});

	it('bash: options, the key variable, quoted strings and a here-document', () => {
		const code = `curl 'https://x/a#b' \\\n  -H "Authorization: Bearer $OPENROUTER_API_KEY" \\\n  --data-binary @- <<'JSON'\n{"a": "'#x"}\nJSON\n# done`;
		expect(kinds(code, 'bash')).toEqual([
			['keyword', 'curl'],
			['string', "'https://x/a#b'"],
			['keyword', '-H'],
			['string', '"Authorization: Bearer $OPENROUTER_API_KEY"'],
			['keyword', '--data-binary'],
			['string', `<<'JSON'\n{"a": "'#x"}\nJSON`],
			['comment', '# done'],
		]);
	});

	it('typescript: strings with escapes, templates, comments, keywords, numbers', () => {
		const code = `const a = "x\\"// no" + 'y' + \`t \${b}\`; // c\nawait f(12.5e3);`;
		expect(kinds(code, 'typescript')).toEqual([
			['keyword', 'const'],
			['string', '"x\\"// no"'],
			['string', "'y'"],
			['string', '`t ${b}`'],
			['comment', '// c'],
			['keyword', 'await'],
			['number', '12.5e3'],
		]);
	});

	it('python: f-strings, comments, True/None', () => {
		expect(kinds(`x = f"{a}#" # c\nif x is None: y = True`, 'python')).toEqual([
			['string', 'f"{a}#"'],
			['comment', '# c'],
			['keyword', 'if'],
			['keyword', 'is'],
			['keyword', 'None'],
			['keyword', 'True'],
		]);
	});

	it('an unclosed string runs to the end of its line, without rescanning', () => {
		const code = `"${'\\"'.repeat(200_000)}`;
		const started = performance.now();
		expect(
			highlight(code, 'python')
				.map((t) => t.text)
				.join(''),
		).toBe(code);
		expect(performance.now() - started).toBeLessThan(1000);
	});

	it('a 5 MB data URL costs one token and little time', () => {
		const code = `curl x -d '{"url": "data:image/png;base64,${'A'.repeat(5_000_000)}"}'`;
		const started = performance.now();
		const tokens = highlight(code, 'bash');
		expect(performance.now() - started).toBeLessThan(500);
		expect(tokens.filter((t) => t.kind === 'string')).toHaveLength(1);
	});

	// Each rule below is pinned by a case that fails when the rule is changed: a lookbehind
	// dropped, a boundary removed, a word taken out of a list, a line end no longer ending a string.
	it.each<[string, Language, string[][]]>([
		['a # in a word is not a comment', 'bash', [['keyword', 'curl']]],
		[
			'a - inside a word is not an option',
			'bash',
			[
				['keyword', 'curl'],
				['keyword', '--max-time'],
			],
		],
		[
			'braced and bare variables, not $1',
			'bash',
			[
				['variable', '${OPENROUTER_API_KEY}'],
				['variable', '$HOME'],
			],
		],
		[
			'an unclosed single quote runs to the end',
			'bash',
			[
				['keyword', 'curl'],
				['string', "'abc\ndef"],
			],
		],
		['a double quote keeps escaped quotes and newlines', 'bash', [['string', '"a\\"b\nc"']]],
		[
			'<<- here-document, ended only by its own line',
			'bash',
			[
				['string', "<<-'EOF'\n y\nEOFX\nEOF"],
				['comment', '# after'],
			],
		],
		[
			'an unclosed string ends at its line in TypeScript',
			'typescript',
			[
				['string', '"abc'],
				['keyword', 'const'],
				['string', "'x"],
				['keyword', 'let'],
			],
		],
		[
			'whole words only',
			'typescript',
			[
				['variable', 'process'],
				['keyword', 'new'],
			],
		],
		[
			'numbers are whole tokens',
			'typescript',
			[
				['number', '1.5'],
				['number', '2e10'],
				['number', '3E-2'],
			],
		],
		[
			'string prefixes and whole words in Python',
			'python',
			[
				['string', "rb'x'"],
				['string', 'fr"y"'],
				['variable', 'os'],
				['keyword', 'elif'],
			],
		],
	])('%s', (_, language, expected) => {
		const CODE: Record<string, string> = {
			'a # in a word is not a comment': 'curl a#b',
			'a - inside a word is not an option': 'curl x-y a--b --max-time',
			'braced and bare variables, not $1': 'echo ${OPENROUTER_API_KEY} $HOME $1',
			'an unclosed single quote runs to the end': "curl 'abc\ndef",
			'a double quote keeps escaped quotes and newlines': 'x "a\\"b\nc" y',
			'<<- here-document, ended only by its own line': "x <<-'EOF'\n y\nEOFX\nEOF\n# after",
			'an unclosed string ends at its line in TypeScript': `"abc\nconst 'x\nlet`,
			'whole words only': 'processor process constant newer new x1',
			'numbers are whole tokens': 'a1 1.5 2e10 3E-2 b2c',
			'string prefixes and whole words in Python': `rb'x' fr"y" osx os elifs elif`,
		};
		const code = CODE[_] as string;
		expect(kinds(code, language)).toEqual(expected);
		expect(
			highlight(code, language)
				.map((t) => t.text)
				.join(''),
		).toBe(code);
	});

	it.each<[Language, string]>([
		[
			'typescript',
			'import from const let await async for of if else return new throw try catch typeof in instanceof true false null undefined',
		],
		[
			'python',
			'import from as for in if else elif not and or is None True False def return with raise break continue',
		],
	])('%s: every keyword is one', (language, list) => {
		for (const word of list.split(' '))
			expect(kinds(` ${word} `, language), word).toEqual([['keyword', word]]);
	});
});
