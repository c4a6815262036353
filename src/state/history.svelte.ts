import { ownNotice, type NoticeChannel } from './notices.svelte';
import { applyBound, boundNotice, MAX_RUNS } from '../core/history/bound';
import {
	filterRuns,
	modelsOf,
	newRuns,
	NO_FILTER,
	sortNewestFirst,
	type HistoryFilter,
} from '../core/history/filter';
import { recordFromRun, type FinishedRun } from '../core/history/from-run';
import type { RunRecord } from '../core/history/record';
import type { Branches } from '../core/conversation/branches';
import { redactValue } from '../core/security/redact';
import { Dialogs } from './dialogs.svelte';
import type { HistoryStore } from '../core/history/store';

/** Presets live in their own store (when the app has one); history only carries them in files. */
export type PresetsPort = {
	list(): Record<string, unknown>[];
	/** Adds imported presets; returns a notice when some were not taken. */
	add(presets: Record<string, unknown>[]): Promise<string | null>;
};

export type HistoryDeps = {
	store: HistoryStore;
	/** The key, only to make sure an export never carries it. */
	readKey: () => string | null;
	presets?: PresetsPort;
	now?: () => number;
	newId?: () => string;
	max?: number;
	/** The app's dialogs: History is one. */
	dialogs?: Dialogs;
	/** Where its notices go (the app's list); a list of its own without it. */
	notice?: NoticeChannel;
};

/** Every finished run, newest first, with the list's filter and what the history view shows. */
export class RunHistory {
	#deps: Required<Omit<HistoryDeps, 'presets' | 'notice'>> & Pick<HistoryDeps, 'presets'>;

	get open(): boolean {
		return this.#deps.dialogs.isOpen('history');
	}
	show(): void {
		this.#deps.dialogs.open('history');
	}
	close(): void {
		this.#deps.dialogs.close('history');
	}

	#runs = $state.raw<RunRecord[]>([]);
	get runs(): RunRecord[] {
		return this.#runs;
	}
	filter = $state<HistoryFilter>({ ...NO_FILTER });
	/** The run shown read-only, or null for the list. */
	selectedId = $state<string | null>(null);
	#notice: NoticeChannel;
	/** What this part of the app is telling the user (shown with the app's notices). */
	get notice(): string | null {
		return this.#notice.text;
	}
	/** Tells the user `text`, replacing what it said before; null takes it back. */
	tell(text: string | null): void {
		this.#notice.set(text);
	}
	#loaded = $state(false);
	get loaded(): boolean {
		return this.#loaded;
	}

