import { describe, expect, it } from 'vitest';
import { createKeyStore } from '../../../src/io/key-store';
import { MemoryStorage, failing, memoryIdb } from '../helpers/storage';

describe('createKeyStore', () => {
	it('"Remember on this device" keeps a versioned record in IndexedDB', async () => {
		const idb = memoryIdb();
		const session = new MemoryStorage();
		const keys = createKeyStore(session, () => idb.store);
		expect(await keys.save('sk-or-v1-test-a', 'device')).toEqual({ ok: true, mode: 'device' });
		expect(idb.data.get('openrouter-key')).toMatchObject({ v: 1, key: 'sk-or-v1-test-a' });
		expect(session.length).toBe(0);
		const again = createKeyStore(new MemoryStorage(), () => idb.store);
		expect(await again.load()).toEqual({ key: 'sk-or-v1-test-a', mode: 'device', notice: null });
	});

	it('"This tab only" keeps the key in sessionStorage and out of IndexedDB', async () => {
		const idb = memoryIdb();
		const session = new MemoryStorage();
		const keys = createKeyStore(session, () => idb.store);
		await keys.save('sk-or-v1-test-a', 'device');
		await keys.save('sk-or-v1-test-b', 'tab');
		expect(idb.data.has('openrouter-key')).toBe(false);
		expect(await keys.load()).toEqual({ key: 'sk-or-v1-test-b', mode: 'tab', notice: null });
	});

	it('a full disk falls back to this tab and says so', async () => {
		const session = new MemoryStorage();
		const keys = createKeyStore(session, () => failing('QuotaExceededError'));
		const saved = await keys.save('sk-or-v1-test-a', 'device');
		expect(saved).toMatchObject({ ok: false, mode: 'tab' });
		expect(saved.ok ? '' : saved.notice).toContain('storage is full');
		expect(await keys.load()).toMatchObject({ key: 'sk-or-v1-test-a', mode: 'tab' });
	});

	it('unavailable IndexedDB on load gives a notice, not a rejected promise', async () => {
		const keys = createKeyStore(new MemoryStorage(), () => failing('InvalidStateError'));
		const loaded = await keys.load();
		expect(loaded.key).toBeNull();
		expect(loaded.notice).toContain('unavailable');
	});

	it('an unknown stored shape is not used, and the user is told', async () => {
		const idb = memoryIdb();
		idb.data.set('openrouter-key', 'sk-or-v1-test-raw-string');
		const loaded = await createKeyStore(new MemoryStorage(), () => idb.store).load();
		expect(loaded.key).toBeNull();
		expect(loaded.notice).toContain('unknown format');
	});

	it('forget clears both places', async () => {
		const idb = memoryIdb();
		const session = new MemoryStorage();
		const keys = createKeyStore(session, () => idb.store);
		await keys.save('sk-or-v1-test-a', 'device');
		await keys.forget();
		expect(await keys.load()).toEqual({ key: null, mode: 'device', notice: null });
	});
});
