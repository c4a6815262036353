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
});