	models: string[] = $derived(modelsOf(this.#runs));
	boundNotice: string | null = $derived.by(() => boundNotice(this.#runs.length, this.#deps.max));

	// Getters, not $derived: a derived nobody reads any more (the list is hidden once history is
	// empty) keeps its last value, and with it every deleted run's answer, in memory (bench B8).
	get filtered(): RunRecord[] {
		return filterRuns(this.#runs, this.filter, this.#deps.now());
	}
	get selected(): RunRecord | null {
		return this.#runs.find((r) => r.id === this.selectedId) ?? null;
	}

	constructor(deps: HistoryDeps) {
		this.#notice = deps.notice ?? ownNotice('history');
		this.#deps = {
			store: deps.store,
			readKey: deps.readKey,
			presets: deps.presets,
			now: deps.now ?? (() => Date.now()),
			newId: deps.newId ?? (() => crypto.randomUUID()),
			max: deps.max ?? MAX_RUNS,
			dialogs: deps.dialogs ?? new Dialogs(),
		};
	}

	async load(): Promise<void> {
		const { runs, notice } = await this.#deps.store.load();
		// Runs recorded while loading are kept in front of the stored ones.
		this.#runs = sortNewestFirst([...this.#runs, ...newRuns(this.#runs, runs)]);
		this.#loaded = true;
		this.#tell(notice);
	}

	/** Keeps a finished run. Never throws: history must not get in the way of sending. */
	async record(run: FinishedRun, branches?: Branches): Promise<void> {
		const at = this.#deps.now() - (run.endedAt !== null ? run.endedAt - run.startedAt : 0);
		const record = recordFromRun(run, this.#deps.newId(), Math.round(at), branches);
		if (record) await this.#add([record]);
	}

	/** Keeps a record built elsewhere: a prompt lab's grid run (core/lab/lab-record.ts). */
	keep(record: RunRecord): Promise<void> {
		return this.#add([record]);
	}

	#add(added: RunRecord[]): Promise<void> {
		return this.#inTurn(() => this.#added(added));
	}

	async #added(added: RunRecord[]): Promise<void> {
		// A key quoted by the API, typed into a message or carried by an imported file is never kept.
		const known = [this.#deps.readKey()];
		const records = added.map((record) => redactValue(record, known));
		const { kept, dropped } = applyBound(
			sortNewestFirst([...records, ...this.#runs]),
			this.#deps.max,
		);
		this.#runs = kept;
		this.#tell((await this.#deps.store.put(records.filter((r) => kept.includes(r)))).notice);
		if (dropped.length === 0) return;
		this.#tell((await this.#deps.store.remove(dropped.map((r) => r.id))).notice);
		this.#tell(`History keeps ${this.#deps.max} runs: the ${dropped.length} oldest were dropped.`);
	}

	remove(id: string): Promise<void> {
		return this.#inTurn(async () => {
			this.#runs = this.#runs.filter((run) => run.id !== id);
			if (this.selectedId === id) this.selectedId = null;
			this.#tell((await this.#deps.store.remove([id])).notice);
		});
	}

	/**
	 * Clears history once storage has (or its fallback, which says so): the empty list then means the
	 * runs are gone, and a reload right after finds what was shown.
	 */
	clearAll(): Promise<void> {
		return this.#inTurn(async () => {
			const { notice } = await this.#deps.store.clear();
			this.#runs = [];
			this.selectedId = null;
			this.#tell(notice);
		});
	}

	/** The last change to the list, while it is under way. */
	#changing: Promise<void> = Promise.resolve();
	/**
	 * Runs `change` after the changes asked for before it. Each reads the list and writes storage
	 * across awaits: an import started while "Delete all runs" waited for storage would see the old
	 * runs (and skip its own as already kept), and a run recorded then would vanish from the list.
	 */
	#inTurn<T>(change: () => Promise<T>): Promise<T> {
		const turn = this.#changing.then(change, change);
		// Waits on the turn without keeping what it returned (an import's runs) alive.
		const done = () => undefined;
		this.#changing = turn.then(done, done);
		return turn;
	}

	/** The export file's text: every run (not only the filtered ones) and the presets. */
	async exportText(): Promise<string> {
		// The file format's code loads only when a file is written or read.
		const { buildExport } = await import('../core/history/transfer');
		return buildExport(this.#runs, {
			exportedAt: this.#deps.now(),
			presets: this.#deps.presets?.list(),
			secret: this.#deps.readKey(),
		});
	}

	/**
	 * Imports a file's text: nothing when it is not an export, else every readable run (bad ones are
	 * counted in the message). Returns what happened, for the user.
	 */
	async importText(text: string): Promise<{ ok: boolean; message: string }> {
		const { parseImport } = await import('../core/history/transfer');
		const parsed = parseImport(text);
		if (!parsed.ok) return { ok: false, message: parsed.message };
		const added = await this.#inTurn(async () => {
			const added = newRuns(this.#runs, parsed.runs);
			if (added.length > 0) await this.#added(added);
			return added;
		});
		const known = parsed.runs.length - added.length;
		let message = `Imported ${added.length} run(s)${known ? `; ${known} already in history` : ''}.`;
		const { count, first } = parsed.skipped;
		if (count > 0) message += ` ${count} run(s) could not be read and were skipped (${first}).`;
		if (parsed.presets?.length) {
			const presets = this.#deps.presets;
			const note = presets
				? await presets.add(parsed.presets)
				: `The file's ${parsed.presets.length} preset(s) were not imported: this version has no presets.`;
			message += note ? ` ${note}` : ` Imported ${parsed.presets.length} preset(s).`;
		}
		return { ok: true, message };
	}

	#tell(notice: string | null): void {
		if (notice) this.tell(notice);
	}
}
