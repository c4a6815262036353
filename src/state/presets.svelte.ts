import { ownNotice, type NoticeChannel } from './notices.svelte';
import {
	readPreset,
	sortPresets,
	uniqueName,
	type PresetStore,
	type PresetV1,
} from '../core/presets';

export type PresetsDeps = {
	store: PresetStore;
	now?: () => number;
	newId?: () => string;
	/** Where its notices go (the app's list); a list of its own without it. */
	notice?: NoticeChannel;
};

/** Saved requests: list, save the current text, rename, delete. Loading is the caller's (text). */
export class Presets {
	#deps: Required<Omit<PresetsDeps, 'notice'>>;
	#list = $state.raw<PresetV1[]>([]);
	#notice: NoticeChannel;
	/** What this part of the app is telling the user (shown with the app's notices). */
	get notice(): string | null {
		return this.#notice.text;
	}
	/** Tells the user `text`, replacing what it said before; null takes it back. */
	tell(text: string | null): void {
		this.#notice.set(text);
	}

	constructor(deps: PresetsDeps) {
		this.#notice = deps.notice ?? ownNotice('presets');
		this.#deps = {
			store: deps.store,
			now: deps.now ?? Date.now,
			newId: deps.newId ?? (() => crypto.randomUUID()),
		};
	}

	get list(): PresetV1[] {
		return this.#list;
	}

	async load(): Promise<void> {
		const { presets, notice } = await this.#deps.store.list();
		this.#list = sortPresets(presets);
		this.tell(notice);
	}

	async save(name: string, text: string): Promise<PresetV1 | null> {
		const preset: PresetV1 = {
			v: 1,
			id: this.#deps.newId(),
			name: uniqueName(
				name,
				this.#list.map((p) => p.name),
			),
			text,
			savedAt: this.#deps.now(),
		};
		return (await this.#put(preset)) ? preset : null;
	}

	async rename(id: string, name: string): Promise<void> {
		const preset = this.#list.find((p) => p.id === id);
		if (!preset) return;
		const others = this.#list.filter((p) => p.id !== id).map((p) => p.name);
		await this.#put({ ...preset, name: uniqueName(name, others), savedAt: this.#deps.now() });
	}

	async remove(id: string): Promise<void> {
		const { ok, notice } = await this.#deps.store.remove(id);
		this.tell(notice);
		if (ok) this.#list = this.#list.filter((p) => p.id !== id);
	}

	/**
	 * Presets from an imported history file: new ids are added, names kept unique; unreadable entries
	 * and ids already here are skipped. Returns a notice when some were not taken, null otherwise.
	 */
	async addImported(records: readonly Record<string, unknown>[]): Promise<string | null> {
		let added = 0;
		for (const record of records.map(readPreset)) {
			if (!record || this.#list.some((p) => p.id === record.id)) continue;
			const names = this.#list.map((p) => p.name);
			if (await this.#put({ ...record, name: uniqueName(record.name, names) })) added++;
		}
		const skipped = records.length - added;
		return skipped > 0
			? `Imported ${added} preset(s); ${skipped} were unreadable or already here.`
			: null;
	}

	async #put(preset: PresetV1): Promise<boolean> {
		const { ok, notice } = await this.#deps.store.put(preset);
		this.tell(notice);
		if (ok) this.#list = sortPresets([...this.#list.filter((p) => p.id !== preset.id), preset]);
		return ok;
	}
}
