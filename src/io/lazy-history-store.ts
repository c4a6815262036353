import type { HistoryStore } from '../core/history/store';

const UNAVAILABLE =
	'History could not load (offline before it was cached?): runs are kept for this visit only.';

/**
 * The history store with its record reader (validation and migration of every stored run) loaded
 * on first use, after the first paint, not with it. Every call resolves, as the store's do: when
 * the code cannot load, runs stay in this page and the user is told once.
 */
export function lazyHistoryStore(
	load: () => Promise<HistoryStore> = () =>
		import('./history-store').then((m) => m.createHistoryStore()),
): HistoryStore {
	let pending: Promise<HistoryStore> | null = null;
	let told = false;
	const store = async (): Promise<HistoryStore | null> => {
		try {
			return await (pending ??= load());
		} catch {
			pending = null;
			return null;
		}
	};
	const unavailable = () => {
		const notice = told ? null : UNAVAILABLE;
		told = true;
		return notice;
	};
	return {
		async load() {
			const s = await store();
			return s ? s.load() : { runs: [], notice: unavailable() };
		},
		async put(runs) {
			const s = await store();
			return s ? s.put(runs) : { notice: unavailable() };
		},
		async remove(ids) {
			const s = await store();
			return s ? s.remove(ids) : { notice: unavailable() };
		},
		async clear() {
			const s = await store();
			return s ? s.clear() : { notice: unavailable() };
		},
	};
}
