/// <reference types="vitest/config" />
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { parseOriginList } from './src/core/api-origin.ts';
import { buildCsp, buildHeadersFile } from './src/core/security/csp.ts';

export const DEFAULT_API_BASE_URL = 'https://openrouter.ai/api/v1';

/** Puts the production CSP into the built index.html and writes `_headers` beside it. */
function productionCsp(apiBaseUrl: string, extraOrigins: string[]): Plugin {
	return {
		name: 'playground-csp',
		apply: 'build',
		transformIndexHtml(html) {
			const meta = `<meta http-equiv="Content-Security-Policy" content="${buildCsp(apiBaseUrl, { extraOrigins })}" />`;
			return html.replace('<!-- csp -->', meta);
		},
		generateBundle() {
			this.emitFile({
				type: 'asset',
				fileName: '_headers',
				source: buildHeadersFile(apiBaseUrl, extraOrigins),
			});
		},
	};
}

export default defineConfig(({ mode }) => {
	const env = loadEnv(mode, process.cwd(), 'VITE_');
	const apiBaseUrl = env.VITE_OPENROUTER_BASE_URL || DEFAULT_API_BASE_URL;
	return {
		base: env.VITE_BASE || './',
		plugins: [svelte(), productionCsp(apiBaseUrl, parseOriginList(env.VITE_ALLOWED_API_ORIGINS))],
		build: { target: 'es2022', sourcemap: false, manifest: true },
		preview: { port: 4173, strictPort: true },
		server: { port: 5173 },
		test: {
			include: ['tests/unit/**/*.test.ts'],
			environment: 'node',
		},
	};
});
