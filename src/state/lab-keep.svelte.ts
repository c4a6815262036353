/**
 * Keeps the prompt lab between visits: restored once when the lab is built, then saved shortly
 * after each change stops (core/lab/lab-keep.ts says what is kept). Storage problems are told in
 * the lab; what is in memory is never touched by them.
 */
import type { KeptLab, LabStore } from '../core/lab/lab-keep';
import type { Lab } from './lab.svelte';

export const LAB_SAVE_DELAY_MS = 400;

/** Restores the kept lab, then saves every change; returns what stops the saving. */
export async function keepLab(
	lab: Lab,
	store: LabStore,
	readKey: () => string | null,
	delayMs = LAB_SAVE_DELAY_MS,
): Promise<() => void> {
	const { lab: kept, notice } = await store.load();
	if (kept) lab.restore(kept);
	if (notice) lab.tell(notice);
	const save = labSaver(lab, store, readKey, delayMs);
	let first = true;
	return $effect.root(() => {
		$effect(() => {
			const current = lab.kept;
			// What was just restored is already stored.
			if (first) first = false;
			else save(current);
		});
	});
}

/** Saves the latest lab given once none has come for `delayMs`; a failure is told in the lab. */
export function labSaver(
	lab: Pick<Lab, 'tell'>,
	store: LabStore,
	readKey: () => string | null,
	delayMs = LAB_SAVE_DELAY_MS,
): (kept: KeptLab) => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	return (kept) => {
		clearTimeout(timer);
		timer = setTimeout(async () => {
			const { notice } = await store.save(kept, [readKey()]);
			if (notice) lab.tell(notice);
		}, delayMs);
	};
}
