import { createStore, get, set, type UseStore } from 'idb-keyval';
import { idbTimeout } from './browser-storage';
import { keptLabRecord, readKeptLab, type LabStore } from '../core/lab/lab-keep';

const LAB_KEY = 'lab';
/** A stored lab that could not be read is moved here, never deleted. */
const UNREADABLE_KEY = 'unreadable:lab';

/**
 * The prompt lab between visits, next to the draft (same database, core/lab/lab-keep.ts). When
 * IndexedDB fails, the lab lives on in this tab and the user is told once.
 */
export function createLabStore(
	store: () => UseStore = () => createStore('openrouter-playground-drafts', 'drafts'),
	now: () => number = () => Date.now(),
): LabStore {
	let idb: UseStore | null = null;
	const db = () => (idb ??= store());
	let warned = false;
	const once = (notice: string) => (warned ? null : ((warned = true), notice));

	return {
		async load() {
			let stored: unknown;
			try {
				stored = await idbTimeout(get<unknown>(LAB_KEY, db()));
			} catch {
				return {
					lab: null,
					notice: once('Browser storage is unavailable: the lab is kept in this tab only.'),
				};
			}
			if (stored === undefined) return { lab: null, notice: null };
			const read = readKeptLab(stored);
			if (read.ok) return { lab: read.lab, notice: null };
			try {
				await idbTimeout(set(UNREADABLE_KEY, stored, db()));
			} catch {
				// It stays where it is and is skipped again next time.
			}
			return {
				lab: null,
				notice: `The saved lab could not be read (${read.why}): it was set aside and the lab starts empty.`,
			};
		},
		async save(lab, secrets) {
			const record = keptLabRecord(lab, now(), secrets);
			if (!record)
				return {
					notice: once('The lab is too large to keep in the browser: it stays in this tab.'),
				};
			try {
				await idbTimeout(set(LAB_KEY, record, db()));
				return { notice: null };
			} catch (error) {
				const full = error instanceof DOMException && error.name === 'QuotaExceededError';
				return {
					notice: once(
						full
							? 'Browser storage is full: the lab is kept in this tab only.'
							: 'Browser storage is unavailable: the lab is kept in this tab only.',
					),
				};
			}
		},
	};
}
