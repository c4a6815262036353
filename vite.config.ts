/// <reference types="vitest/config" />
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { parseOriginList } from './src/core/api-origin.ts';
import { buildCsp, buildHeadersFile, inlineScripts } from './src/core/security/csp.ts';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
	laterList,
	manifestVersion,
	ownFiles,
	precacheList,
	type BundleItem,
} from './src/core/offline/precache.ts';

export const DEFAULT_API_BASE_URL = 'https://openrouter.ai/api/v1';

/** The CSP source for each inline script of a page: `sha256-` and the base64 of its SHA-256. */
const scriptHashes = (html: string): string[] =>
	inlineScripts(html).map((text) => `sha256-${createHash('sha256').update(text).digest('base64')}`);

/**
 * Puts the production CSP into the built index.html and writes `_headers` beside it. The page's
 * inline scripts are allowed by their hashes, taken from index.html and checked against the built
 * page (a script changed by the build would be refused by the browser).
 */
function productionCsp(apiBaseUrl: string, extraOrigins: string[]): Plugin {
	const page = readFileSync(fileURLToPath(new URL('./index.html', import.meta.url)), 'utf8');
	const hashes = scriptHashes(page);
	return {
		name: 'playground-csp',
		apply: 'build',
		transformIndexHtml: {
			order: 'post',
			handler(html) {
				if (scriptHashes(html).join() !== hashes.join())
					throw new Error('the build changed an inline script of index.html: its CSP hash');
				const csp = buildCsp(apiBaseUrl, { extraOrigins, scriptHashes: hashes });
				const meta = `<meta http-equiv="Content-Security-Policy" content="${csp}" />`;
				return html.replace('<!-- csp -->', meta);
			},
		},
		generateBundle() {
			this.emitFile({
				type: 'asset',
				fileName: '_headers',
				source: buildHeadersFile(apiBaseUrl, extraOrigins, hashes),
			});
		},
	};
}

/**
 * Puts the first page's stylesheet into index.html as a `<style>` (the CSP allows inline styles;
 * Monaco needs them too). A linked stylesheet blocks rendering until it arrives, so the frame that
 * parsed the page could not end before the script ran: one long frame at load (B1). Inline, the page
 * paints as soon as it is parsed, and a visit needs one request fewer before its first paint.
 */
