import { idbTimeout } from './browser-storage';
import { clear, createStore, delMany, entries, set, setMany, type UseStore } from 'idb-keyval';
import { migrateRecord, type RunRecord } from '../core/history/record';
import type { HistoryStore } from '../core/history/store';
import { sortNewestFirst } from '../core/history/filter';

/** The few idb-keyval calls history needs, so tests can pass a Map or a failing store. */
export type HistoryBackend = {
	entries(): Promise<[IDBValidKey, unknown][]>;
	setMany(pairs: [IDBValidKey, unknown][]): Promise<void>;
	delMany(keys: IDBValidKey[]): Promise<void>;
	set(key: IDBValidKey, value: unknown): Promise<void>;
	clear(): Promise<void>;
};

const RUN_PREFIX = 'run:';
/** Records that could not be read are moved here, never deleted. */
const UNREADABLE_PREFIX = 'unreadable:';
const MEMORY_NOTICE =
	'Browser storage is unavailable: history is kept in this tab only and is gone when it closes.';

export function idbHistoryBackend(
	store: UseStore = createStore('openrouter-playground-history', 'runs'),
): HistoryBackend {
	return {
		entries: () => entries(store),
		setMany: (pairs) => setMany(pairs, store),
		delMany: (keys) => delMany(keys, store),
		set: (key, value) => set(key, value, store),
		clear: () => clear(store),
	};
}

/**
 * Runs in their own IndexedDB store, one key per run. When IndexedDB fails the store keeps runs in
 * memory for this tab and says so once: sending never depends on it.
 */
export function createHistoryStore(
	backend: () => HistoryBackend = () => idbHistoryBackend(),
): HistoryStore {
	let db: HistoryBackend | null = null;
	let memory: Map<string, RunRecord> | null = null;
	const idb = () => (db ??= backend());

	/** Switches to memory for the rest of this tab's life; the notice is given once. */
	const toMemory = (): { map: Map<string, RunRecord>; notice: string | null } => {
		const notice = memory ? null : MEMORY_NOTICE;
		memory ??= new Map();
		return { map: memory, notice };
	};

	const attempt = async (
		write: (db: HistoryBackend) => Promise<void>,
		inMemory: (map: Map<string, RunRecord>) => void,
	): Promise<{ notice: string | null }> => {
		if (!memory)
			try {
				await idbTimeout(write(idb()));
				return { notice: null };
			} catch {
				// fall through to memory
			}
		const { map, notice } = toMemory();
		inMemory(map);
		return { notice };
	};

	return {
		async load() {
			if (memory) return { runs: sortNewestFirst([...memory.values()]), notice: null };
			let stored: [IDBValidKey, unknown][];
			try {
				stored = await idbTimeout(idb().entries());
			} catch {
				return { runs: [], notice: toMemory().notice };
			}
			return readAll(idb(), stored);
		},
		put: (runs) =>
			attempt(
				(db) => db.setMany(runs.map((run) => [RUN_PREFIX + run.id, run])),
				(map) => runs.forEach((run) => map.set(run.id, run)),
			),
		remove: (ids) =>
			attempt(
				(db) => db.delMany(ids.map((id) => RUN_PREFIX + id)),
				(map) => ids.forEach((id) => map.delete(id)),
			),
		clear: () =>
			attempt(
				async (db) => {
					// Set-aside records stay: clearing history must not destroy what we could not read.
					const keys = (await db.entries()).map(([key]) => key);
					await db.delMany(keys.filter((key) => String(key).startsWith(RUN_PREFIX)));
				},
				(map) => map.clear(),
			),
	};
}

async function readAll(
	db: HistoryBackend,
	stored: [IDBValidKey, unknown][],
): Promise<{ runs: RunRecord[]; notice: string | null }> {
	const runs: RunRecord[] = [];
	const unreadable: [IDBValidKey, unknown][] = [];
	let newer = 0;
	for (const [key, value] of stored) {
		if (!String(key).startsWith(RUN_PREFIX)) continue;
		const migrated = migrateRecord(value);
		if (migrated.ok) runs.push(migrated.record);
		else if (migrated.newer)
			newer++; // left in place for the newer app that wrote it
		else unreadable.push([key, value]);
	}
	const notices: string[] = [];
	if (unreadable.length > 0) {
		try {
			await idbTimeout(
				db.setMany(unreadable.map(([key, value]) => [UNREADABLE_PREFIX + String(key), value])),
			);
			await idbTimeout(db.delMany(unreadable.map(([key]) => key)));
		} catch {
			// They stay where they are and are skipped again next time.
		}
		notices.push(
			`${unreadable.length} saved run(s) could not be read and were set aside (kept in the browser, not shown).`,
		);
	}
	if (newer > 0)
		notices.push(`${newer} run(s) were saved by a newer version of the app and are not shown.`);
	return { runs: sortNewestFirst(runs), notice: notices.length ? notices.join(' ') : null };
}
