/** What every store in io/ shares about the browser's storage. */

/** IndexedDB can hang (a blocked upgrade, some private modes): no store waits on it forever. */
export const IDB_TIMEOUT_MS = 3000;

/** `promise`, or a rejection once IndexedDB has not answered for `ms`; the timer is cleared. */
export function idbTimeout<T>(promise: Promise<T>, ms = IDB_TIMEOUT_MS): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('IndexedDB did not answer')), ms);
		promise.then(
			(value) => (clearTimeout(timer), resolve(value)),
			(error: unknown) => (clearTimeout(timer), reject(error)),
		);
	});
}

/** localStorage, or null where reading it throws (blocked cookies, sandboxed frames). */
export function safeLocalStorage(): Storage | null {
	try {
		return globalThis.localStorage;
	} catch {
		return null;
	}
}

/**
 * One JSON record in localStorage. `read` gives the parsed value, or null when it is absent,
 * unreadable or storage is blocked (the caller's reader turns that into its default); `write`
 * stores a value (null removes the record) and never throws: a refused write leaves the choice for
 * this page only.
 */
export function jsonRecord(storage: Storage | null, key: string) {
	return {
		read(): unknown {
			try {
				return JSON.parse(storage?.getItem(key) ?? 'null');
			} catch {
				return null;
			}
		},
		write(value: unknown): void {
			try {
				if (value === null) storage?.removeItem(key);
				else storage?.setItem(key, JSON.stringify(value));
			} catch {
				// Storage refused or full.
			}
		},
	};
}