function inlineEntryCss(): Plugin {
	// The href starts with the base ('./' or '/some/path/'); the bundle names it from assets/.
	const LINK = /<link rel="stylesheet"(?: crossorigin)? href="[^"]*?(assets\/[^"]+\.css)">/g;
	return {
		name: 'playground-inline-css',
		apply: 'build',
		transformIndexHtml: {
			order: 'post',
			handler(html, { bundle }) {
				if (!bundle) return html;
				return html.replace(LINK, (_tag, fileName: string) => {
					const asset = bundle[fileName];
					if (asset?.type !== 'asset') throw new Error(`${fileName} is not in the bundle`);
					const css = String(asset.source);
					if (/<\/style/i.test(css)) throw new Error(`${fileName} cannot be inlined`);
					// Nothing else loads it: the service worker must not precache it either.
					delete bundle[fileName];
					for (const item of Object.values(bundle))
						if (item.type === 'chunk') item.viteMetadata?.importedCss.delete(fileName);
					return `<style>${css}</style>`;
				});
			},
		},
	};
}

const SW_PLACEHOLDER = /(["'`])__PLAYGROUND_SW_MANIFEST__\1/g;

/**
 * Builds the service worker to `sw.js` (a stable name beside index.html, so its scope is the app's
 * base) and writes into it the precache list taken from this bundle, the files it fetches later
 * (the editor), the list of all its own files
 * (the only ones the worker ever caches) and the API origins.
 */
function serviceWorker(apiOrigins: string[]): Plugin {
	return {
		name: 'playground-sw',
		apply: 'build',
		enforce: 'post',
		buildStart() {
			const id = fileURLToPath(new URL('./src/io/service-worker/worker.ts', import.meta.url));
			this.emitFile({ type: 'chunk', id, fileName: 'sw.js' });
		},
		generateBundle(_options, bundle) {
			const worker = bundle['sw.js'];
			if (!worker || worker.type !== 'chunk') throw new Error('sw.js was not built');
			if (worker.imports.length > 0) throw new Error('sw.js must not share chunks with the app');
			const items: BundleItem[] = Object.values(bundle).map((item) =>
				item.type === 'chunk'
					? {
							type: 'chunk',
							fileName: item.fileName,
							isEntry: item.isEntry && item.fileName !== 'sw.js',
							imports: item.imports,
							dynamicImports: item.dynamicImports,
							heavy: item.moduleIds.some((id) => id.includes('/node_modules/monaco-editor/')),
							css: item.viteMetadata?.importedCss,
							assets: item.viteMetadata?.importedAssets,
						}
					: { type: 'asset', fileName: item.fileName },
			);
			const publicDir = fileURLToPath(new URL('./public', import.meta.url));
			const publicFiles = readdirSync(publicDir);
			const files = precacheList(items, publicFiles);
			const own = ownFiles(items, publicFiles);
			const later = laterList(items, publicFiles);
			const page = bundle['index.html'];
			const pageText = page?.type === 'asset' ? String(page.source) : '';
			const version = manifestVersion([...files, ...later], pageText);
			const manifest = { version, files, later, own, apiOrigins };
			const matches = worker.code.match(SW_PLACEHOLDER)?.length ?? 0;
			if (matches !== 1)
				throw new Error(`sw.js: expected one manifest placeholder, found ${matches}`);
			worker.code = worker.code.replace(SW_PLACEHOLDER, JSON.stringify(JSON.stringify(manifest)));
		},
	};
}

export default defineConfig(({ mode }) => {
	const env = loadEnv(mode, process.cwd(), 'VITE_');
	const apiBaseUrl = env.VITE_OPENROUTER_BASE_URL || DEFAULT_API_BASE_URL;
	const extraOrigins = parseOriginList(env.VITE_ALLOWED_API_ORIGINS);
	return {
		base: env.VITE_BASE || './',
		plugins: [
			svelte(),
			productionCsp(apiBaseUrl, extraOrigins),
			inlineEntryCss(),
			serviceWorker([new URL(apiBaseUrl).origin, ...extraOrigins]),
		],
		// Monaco (loaded late, in its own chunks) is big by nature; the first bundle is what we budget.
		build: {
			target: 'es2022',
			sourcemap: false,
			manifest: true,
			chunkSizeWarningLimit: 1000,
			rolldownOptions: {
				output: {
					// Libraries shared by lazy chunks get chunks named for them, so the budgets say
					// what grew: left alone, jsonc-parser's chunk is called `main` and partial-json
					// joins a lazy chunk called `index-client`, a name the first bundle also has.
					codeSplitting: {
						groups: [
							{ name: 'jsonc-parser', test: /node_modules[\\/]jsonc-parser[\\/]/ },
							{ name: 'partial-json', test: /node_modules[\\/]partial-json[\\/]/ },
						],
					},
				},
			},
		},
		preview: { port: 4173, strictPort: true },
		server: { port: 5173 },
		test: {
			environment: 'node',
			// Worker threads, not child processes: the same 2 707 tests in 57 and 59 s against 64 and
			// 68 s with forks (two workers, alternating runs). No test changes the process itself
			// (chdir, signals), which a thread could not.
			pool: 'threads',
			projects: [
				{
					extends: true,
					test: {
						name: 'unit',
						include: ['tests/unit/**/*.test.ts'],
						exclude: ['tests/unit/app/**', 'tests/unit/core/**'],
					},
				},
				// core/ is pure: its modules hold no state but caches, and its tests stub nothing. So
				// its test files share the modules they import within a worker instead of loading
				// them again for each file: the whole unit run took 75 and 70 CPU-s and 45.7 and 43.9 s
				// against 88 and 87 CPU-s and 53.1 and 52.0 s (two workers, alternating runs).
				{
					extends: true,
					test: { name: 'core', include: ['tests/unit/core/**/*.test.ts'], isolate: false },
				},
				// The composition root's effects (draft saving, the lab's early load) run only in
				// Svelte's client runtime: these tests compile for the browser and run in Node.
				{
					extends: true,
					resolve: { conditions: ['browser'] },
					test: {
						name: 'app',
						include: ['tests/unit/app/**/*.test.ts'],
						environment: './tests/unit/app/client-environment.ts',
					},
				},
			],
		},
	};
});
