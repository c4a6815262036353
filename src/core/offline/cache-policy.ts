/**
 * What the service worker may keep for offline use. One pure function, so the rule that matters
 * most (nothing holding the key, no answer of the API but the keyless model list and endpoints) is tested in Node.
 */
export const CACHE_KINDS = ['shell', 'catalog', 'none'] as const;
export type CacheKind = (typeof CACHE_KINDS)[number];

export type CacheRequest = {
	method: string;
	url: string;
	/** True when the request carries an Authorization header (it is never cached, whatever its URL). */
	hasAuthorization: boolean;
};

export type CacheScope = {
	/** The service worker's scope, e.g. `https://example.com/tools/playground/`. */
	scope: string;
	/** Origins of the APIs the build may talk to (the CSP's connect-src). */
	apiOrigins: readonly string[];
	/** The build's own files, relative to the scope (its manifest, written at build time). */
	files: ReadonlySet<string>;
};

/** The header the worker adds to a cached model list: when it was fetched, in ms since the epoch. */
export const FETCHED_AT_HEADER = 'X-Playground-Fetched-At';

function parse(url: string): URL | null {
	try {
		return new URL(url);
	} catch {
		return null;
	}
}

/**
 * `shell`: a file of the build's manifest, without a query (cache-first, precached or cached when
 * fetched), or the app's page itself (answered with the cached index.html, whatever its query).
 * `catalog`: GET …/models or …/models/{author}/{slug}/endpoints on an API origin, keyless
 * (network-first, stamped with its fetch time).
 * `none`: everything else goes to the network untouched: chat/completions, /key, /auth,
 * /generation, any other method, anything with Authorization, other origins, and any other path
 * under the scope or any query on a file (a `?code=` or `?token=` is never written to a cache).
 */
export function cachePolicy(
	request: CacheRequest,
	{ scope, apiOrigins, files }: CacheScope,
): CacheKind {
	if (request.method.toUpperCase() !== 'GET' || request.hasAuthorization) return 'none';
	const url = parse(request.url);
	const base = parse(scope);
	if (!url || !base || (url.protocol !== 'https:' && url.protocol !== 'http:')) return 'none';
	// An API on the app's own origin (a proxy) is still the API: decide that first.
	if (apiOrigins.includes(url.origin)) {
		return /\/api\/v1\/models(\/[^/]+\/[^/]+\/endpoints)?$/.test(url.pathname) &&
			!url.username &&
			!url.password
			? 'catalog'
			: 'none';
	}
	if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return 'none';
	if (isAppPage(url.href, scope)) return 'shell';
	const rest = url.pathname.slice(base.pathname.length);
	return files.has(rest) && !url.search && !url.username && !url.password ? 'shell' : 'none';
}

/** The cache a navigation (any page under the scope) is answered from: the app's one page. */
export function isAppPage(url: string, scope: string): boolean {
	const parsed = parse(url);
	const base = parse(scope);
	if (!parsed || !base || parsed.origin !== base.origin) return false;
	const rest = parsed.pathname.slice(base.pathname.length);
	return parsed.pathname.startsWith(base.pathname) && (rest === '' || rest === 'index.html');
}
