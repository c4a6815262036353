import { describe, expect, it } from 'vitest';
import { cachePolicy, isAppPage, type CacheKind } from '../../../../src/core/offline/cache-policy';

const files = new Set([
	'index.html',
	'favicon.svg',
	'assets/index-abc123.js',
	'assets/editor.worker-x1.js',
]);
const scope = {
	scope: 'https://tools.example/play/',
	apiOrigins: ['https://openrouter.ai'],
	files,
};
const get = (url: string, hasAuthorization = false) => ({ method: 'GET', url, hasAuthorization });

describe('cachePolicy', () => {
	it.each<[string, CacheKind]>([
		['https://tools.example/play/', 'shell'],
		['https://tools.example/play/index.html', 'shell'],
		// The page itself is answered from the cached index.html (never stored under its query).
		['https://tools.example/play/?code=abc', 'shell'],
		['https://tools.example/play/assets/index-abc123.js', 'shell'],
		['https://tools.example/play/assets/editor.worker-x1.js', 'shell'],
		['https://tools.example/play/favicon.svg', 'shell'],
		['https://openrouter.ai/api/v1/models', 'catalog'],
		['https://openrouter.ai/api/v1/models?supported_parameters=tools', 'catalog'],
		['https://openrouter.ai/api/v1/models/openai/gpt-4o/endpoints', 'catalog'],
		[
			'https://openrouter.ai/api/v1/models/meta-llama/llama-3.3-70b-instruct:free/endpoints',
			'catalog',
		],
	])('%s may be cached as %s', (url, kind) => {
		expect(cachePolicy(get(url), scope)).toBe(kind);
	});

	it.each([
		'https://openrouter.ai/api/v1/chat/completions',
		'https://openrouter.ai/api/v1/key',
		'https://openrouter.ai/api/v1/auth/key',
		'https://openrouter.ai/api/v1/auth/keys',
		'https://openrouter.ai/auth?callback_url=x',
		'https://openrouter.ai/api/v1/generation?id=gen-1',
		'https://openrouter.ai/api/v1/credits',
		'https://openrouter.ai/api/v1/models/count',
		'https://openrouter.ai/api/v1/models/a/b/c/endpoints',
		// Outside the app's scope or on another origin.
		'https://tools.example/other/app.js',
		'https://tools.example/play/sw.js',
		// Under the scope but not a file of the build, or a file asked for with a query.
		'https://tools.example/play/callback?token=abc',
		'https://tools.example/play/assets/index-abc123.js?token=abc',
		'https://tools.example/play/favicon.svg?code=1',
		'https://tools.example/play/assets/other-zzz.js',
		'https://tools.example/play/__emulator/requests',
		'https://tools.example/play/.vite/manifest.json',
		'https://cdn.example/play/x.js',
		'data:text/plain,hi',
		'not a url',
	])('%s is never cached', (url) => {
		expect(cachePolicy(get(url), scope)).toBe('none');
	});

	it('never caches a request carrying Authorization, whatever its URL', () => {
		expect(cachePolicy(get('https://openrouter.ai/api/v1/models', true), scope)).toBe('none');
		expect(cachePolicy(get('https://tools.example/play/index.html', true), scope)).toBe('none');
	});

	it('never caches anything but GET', () => {
		for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD'])
			expect(
				cachePolicy(
					{ method, url: 'https://openrouter.ai/api/v1/models', hasAuthorization: false },
					scope,
				),
			).toBe('none');
	});

	it('treats an API on the app origin as the API, not as the shell', () => {
		const sameOrigin = {
			scope: 'https://tools.example/',
			apiOrigins: ['https://tools.example'],
			files,
		};
		expect(cachePolicy(get('https://tools.example/api/v1/chat/completions'), sameOrigin)).toBe(
			'none',
		);
		expect(cachePolicy(get('https://tools.example/api/v1/models'), sameOrigin)).toBe('catalog');
	});
});

describe('isAppPage', () => {
	it('answers the scope root and index.html, whatever the query', () => {
		expect(isAppPage('https://tools.example/play/', scope.scope)).toBe(true);
		expect(isAppPage('https://tools.example/play/index.html?code=1', scope.scope)).toBe(true);
		expect(isAppPage('https://tools.example/play/other.html', scope.scope)).toBe(false);
		expect(isAppPage('https://tools.example/', scope.scope)).toBe(false);
	});
});
