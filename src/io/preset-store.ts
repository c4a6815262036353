import { idbTimeout } from './browser-storage';
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import { isPreset, type PresetStore } from '../core/presets';

const UNAVAILABLE = 'Browser storage is unavailable: presets cannot be saved in this browser.';

/** Presets in IndexedDB, one record per preset; unreadable records are skipped and named. */
export function createPresetStore(
	store: () => UseStore = () => createStore('openrouter-playground-presets', 'presets'),
): PresetStore {
	let db: UseStore | null = null;
	const open = () => (db ??= store());
	return {
		async list() {
			try {
				const all = await idbTimeout(entries<string, unknown>(open()));
				const presets = all.map(([, v]) => v).filter(isPreset);
				const skipped = all.length - presets.length;
				const notice = skipped
					? `${skipped} saved preset(s) were in an unknown format and are not shown.`
					: null;
				return { presets, notice };
			} catch {
				return { presets: [], notice: UNAVAILABLE };
			}
		},
		async put(preset) {
			try {
				await idbTimeout(set(preset.id, preset, open()));
				return { ok: true, notice: null };
			} catch {
				return { ok: false, notice: UNAVAILABLE };
			}
		},
		async remove(id) {
			try {
				await idbTimeout(del(id, open()));
				return { ok: true, notice: null };
			} catch {
				return { ok: false, notice: UNAVAILABLE };
			}
		},
	};
}
