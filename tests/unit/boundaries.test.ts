/**
 * The layer rules are enforced by the linter (eslint.config.js) and, for core/, by the compiler
 * (tsconfig.core.json: no DOM library). Each test plants a violation the regex-based
 * architecture test could miss and expects the gate's own tools to catch it.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { bin } from '../scripts/bin';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);

async function ruleIds(filePath: string, source: string): Promise<string[]> {
	const eslint = new ESLint({ cwd: ROOT });
	const [result] = await eslint.lintText(source, { filePath: join(ROOT, filePath) });
	return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the linter catches', () => {
	it.each([
		['src/core/planted.ts', 'export const here = () => location.href;', 'no-restricted-globals'],
		[
			'src/core/planted.ts',
			"export const get = () => globalThis.fetch('/x');",
			'no-restricted-properties',
		],
		[
			'src/core/planted.ts',
			'export const w = () => window.document.title;',
			'no-restricted-globals',
		],
		['src/core/planted.ts', "export { send } from '../io/openrouter';", 'no-restricted-imports'],
		[
			'src/core/planted.ts',
			"import { mount } from 'svelte';\nexport { mount };",
			'no-restricted-imports',
		],
		['src/state/planted.ts', 'export const title = () => document.title;', 'no-restricted-globals'],
		['src/state/planted.ts', "export { send } from '../io/openrouter';", 'no-restricted-imports'],
		[
			'src/io/planted.ts',
			"export { getAppState } from '../state/context';",
			'no-restricted-imports',
		],
		['src/ui/planted.ts', "export { send } from '../io/openrouter';", 'no-restricted-imports'],
		['src/app/planted.ts', "export { send } from '../io/openrouter';", 'no-restricted-imports'],
		[
			'src/app/planted.ts',
			"export { default } from '../ui/TopBar.svelte';",
			'no-restricted-imports',
		],
		['src/app/planted.ts', 'export const at = () => location.hash;', 'no-restricted-globals'],
		[
			'src/ui/planted.ts',
			'const dir = "io";\nexport const load = () => import(`../${dir}/openrouter`);',
			'no-restricted-syntax',
		],
	])(
		'%s: %s',
		async (file, source, rule) => {
			expect(await ruleIds(file, source)).toContain(rule);
		},
		60_000,
	);

	it('and lets the allowed forms through', async () => {
		expect(
			await ruleIds('src/core/planted.ts', 'export const host = (u: string) => new URL(u).host;'),
		).toEqual([]);
		expect(
			await ruleIds('src/ui/planted.ts', "export const load = () => import('../state/context');"),
		).toEqual([]);
	}, 60_000);
});

describe('the linter reads the types of Svelte files', () => {
	// These rules see nothing without type information (eslint.config.js, tsconfig.eslint.json):
	// a props type with a member no one reads, a store read without `$`.
	it('an unused prop and a store read as a plain value', async () => {
		const source = [
			'<script lang="ts">',
			"\timport { writable } from 'svelte/store';",
			'\tinterface Props {',
			'\t\tused: string;',
			'\t\tunused: number;',
			'\t}',
			'\tlet { used }: Props = $props();',
			'\tconst store = writable(1);',
			'</script>',
			'',
			'<p>{used} {store}</p>',
		].join('\n');
		// An app file's path, so the file is in the program the types come from.
		expect(await ruleIds('src/ui/CopyButton.svelte', source)).toEqual(
			expect.arrayContaining(['svelte/no-unused-props', 'svelte/require-store-reactive-access']),
		);
	}, 60_000);
});

describe('the compiler catches the page in core/', () => {
	const DIR = join(ROOT, 'tests/.planted-core');
	afterAll(() => rmSync(DIR, { recursive: true, force: true }));

	it('location, document, navigator and fetch do not type-check under tsconfig.core.json', async () => {
		mkdirSync(DIR, { recursive: true });
		writeFileSync(
			join(DIR, 'tsconfig.json'),
			JSON.stringify({
				extends: '../../tsconfig.core.json',
				include: ['planted.ts', 'allowed.ts', '../../src/core/globals.d.ts'],
			}),
		);
		writeFileSync(
			join(DIR, 'planted.ts'),
			[
				'export const a = () => location.href;',
				'export const b = () => document.title;',
				'export const c = () => navigator.language;',
				"export const d = () => fetch('/x');",
			].join('\n'),
		);
		writeFileSync(
			join(DIR, 'allowed.ts'),
			"export const e = (u: string) => new URL(u).origin + new TextEncoder().encode('x').length;\n",
		);
		const result = await run(bin('tsc'), ['-p', join(DIR, 'tsconfig.json')], { cwd: ROOT }).then(
			() => ({ stdout: '' }),
			(error: { stdout: string }) => error,
		);
		const lines = result.stdout.split('\n').filter((l) => l.includes('error TS'));
		for (const [line, name] of [
			[1, 'location'],
			[2, 'document'],
			[3, 'navigator'],
			[4, 'fetch'],
		] as const)
			expect(lines.some((l) => l.includes(`planted.ts(${line},`) && l.includes(`'${name}'`))).toBe(
				true,
			);
		expect(lines.filter((l) => l.includes('allowed.ts'))).toEqual([]);
	}, 120_000);
});
