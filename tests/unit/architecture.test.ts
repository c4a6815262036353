import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSource } from './architecture-rules';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}

describe('the dependency rule', () => {
	it('holds for every file in src/', () => {
		const files = sources(join(ROOT, 'src'));
		expect(files.length).toBeGreaterThan(10);
		const violations = files.flatMap((path) =>
			checkSource(relative(ROOT, path).replaceAll('\\', '/'), readFileSync(path, 'utf8')),
		);
		expect(violations).toEqual([]);
	});
});

describe('the checker itself catches each forbidden import', () => {
	it.each([
		['src/core/a.ts', `import { mount } from 'svelte';`, 'core imports only pure packages'],
		['src/core/a.ts', `import { send } from '../io/openrouter';`, 'core imports only core'],
		['src/core/a.ts', `import { get } from 'idb-keyval';`, 'core imports only pure packages'],
		['src/core/a.ts', `export const x = () => window.location.href;`, 'core is pure'],
		['src/core/a.ts', `export const x = () => fetch('/x');`, 'core is pure'],
		[
			'src/ui/A.svelte',
			`<script lang="ts">import { send } from '../io/openrouter';</script>`,
			'ui never imports io',
		],
		[
			'src/ui/x/B.svelte',
			`<script>import { createKeyStore } from '../../io/key-store';</script>`,
			'ui never imports io',
		],
		[
			'src/state/s.svelte.ts',
			`import { send } from '../io/openrouter';`,
			'state imports only core and state',
		],
		[
			'src/state/s.svelte.ts',
			`import Pane from '../ui/Pane.svelte';`,
			'state imports only core and state',
		],
		['src/io/x.ts', `import { getAppState } from '../state/context';`, 'io imports only core'],
		[
			'src/ui/editor/monaco.ts',
			`import * as monaco from 'monaco-editor';`,
			'only through dynamic import()',
		],
		[
			'src/ui/editor/Other.svelte',
			`<script>const m = await import('monaco-editor/editor/editor.api');</script>`,
			'only in src/ui/editor/monaco.ts',
		],
		['src/io/x.ts', `export * from '../ui/thing';`, 'io imports only core'],
	])('%s: %s', (file, source, rule) => {
		const violations = checkSource(file, source);
		expect(violations.map((v) => v.rule).join('\n')).toContain(rule);
	});

	it.each([
		[
			'src/core/a.ts',
			`import { createParser } from 'eventsource-parser'; // window is fine in a comment`,
		],
		['src/core/a.ts', `const s = 'fetch(window)';`],
		['src/ui/editor/monaco.ts', `const monaco = await import('monaco-editor/editor/editor.api');`],
		['src/App.svelte', `<script>import { send } from './io/openrouter';</script>`],
		['src/io/x.ts', `import { idbTimeout } from './browser-storage';`],
		['src/state/s.svelte.ts', `import type { Completion } from '../core/stream/types';`],
		['src/core/codegen/x.ts', "export const snippet = `import OpenAI from 'openai';\nwindow.x`;"],
	])('allows %s: %s', (file, source) => {
		expect(checkSource(file, source)).toEqual([]);
	});
});
