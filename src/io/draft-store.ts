import { idbTimeout } from './browser-storage';
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { readDraft, type DraftStore, type DraftV2 } from '../core/draft';

const DRAFT_KEY = 'draft';
const BACKUP_KEY = 'openrouter-playground:draft';

/**
 * The draft lives in IndexedDB; when that fails (private mode, quota) a copy goes to sessionStorage
 * so a reload in this tab still keeps it, and the user is told once.
 */
export function createDraftStore(
	session: Storage = globalThis.sessionStorage,
	store: () => UseStore = () => createStore('openrouter-playground-drafts', 'drafts'),
): DraftStore {
	let idb: UseStore | null = null;
	const db = () => (idb ??= store());
	let warned = false;

	const readBackup = (): DraftV2 | null => {
		try {
			return readDraft(JSON.parse(session.getItem(BACKUP_KEY) ?? 'null'));
		} catch {
			return null;
		}
	};

	return {
		async load() {
			const backup = readBackup();
			try {
				const stored = await idbTimeout(get<unknown>(DRAFT_KEY, db()));
				const draft = readDraft(stored);
				// The newer of the two wins: the backup is written only when IndexedDB failed.
				const newest = backup && (!draft || backup.savedAt > draft.savedAt) ? backup : draft;
				const notice =
					stored !== undefined && !draft
						? 'The saved draft was in an unknown format; the default request is shown.'
						: null;
				return { draft: newest && { text: newest.text, headers: newest.headers }, notice };
			} catch {
				return {
					draft: backup && { text: backup.text, headers: backup.headers },
					notice: 'Browser storage is unavailable: drafts are kept for this tab only.',
				};
			}
		},
		async save({ text, headers }) {
			const draft: DraftV2 = { v: 2, text, headers, savedAt: Date.now() };
			try {
				await idbTimeout(set(DRAFT_KEY, draft, db()));
				session.removeItem(BACKUP_KEY);
				return { ok: true, notice: null };
			} catch (error) {
				try {
					session.setItem(BACKUP_KEY, JSON.stringify(draft));
				} catch {
					// Nothing else to fall back to; the text is still in the editor.
				}
				const full = error instanceof DOMException && error.name === 'QuotaExceededError';
				const notice = warned
					? null
					: full
						? 'Browser storage is full: the draft is kept for this tab only.'
						: 'Browser storage is unavailable: the draft is kept for this tab only.';
				warned = true;
				return { ok: false, notice };
			}
		},
	};
}
