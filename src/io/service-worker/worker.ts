/**
 * The service worker (built to `sw.js` beside index.html by the `playground-sw` Vite plugin, which
 * writes the precache manifest into it). It keeps the app shell and the keyless model list so the
 * app opens and works offline; what it may cache is decided by `core/offline/cache-policy.ts`.
 * A new version installs beside the old one and waits until the page asks it to take over.
 */
import { cachePolicy, FETCHED_AT_HEADER, isAppPage } from '../../core/offline/cache-policy';

/** `files`: precached at install; `own`: every file of the build, the only ones ever cached. */
type Manifest = { version: string; files: string[]; own: string[]; apiOrigins: string[] };
// Replaced at build time by a JSON string: `{ version, files, own, apiOrigins }`.
const MANIFEST = '__PLAYGROUND_SW_MANIFEST__';

/** The few members of ServiceWorkerGlobalScope used here (the DOM lib does not declare them). */
type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & {
	request: Request;
	respondWith(response: Promise<Response>): void;
};
type WorkerScope = {
	location: Location;
	registration: { scope: string };
	clients: { claim(): Promise<void> };
	skipWaiting(): Promise<void>;
	addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
	addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
	addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
};

const worker = self as unknown as WorkerScope;
const manifest = JSON.parse(MANIFEST) as Manifest;
const SHELL_CACHE = `playground-shell-${manifest.version}`;
const CATALOG_CACHE = 'playground-catalog-v1';
const OWN_FILES = new Set(manifest.own);

const scope = () => worker.registration.scope;
const inScope = (path: string) => new URL(path, scope()).href;

worker.addEventListener('install', (event) => {
	event.waitUntil(
		caches.open(SHELL_CACHE).then((cache) => cache.addAll(manifest.files.map(inScope))),
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys())
				if (name.startsWith('playground-shell-') && name !== SHELL_CACHE) await caches.delete(name);
			await worker.clients.claim();
		})(),
	);
});

// The page asks a waiting version to take over once the user chose to reload.
worker.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'skip-waiting') void worker.skipWaiting();
});

async function fromShell(request: Request): Promise<Response> {
	const cache = await caches.open(SHELL_CACHE);
	const key =
		request.mode === 'navigate' && isAppPage(request.url, scope())
			? inScope('index.html')
			: request;
	// Module scripts are fetched with an Origin header; the precache was not (hosts send Vary).
	const hit = await cache.match(key, {
		ignoreSearch: request.mode === 'navigate',
		ignoreVary: true,
	});
	if (hit) return hit;
	const response = await fetch(request);
	// Lazily loaded chunks (the editor, its workers) are kept once fetched, under their own name
	// only: the page's address may carry a query (`?code=` on the sign-in return) that is not kept.
	const own = typeof key === 'string' ? key : request.url;
	if (response.ok && response.type === 'basic' && !new URL(own).search)
		await cache.put(own, response.clone());
	return response;
}

async function fromCatalog(request: Request): Promise<Response> {
	const cache = await caches.open(CATALOG_CACHE);
	try {
		// Past the HTTP cache: offline must mean "the saved copy", with the time it was saved.
		const response = await fetch(request, { cache: 'no-store' });
		if (response.ok) {
			const headers = new Headers(response.headers);
			headers.set(FETCHED_AT_HEADER, String(Date.now()));
			// The page reads the answer as a CORS response: let it see the stamp.
			const exposed = headers.get('Access-Control-Expose-Headers');
			headers.set(
				'Access-Control-Expose-Headers',
				exposed ? `${exposed}, ${FETCHED_AT_HEADER}` : FETCHED_AT_HEADER,
			);
			const body = await response.clone().arrayBuffer();
			await cache.put(request, new Response(body, { status: 200, headers }));
		}
		return response;
	} catch (error) {
		const hit = await cache.match(request, { ignoreVary: true });
		if (hit) return hit;
		throw error;
	}
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	const kind = cachePolicy(
		{
			method: request.method,
			url: request.url,
			hasAuthorization: request.headers.has('authorization'),
		},
		{ scope: scope(), apiOrigins: manifest.apiOrigins, files: OWN_FILES },
	);
	// Anything else is not touched at all: the browser handles it as if there were no worker.
	if (kind === 'shell') event.respondWith(fromShell(request));
	else if (kind === 'catalog') event.respondWith(fromCatalog(request));
});
