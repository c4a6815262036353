import { describe, expect, it } from 'vitest';
import type { HistoryStore } from '../../../src/core/history/store';
import { lazyHistoryStore } from '../../../src/io/lazy-history-store';
import { runRecord } from '../core/history/fixtures';

describe('lazyHistoryStore', () => {
	it('loads the store once, on first use, and passes every call through', async () => {
		let loads = 0;
		const calls: string[] = [];
		const inner: HistoryStore = {
			load: async () => (calls.push('load'), { runs: [runRecord()], notice: null }),
			put: async () => (calls.push('put'), { notice: null }),
			remove: async () => (calls.push('remove'), { notice: null }),
			clear: async () => (calls.push('clear'), { notice: null }),
		};
		const store = lazyHistoryStore(async () => (loads++, inner));
		expect(loads).toBe(0);
		expect((await store.load()).runs).toEqual([runRecord()]);
		await store.put([runRecord()]);
		await store.remove(['x']);
		await store.clear();
		expect(calls).toEqual(['load', 'put', 'remove', 'clear']);
		expect(loads).toBe(1);
	});

	it('when the code cannot load, every call still resolves, the user is told once, a later try works', async () => {
		let fail = true;
		const store = lazyHistoryStore(async () => {
			if (fail) throw new Error('offline');
			return {
				load: async () => ({ runs: [], notice: null }),
				put: async () => ({ notice: 'stored' }),
				remove: async () => ({ notice: null }),
				clear: async () => ({ notice: null }),
			};
		});
		expect((await store.load()).notice).toMatch(/could not load/);
		expect((await store.put([runRecord()])).notice).toBeNull();
		fail = false;
		expect((await store.put([runRecord()])).notice).toBe('stored');
	});
});
