import { createStore, get, set, type UseStore } from 'idb-keyval';
import { idbTimeout } from './browser-storage';
import { NO_BRANCHES, readBranches, type BranchStore } from '../core/conversation/branches';

const BRANCHES_KEY = 'branches';

/**
 * The conversation's branches, next to the draft they belong to (same database). Stored versioned;
 * an unreadable or missing record gives no branches: the messages themselves are in the draft.
 */
export function createBranchStore(
	store: () => UseStore = () => createStore('openrouter-playground-drafts', 'drafts'),
): BranchStore {
	let idb: UseStore | null = null;
	const db = () => (idb ??= store());
	return {
		async load() {
			try {
				const stored = await idbTimeout(get<unknown>(BRANCHES_KEY, db()));
				const record = stored as { v?: unknown; tree?: unknown } | undefined;
				return (record?.v === 1 && readBranches(record.tree)) || NO_BRANCHES;
			} catch {
				return NO_BRANCHES;
			}
		},
		async save(tree) {
			try {
				await idbTimeout(set(BRANCHES_KEY, { v: 1, tree, savedAt: Date.now() }, db()));
			} catch {
				// The draft store already tells the user when storage fails; branches live on in this tab.
			}
		},
	};
}
