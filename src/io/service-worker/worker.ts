/**
 * The service worker (built to `sw.js` beside index.html by the `playground-sw` Vite plugin, which
 * writes the precache manifest into it). It keeps the app shell and the keyless model list so the
 * app opens and works offline; what it may cache is decided by `core/offline/cache-policy.ts`.
 * A new version installs beside the old one and waits until the page asks it to take over.
 */
import { cachePolicy, FETCHED_AT_HEADER, isAppPage } from '../../core/offline/cache-policy';

/**
 * `files`: precached at install; `later`: the editor's files, fetched when the page asks (in its
 * idle time); `own`: every file of the build, the only ones ever cached.
 */
type Manifest = {
	version: string;
	files: string[];
	later: string[];
	own: string[];
	apiOrigins: string[];
};
// Replaced at build time by a JSON string: `{ version, files, later, own, apiOrigins }`.
const MANIFEST = '__PLAYGROUND_SW_MANIFEST__';

/** The few members of ServiceWorkerGlobalScope used here (the DOM lib does not declare them). */
type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void };
type ExtendableMessageEvent = ExtendableEvent & {
	data: unknown;
	ports: readonly MessagePort[];
};
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
	addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
};

const worker = self as unknown as WorkerScope;
const manifest = JSON.parse(MANIFEST) as Manifest;
const SHELL_CACHE = `playground-shell-${manifest.version}`;
const CATALOG_CACHE = 'playground-catalog-v1';
const OWN_FILES = new Set(manifest.own);

/**
 * Every network fetch this version starts, for the editor download or on a page's behalf. A new
 * version takes over only once this one has no open event, so when the user asks for it (Reload)
 * the page tells this one to stand down: what is still downloading is dropped, not waited for.
 */
let standDown = new AbortController();
const STAND_DOWN_MS = 10_000;

const scope = () => worker.registration.scope;
const inScope = (path: string) => new URL(path, scope()).href;

worker.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(SHELL_CACHE);
			await cache.addAll(manifest.files.map(inScope));
			// The editor's files an earlier version already holds (same hashed name, same bytes).
			for (const url of manifest.later.map(inScope)) {
				const kept = await caches.match(url, { ignoreVary: true });
				if (kept) await cache.put(url, kept);
			}
		})(),
	);
});

/**
 * Fetches the editor's files that are not cached yet, a few at a time, and says whether all of
 * them now are. Only files of the build's own list, under their own names: nothing else.
 */
async function cacheLater(): Promise<boolean> {
	const cache = await caches.open(SHELL_CACHE);
	const missing: string[] = [];
	for (const url of manifest.later.map(inScope))
		if (!(await cache.match(url, { ignoreVary: true }))) missing.push(url);
	let complete = true;
	// Told to stand down, the whole download stops: not only the files open at that moment.
	const { signal } = standDown;
	const next = async (): Promise<void> => {
		const url = missing.shift();
		if (!url) return;
		if (signal.aborted) return void (complete = false);
		try {
			const response = await fetch(url, { signal });
			if (response.ok && response.type === 'basic') await cache.put(url, response);
			else complete = false;
		} catch {
			complete = false;
		}
		return next();
	};
	await Promise.all([next(), next(), next(), next()]);
	return complete;
}

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys())
				if (name.startsWith('playground-shell-') && name !== SHELL_CACHE) await caches.delete(name);
			await worker.clients.claim();
		})(),
	);
});

// Once the user chose to reload, the page asks the running version to stand down and, once it has
// answered, the waiting one to take over. It asks for the editor's files once it is idle. Answers go
// back on the port the page sent.
worker.addEventListener('message', (event) => {
	const type = (event.data as { type?: string } | null)?.type;
	if (type === 'skip-waiting') void worker.skipWaiting();
	if (type === 'stand-down') {
		// Nor does it start new ones while the new version takes over (the page is about to
		// reload); should that not happen, it serves the network again after a while.
		standDown.abort();
		setTimeout(() => (standDown = new AbortController()), STAND_DOWN_MS);
		// The page asks the new version to take over once this one has answered (register.ts).
		event.ports[0]?.postMessage({ type: 'stood-down' });
	}
	if (type === 'cache-later')
		event.waitUntil(
			cacheLater().then((complete) => event.ports[0]?.postMessage({ type: 'cached', complete })),
		);
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
	const response = await fetch(request, { signal: standDown.signal });
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
		const response = await fetch(request, { cache: 'no-store', signal: standDown.signal });
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
