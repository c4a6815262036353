import { describe, expect, it } from 'vitest';
import type { KeptLab } from '../../../src/core/lab/lab-keep';
import { createLabStore } from '../../../src/io/lab-store';
import { failing, memoryIdb } from '../helpers/storage';

const lab: KeptLab = {
	variables: new Map([['city', 'Lyon']]),
	cases: { columns: ['city'], rows: [['Oslo']] },
	columns: ['{}'],
	assertions: [{ kind: 'valid-json' }],
	concurrency: 2,
	confirmAboveUsd: 1,
};

describe('createLabStore', () => {
	it('keeps the lab next to the draft and reads it back', async () => {
		const idb = memoryIdb();
		const store = createLabStore(
			() => idb.store,
			() => 7,
		);
		expect(await store.save(lab, [null])).toEqual({ notice: null });
		expect(idb.data.get('lab')).toMatchObject({ v: 1, savedAt: 7 });
		expect(await createLabStore(() => idb.store).load()).toEqual({ lab, notice: null });
	});

	it('starts empty, without a word, when nothing was kept', async () => {
		expect(await createLabStore(() => memoryIdb().store).load()).toEqual({
			lab: null,
			notice: null,
		});
	});

	it('sets an unreadable lab aside, starts empty and says so', async () => {
		const idb = memoryIdb();
		const hostile = { v: 1, text: '{"variables":{"x":{"__proto__":1}}}', savedAt: 1 };
		idb.data.set('lab', hostile);
		const loaded = await createLabStore(() => idb.store).load();
		expect(loaded.lab).toBeNull();
		expect(loaded.notice).toContain('could not be read');
		expect(idb.data.get('unreadable:lab')).toEqual(hostile);
	});

	it('a full IndexedDB keeps the lab in this tab and says so once', async () => {
		const store = createLabStore(() => failing('QuotaExceededError'));
		expect((await store.save(lab, [])).notice).toContain('full');
		expect((await store.save(lab, [])).notice).toBeNull();
	});

	it('a missing IndexedDB loads nothing and says the lab stays in this tab', async () => {
		const loaded = await createLabStore(() => failing('InvalidStateError')).load();
		expect(loaded).toEqual({
			lab: null,
			notice: 'Browser storage is unavailable: the lab is kept in this tab only.',
		});
	});
});
