/**
 * Registers `sw.js` (built beside index.html) so the app opens offline once it has been loaded.
 * Relative to the page's base, so it works under a sub-path; its scope is that folder. Never in
 * dev (Vite serves modules there, not the bundle). A new version waits until the user reloads.
 */
export type UpdateHandle = {
	/** Hands control to the waiting version, then reloads the page once it has taken over. */
	apply(): void;
};

export type WorkerOptions = {
	/** A new version has installed and is waiting; the open tab keeps running the old one. */
	onUpdateReady(update: UpdateHandle): void;
	/** Problems worth a quiet notice (registration refused, e.g. in a private window). */
	onProblem?(message: string): void;
	/**
	 * Whether to have the worker fetch the rich editor's files (about 1 MB gzip) once it is ready,
	 * in idle time, so an offline reload still opens it: not for the plain field, nor with Data Saver.
	 */
	cacheLater?(): boolean;
	/** The worker's answer: every later file is cached (`complete`), or some could not be fetched. */
	onCached?(complete: boolean): void;
	container?: ServiceWorkerContainer | undefined;
	scriptUrl?: string;
	reload?: () => void;
};

/** How long Reload waits for the running version's answer (a version built before it gave one never does). */
export const STAND_DOWN_REPLY_MS = 2000;

/**
 * Asks the running version to drop its open downloads, which would keep the new one waiting, and
 * resolves once it has answered: it is then running. The browser asks the running version to stop
 * as soon as it is idle only if it is running when the new one asks to take over; a version stopped
 * while idle (after about 30 s) and started again for this message would otherwise be left to stop
 * on its own, 30 s later, or never while DevTools is open.
 */
function standDown(controller: ServiceWorker | null): Promise<unknown> {
	return controller
		? ask(controller, { type: 'stand-down' }, STAND_DOWN_REPLY_MS)
		: Promise.resolve();
}

/**
 * Posts `message` with a port for the answer and resolves with the answer's data, or with null
 * after `timeoutMs` (a version that does not know the message never answers).
 */
function ask<T>(
	worker: ServiceWorker,
	message: { type: string },
	timeoutMs?: number,
): Promise<T | null> {
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		const done = (answer: T | null) => {
			clearTimeout(timer);
			channel.port1.close();
			resolve(answer);
		};
		const timer = timeoutMs === undefined ? undefined : setTimeout(done, timeoutMs, null);
		channel.port1.onmessage = (event: MessageEvent<T>) => done(event.data);
		worker.postMessage(message, [channel.port2]);
	});
}

function handleFor(
	waiting: ServiceWorker,
	container: ServiceWorkerContainer,
	reload: () => void,
): UpdateHandle {
	return {
		apply() {
			container.addEventListener('controllerchange', reload, { once: true });
			void standDown(container.controller).then(() =>
				waiting.postMessage({ type: 'skip-waiting' }),
			);
		},
	};
}

export async function registerServiceWorker(options: WorkerOptions): Promise<void> {
	const container = options.container ?? navigator.serviceWorker;
	if (!container) return;
	const scriptUrl = options.scriptUrl ?? `${import.meta.env.BASE_URL}sw.js`;
	let registered: ServiceWorkerRegistration | undefined;
	try {
		registered = await container.register(scriptUrl);
	} catch (error) {
		options.onProblem?.(
			`Offline use is not available in this browser window (${error instanceof Error ? error.message : String(error)}).`,
		);
		return;
	}
	// A stubbed `register` (a privacy extension, a test browser that blocks workers) gives nothing.
	if (!registered) return;
	const registration = registered;
	// Only an update if a version already controls this page; the first install is not news.
	const notify = (waiting: ServiceWorker | null) => {
		if (waiting && container.controller)
			options.onUpdateReady(
				handleFor(waiting, container, options.reload ?? (() => location.reload())),
			);
	};
	notify(registration.waiting);
	registration.addEventListener('updatefound', () => {
		const installing = registration.installing;
		installing?.addEventListener('statechange', () => {
			if (installing.state === 'installed') notify(registration.waiting ?? installing);
		});
	});
	void askForLaterFiles(container, options);
	// A tab left open for days still learns about new versions.
	globalThis.document?.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void registration.update().catch(() => undefined);
	});
}

type Connection = { saveData?: boolean };

async function askForLaterFiles(
	container: ServiceWorkerContainer,
	options: WorkerOptions,
): Promise<void> {
	const saveData = (globalThis.navigator as { connection?: Connection } | undefined)?.connection
		?.saveData;
	if (!options.cacheLater?.() || saveData) return;
	const { active } = await container.ready;
	if (!active) return;
	await new Promise<void>((resolve) =>
		'requestIdleCallback' in globalThis
			? requestIdleCallback(() => resolve(), { timeout: 5000 })
			: setTimeout(resolve, 0),
	);
	const answer = await ask<{ type?: string; complete?: boolean }>(active, { type: 'cache-later' });
	if (answer?.type === 'cached') options.onCached?.(answer.complete === true);
}
