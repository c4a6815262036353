import { describe, expect, it } from 'vitest';
import { createDraftStore } from '../../../src/io/draft-store';
import { MemoryStorage, failing, memoryIdb } from '../helpers/storage';

describe('createDraftStore', () => {
	it('saves a versioned draft and loads it back', async () => {
		const idb = memoryIdb();
		const drafts = createDraftStore(new MemoryStorage(), () => idb.store);
		const headers = { 'HTTP-Referer': 'https://example.com/', 'X-Title': 'My app' };
		expect(await drafts.save({ text: '{"a":1}', headers })).toEqual({ ok: true, notice: null });
		expect(idb.data.get('draft')).toMatchObject({ v: 2, text: '{"a":1}', headers });
		expect(await createDraftStore(new MemoryStorage(), () => idb.store).load()).toEqual({
			draft: { text: '{"a":1}', headers },
			notice: null,
		});
	});

	it('a version 1 draft (text only) is read as a draft without headers', async () => {
		const idb = memoryIdb();
		idb.data.set('draft', { v: 1, text: 'old', savedAt: 5 });
		expect(await createDraftStore(new MemoryStorage(), () => idb.store).load()).toEqual({
			draft: { text: 'old', headers: {} },
			notice: null,
		});
	});

	it.each([
		['a header the import never keeps', { Authorization: 'Bearer x' }],
		['a value fetch would refuse', { 'X-Title': 'a\r\nX-Injected: 1' }],
		['a value that is not text', { 'X-Title': 1 }],
		['headers that are not an object', ['X-Title']],
	])('a stored draft with %s is not used', async (_, headers) => {
		const idb = memoryIdb();
		idb.data.set('draft', { v: 2, text: 't', headers, savedAt: 5 });
		const loaded = await createDraftStore(new MemoryStorage(), () => idb.store).load();
		expect(loaded.draft).toBeNull();
		expect(loaded.notice).toContain('unknown format');
	});

	it('a full IndexedDB keeps the draft in this tab and says so once', async () => {
		const session = new MemoryStorage();
		const drafts = createDraftStore(session, () => failing('QuotaExceededError'));
		const first = await drafts.save({ text: 'one', headers: {} });
		expect(first.ok).toBe(false);
		expect(first.notice).toContain('full');
		expect((await drafts.save({ text: 'two', headers: { 'X-Title': 't' } })).notice).toBeNull();
		expect((await drafts.load()).draft).toEqual({ text: 'two', headers: { 'X-Title': 't' } });
	});

	it('a missing IndexedDB still loads the tab copy, with a notice', async () => {
		const session = new MemoryStorage();
		await createDraftStore(session, () => failing('InvalidStateError')).save({
			text: 'kept',
			headers: {},
		});
		const loaded = await createDraftStore(session, () => failing('InvalidStateError')).load();
		expect(loaded.draft?.text).toBe('kept');
		expect(loaded.notice).toContain('unavailable');
	});

	it('an unknown stored shape is reported and not used', async () => {
		const idb = memoryIdb();
		idb.data.set('draft', { v: 9, body: {} });
		const loaded = await createDraftStore(new MemoryStorage(), () => idb.store).load();
		expect(loaded).toEqual({
			draft: null,
			notice: 'The saved draft was in an unknown format; the default request is shown.',
		});
	});
});
