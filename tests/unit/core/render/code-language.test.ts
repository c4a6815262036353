import { describe, expect, it } from 'vitest';
import { highlight } from '../../../../src/core/codegen/highlight';
import { codeLanguage } from '../../../../src/core/render/code-language';

describe('code blocks in answers are highlighted by their info string', () => {
	it.each([
		['language-py', 'python'],
		['Python', 'python'],
		['language-ts', 'typescript'],
		['js', 'typescript'],
		['json', 'typescript'],
		['language-bash', 'bash'],
		['sh', 'bash'],
	])('%s → %s', (tag, language) => {
		expect(codeLanguage(tag)).toBe(language);
	});

	it.each(['', 'language-', 'rust', 'constructor', '__proto__', 'language-toString'])(
		'%s stays plain',
		(tag) => {
			expect(codeLanguage(tag)).toBeNull();
		},
	);

	it('JSON through the TypeScript rules: strings, numbers and literals, the text kept exactly', () => {
		const json = '{\n  "a": [1, -2.5e3, true, null],\n  "b": "x\\"y"\n}';
		const tokens = highlight(json, codeLanguage('json')!);
		expect(tokens.map((t) => t.text).join('')).toBe(json);
		const kinds = (kind: string) => tokens.filter((t) => t.kind === kind).map((t) => t.text);
		expect(kinds('string')).toEqual(['"a"', '"b"', '"x\\"y"']);
		expect(kinds('keyword')).toEqual(['true', 'null']);
		expect(kinds('number')).toEqual(['1', '2.5e3']);
	});
});
