import type { UseStore } from 'idb-keyval';

export class MemoryStorage implements Storage {
	#map = new Map<string, string>();
	get length() {
		return this.#map.size;
	}
	clear() {
		this.#map.clear();
	}
	getItem(key: string) {
		return this.#map.get(key) ?? null;
	}
	key(index: number) {
		return [...this.#map.keys()][index] ?? null;
	}
	removeItem(key: string) {
		this.#map.delete(key);
	}
	setItem(key: string, value: string) {
		this.#map.set(key, value);
	}
}

/** An idb-keyval store over a Map, run through the same request/transaction callbacks idb-keyval uses. */
export function memoryIdb(): { store: UseStore; data: Map<IDBValidKey, unknown> } {
	const data = new Map<IDBValidKey, unknown>();
	const request = <T>(value: T) => {
		const req = {
			result: value,
			oncomplete: null,
			onsuccess: null,
			onerror: null,
		} as unknown as IDBRequest<T>;
		queueMicrotask(() => (req.onsuccess as ((e: Event) => void) | null)?.(new Event('success')));
		return req;
	};
	const objectStore = {
		get: (key: IDBValidKey) => request(data.get(key)),
		put: (value: unknown, key: IDBValidKey) => (data.set(key, value), request(key)),
		delete: (key: IDBValidKey) => (data.delete(key), request(undefined)),
		transaction: {} as IDBTransaction,
	};
	objectStore.transaction = {
		oncomplete: null,
		onabort: null,
		onerror: null,
	} as unknown as IDBTransaction;
	const store: UseStore = (_mode, callback) => {
		const tx = objectStore.transaction;
		const result = callback(objectStore as unknown as IDBObjectStore);
		queueMicrotask(() => queueMicrotask(() => (tx.oncomplete as (() => void) | null)?.()));
		return Promise.resolve(result).then((r) => r as never);
	};
	return { store, data };
}

export const failing =
	(name: string): UseStore =>
	() =>
		Promise.reject(new DOMException('nope', name));
