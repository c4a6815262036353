import { idbTimeout } from './browser-storage';
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { isStoredKey, type KeyStore, type StoredKeyV1 } from '../core/key';

const IDB_KEY = 'openrouter-key';
const SESSION_KEY = 'openrouter-playground:key';
const CHANNEL = 'openrouter-playground:key';

function storageNotice(error: unknown): string {
	const name = error instanceof DOMException ? error.name : '';
	const why =
		name === 'QuotaExceededError'
			? 'browser storage is full'
			: 'browser storage (IndexedDB) is unavailable here';
	return `The key could not be saved on this device because ${why}. It is kept for this tab only.`;
}

/**
 * The key in IndexedDB ("Remember on this device") or in sessionStorage ("This tab only": gone when
 * the tab closes, kept across reloads). Every failure falls back to this tab and says so.
 */
export function createKeyStore(
	session: Storage = globalThis.sessionStorage,
	store: () => UseStore = () => createStore('openrouter-playground', 'keys'),
	channel: BroadcastChannel | null = typeof BroadcastChannel === 'function'
		? new BroadcastChannel(CHANNEL)
		: null,
): KeyStore {
	let idb: UseStore | null = null;
	// Other tabs only hear that something changed, never the key itself.
	const announce = () => channel?.postMessage('changed');
	const db = (): UseStore => (idb ??= store());

	const readSession = (): string | null => {
		try {
			return session.getItem(SESSION_KEY);
		} catch {
			return null;
		}
	};
	const writeSession = (key: string | null): void => {
		try {
			if (key === null) session.removeItem(SESSION_KEY);
			else session.setItem(SESSION_KEY, key);
		} catch {
			// sessionStorage can be disabled too; the key then lives in memory in the state layer.
		}
	};

	/** Deleting never fails loudly: with no IndexedDB there is nothing stored to delete. */
	const removeStored = async (): Promise<void> => {
		try {
			await idbTimeout(del(IDB_KEY, db()));
		} catch {
			// unavailable or blocked
		}
	};

	return {
		async load() {
			const tabKey = readSession();
			if (tabKey) return { key: tabKey, mode: 'tab', notice: null };
			try {
				const stored = await idbTimeout(get<unknown>(IDB_KEY, db()));
				if (stored === undefined) return { key: null, mode: 'device', notice: null };
				if (isStoredKey(stored)) return { key: stored.key, mode: 'device', notice: null };
				return {
					key: null,
					mode: 'device',
					notice: 'A stored key was in an unknown format and was not used. Please enter it again.',
				};
			} catch (error) {
				return { key: null, mode: 'tab', notice: storageNotice(error) };
			}
		},
		async save(key, mode) {
			if (mode === 'tab') {
				writeSession(key);
				await removeStored();
				return { ok: true, mode };
			}
			try {
				const record: StoredKeyV1 = { v: 1, key, savedAt: Date.now() };
				await idbTimeout(set(IDB_KEY, record, db()));
				writeSession(null);
				announce();
				return { ok: true, mode };
			} catch (error) {
				writeSession(key);
				return { ok: false, mode: 'tab', notice: storageNotice(error) };
			}
		},
		async forget() {
			writeSession(null);
			await removeStored();
			announce();
		},
		subscribe(onChange) {
			if (!channel) return () => undefined;
			const listener = () => onChange();
			channel.addEventListener('message', listener);
			return () => channel.removeEventListener('message', listener);
		},
	};
}
