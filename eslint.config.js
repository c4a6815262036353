import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const PURE = 'core is pure: the page, storage and the network belong in io/ or ui/.';
/** What core may not touch: the page, storage, the network. */
const PAGE_AND_IO = [
	'window',
	'document',
	'location',
	'history',
	'navigator',
	'localStorage',
	'sessionStorage',
	'indexedDB',
	'caches',
	'fetch',
	'XMLHttpRequest',
	'WebSocket',
	'EventSource',
	'Worker',
	'requestAnimationFrame',
	'matchMedia',
];
const IMPURE = [
	{
		group: ['svelte', 'svelte/*', 'idb-keyval', 'monaco-editor', 'monaco-editor/*'],
		message: 'core imports only pure packages.',
	},
];
/** Import patterns for the folders a layer must not import, wherever the file sits. */
const layers = (folders, layer) =>
	folders.map((folder) => ({
		group: [`**/${folder}/*`, `**/${folder}/**`, `../${folder}`, `../../${folder}`],
		message: `${layer}/ must not import ${folder}/ (ARCHITECTURE.md).`,
	}));

export default ts.config(
	{
		ignores: [
			'dist/',
			'dist-e2e/',
			'dist-e2e-*/',
			'.reports/',
			'node_modules/',
			'test-results/',
			'test-results-*/',
			'playwright-report/',
			'bench-results/',
			// Written and removed by unit tests while the gate's lint runs beside them.
			'tests/.snippets/',
			'tests/.lab-script/',
			'tests/.planted-core/',
		],
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
			'no-console': ['error', { allow: ['warn', 'error'] }],
		},
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				// Types for the Svelte rules that need them (no-unused-props, store access): from a
				// program of the app alone, where every .svelte file is (tsconfig.eslint.json).
				project: './tsconfig.eslint.json',
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig,
			},
		},
	},
	{ files: ['tests/**', '*.config.*'], rules: { 'no-console': 'off' } },
	// The layers (ARCHITECTURE.md), enforced here as well as by tests/unit/architecture.test.ts and
	// by type-checking core/ without the DOM (tsconfig.core.json). tests/unit/boundaries.test.ts
	// plants a violation of each rule and expects it to be caught.
	{
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: 'ImportExpression[source.type!="Literal"]',
					message: 'import() takes a plain string, so the layer rules can check it.',
				},
			],
		},
	},
	{
		files: ['src/core/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [...layers(['io', 'state', 'ui'], 'core'), ...IMPURE] },
			],
			'no-restricted-globals': ['error', ...PAGE_AND_IO.map((name) => ({ name, message: PURE }))],
			'no-restricted-properties': [
				'error',
				...PAGE_AND_IO.flatMap((property) =>
					['globalThis', 'window', 'self'].map((object) => ({ object, property, message: PURE })),
				),
			],
		},
	},
	{
		files: ['src/state/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: layers(['io', 'ui'], 'state') }],
			'no-restricted-globals': [
				'error',
				...[
					'window',
					'document',
					'location',
					'navigator',
					'localStorage',
					'sessionStorage',
					'indexedDB',
					'fetch',
				].map((name) => ({
					name,
					message: 'state reaches the page and I/O only through what App.svelte passes in.',
				})),
			],
		},
	},
	// The composition root builds the app from what its env hands it, so it runs in Node: only
	// browser.ts (the real env) and lab.ts (the lab's chunk, with its store) reach io/ and the page.
	{
		files: ['src/app/**/*.ts'],
		ignores: ['src/app/browser.ts', 'src/app/lab.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: layers(['io', 'ui'], 'app') }],
			'no-restricted-globals': [
				'error',
				...PAGE_AND_IO.map((name) => ({
					name,
					message: 'createApp reaches the page only through its env (app/browser.ts).',
				})),
			],
		},
	},
	{
		files: ['src/io/**/*.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: layers(['state', 'ui'], 'io') }] },
	},
	{
		files: ['src/ui/**/*.ts', 'src/ui/**/*.svelte'],
		rules: { 'no-restricted-imports': ['error', { patterns: layers(['io'], 'ui') }] },
	},
);
