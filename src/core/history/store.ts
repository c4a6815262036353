import type { RunRecord } from './record';

/** Where runs are kept (io/history-store.ts). Every call resolves; problems come back as notices. */
export type HistoryStore = {
	/** Every readable run, newest first, and what the user should know (unreadable or newer runs). */
	load(): Promise<{ runs: RunRecord[]; notice: string | null }>;
	put(runs: RunRecord[]): Promise<{ notice: string | null }>;
	remove(ids: string[]): Promise<{ notice: string | null }>;
	clear(): Promise<{ notice: string | null }>;
};
