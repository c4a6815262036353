import { describe, expect, it } from 'vitest';
import { createDraftStore } from '../../../src/io/draft-store';
import { MemoryStorage, failing, memoryIdb } from '../helpers/storage';

describe('createDraftStore', () => {
	it('saves a versioned draft and loads it back', async () => {
		const idb = memoryIdb();
		const drafts = createDraftStore(new MemoryStorage(), () => idb.store);
		expect(await drafts.save('{"a":1}')).toEqual({ ok: true, notice: null });
		expect(idb.data.get('draft')).toMatchObject({ v: 1, text: '{"a":1}' });
		expect(await createDraftStore(new MemoryStorage(), () => idb.store).load()).toEqual({
			text: '{"a":1}',
			notice: null,
		});
	});

	it('a full IndexedDB keeps the draft in this tab and says so once', async () => {
		const session = new MemoryStorage();
		const drafts = createDraftStore(session, () => failing('QuotaExceededError'));
		const first = await drafts.save('one');
		expect(first.ok).toBe(false);
		expect(first.notice).toContain('full');
		expect((await drafts.save('two')).notice).toBeNull();
		expect(await drafts.load()).toMatchObject({ text: 'two' });
	});

	it('a missing IndexedDB still loads the tab copy, with a notice', async () => {
		const session = new MemoryStorage();
		await createDraftStore(session, () => failing('InvalidStateError')).save('kept');
		const loaded = await createDraftStore(session, () => failing('InvalidStateError')).load();
		expect(loaded.text).toBe('kept');
		expect(loaded.notice).toContain('unavailable');
	});

	it('an unknown stored shape is reported and not used', async () => {
		const idb = memoryIdb();
		idb.data.set('draft', { v: 9, body: {} });
		const loaded = await createDraftStore(new MemoryStorage(), () => idb.store).load();
		expect(loaded).toEqual({
			text: null,
			notice: 'The saved draft was in an unknown format; the default request is shown.',
		});
	});
});
