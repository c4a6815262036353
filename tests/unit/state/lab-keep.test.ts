import { describe, expect, it } from 'vitest';
import type { KeptLab, LabStore } from '../../../src/core/lab/lab-keep';
import { deflateRaw } from '../../../src/io/deflate';
import { Lab } from '../../../src/state/lab.svelte';
import { keepLab, labSaver } from '../../../src/state/lab-keep.svelte';
import { loadedSettings } from './helpers';

const KEY = 'sk-or-v1-test-unit';
const request = { model: 'a/model', messages: [{ role: 'user', content: 'Say {{word}}' }] };
const kept: KeptLab = {
	variables: new Map([['word', 'kept']]),
	cases: { columns: ['word'], rows: [['a']] },
	columns: ['{}'],
	assertions: [],
	concurrency: 2,
	confirmAboveUsd: 1,
};

function memoryStore(stored: KeptLab | null, notice: string | null = null) {
	const saves: { lab: KeptLab; secrets: readonly (string | null)[] }[] = [];
	const store: LabStore = {
		load: async () => ({ lab: stored, notice }),
		save: async (lab, secrets) => (saves.push({ lab, secrets }), { notice: null }),
	};
	return { store, saves };
}

async function newLab() {
	const settings = await loadedSettings(KEY);
	return new Lab({
		send: async function* () {},
		settings,
		request: () => request,
		setRequest: () => undefined,
		deflate: deflateRaw,
		loadPrices: async () => ({ ok: false, message: 'none' }),
	});
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('keepLab', () => {
	it('puts the kept lab back before the lab is handed out', async () => {
		const lab = await newLab();
		const stop = await keepLab(lab, memoryStore(kept).store, () => KEY, 20);
		expect(lab.kept).toEqual(kept);
		expect(lab.notice).toBeNull();
		stop();
	});

	it('says what the store had to say, and starts from an empty lab', async () => {
		const lab = await newLab();
		const { store } = memoryStore(null, 'The saved lab could not be read');
		const stop = await keepLab(lab, store, () => null, 20);
		expect(lab.notice).toBe('The saved lab could not be read');
		expect(lab.values.size).toBe(0);
		stop();
	});
});

describe('labSaver', () => {
	it('saves only the last of quick changes, with the key to remove', async () => {
		const { store, saves } = memoryStore(null);
		const save = labSaver({ tell: () => undefined }, store, () => KEY, 20);
		save({ ...kept, concurrency: 1 });
		save({ ...kept, concurrency: 3 });
		await wait(50);
		expect(saves).toEqual([{ lab: { ...kept, concurrency: 3 }, secrets: [KEY] }]);
	});

	it('tells a failed save in the lab; what it was given is untouched', async () => {
		const lab = {
			notice: null as string | null,
			tell(text: string | null) {
				this.notice = text;
			},
		};
		const store: LabStore = {
			load: async () => ({ lab: null, notice: null }),
			save: async () => ({ notice: 'Browser storage is full: the lab is kept in this tab only.' }),
		};
		labSaver(lab, store, () => null, 0)(kept);
		await wait(20);
		expect(lab.notice).toContain('full');
		expect(kept.variables.get('word')).toBe('kept');
	});
});
