import { describe, expect, it } from 'vitest';
import { isPreset, uniqueName, type PresetStore, type PresetV1 } from '../../../src/core/presets';
import type { HistoryStore } from '../../../src/core/history/store';
import { RunHistory } from '../../../src/state/history.svelte';
import { Presets } from '../../../src/state/presets.svelte';

function memoryStore(
	initial: unknown[] = [],
	failing = false,
): PresetStore & { records: Map<string, unknown> } {
	const records = new Map<string, unknown>(initial.map((p, i) => [String(i), p]));
	const refuse = { ok: false, notice: 'Browser storage is unavailable' };
	return {
		records,
		list: async () => ({ presets: [...records.values()].filter(isPreset), notice: null }),
		put: async (p) => (failing ? refuse : (records.set(p.id, p), { ok: true, notice: null })),
		remove: async (id) => (failing ? refuse : (records.delete(id), { ok: true, notice: null })),
	};
}

const setup = (store: PresetStore) => {
	let n = 0;
	return new Presets({ store, now: () => 1000 + n, newId: () => `id-${++n}` });
};

describe('presets', () => {
	it('save versioned records with unique names, sorted by name', async () => {
		const store = memoryStore();
		const presets = setup(store);
		await presets.save('Zeta', '{"a":1}');
		await presets.save('Alpha', '{"b":2}');
		await presets.save('Alpha', '{"c":3}');
		expect(presets.list.map((p) => p.name)).toEqual(['Alpha', 'Alpha (2)', 'Zeta']);
		expect(store.records.get('id-1')).toEqual({
			v: 1,
			id: 'id-1',
			name: 'Zeta',
			text: '{"a":1}',
			savedAt: 1001,
		});
	});

	it('rename and delete', async () => {
		const store = memoryStore();
		const presets = setup(store);
		const a = (await presets.save('A', 'x'))!;
		await presets.save('B', 'y');
		await presets.rename(a.id, 'B');
		expect(presets.list.map((p) => p.name)).toEqual(['B', 'B (2)']);
		await presets.remove(a.id);
		expect(presets.list.map((p) => p.name)).toEqual(['B']);
		expect(store.records.has(a.id)).toBe(false);
	});

	it('load skips records that are not presets', async () => {
		const good: PresetV1 = { v: 1, id: 'g', name: 'Good', text: '{}', savedAt: 1 };
		const presets = setup(memoryStore([good, { v: 2, name: 'future' }, 'junk']));
		await presets.load();
		expect(presets.list).toEqual([good]);
	});

	it('when storage refuses, nothing changes and the user is told', async () => {
		const presets = setup(memoryStore([], true));
		expect(await presets.save('A', 'x')).toBeNull();
		expect(presets.list).toEqual([]);
		expect(presets.notice).toMatch(/unavailable/);
	});

	it('uniqueName', () => {
		expect(uniqueName('  ', [])).toBe('Untitled');
		expect(uniqueName('A', ['A', 'A (2)'])).toBe('A (3)');
	});

	it('travel with the history file: exported beside the runs, imported into another browser', async () => {
		const emptyRuns: HistoryStore = {
			load: async () => ({ runs: [], notice: null }),
			put: async () => ({ notice: null }),
			remove: async () => ({ notice: null }),
			clear: async () => ({ notice: null }),
		};
		const historyWith = (presets: Presets) =>
			new RunHistory({
				store: emptyRuns,
				readKey: () => 'sk-or-v1-test-presets-key',
				presets: { list: () => presets.list, add: (r) => presets.addImported(r) },
			});
		const here = setup(memoryStore());
		await here.save('Tools', '{"model":"a/b","note":"sk-or-v1-test-presets-key"}');
		const file = await historyWith(here).exportText();
		expect(file).not.toContain('sk-or-v1-test-presets-key');

		const thereStore = memoryStore();
		const there = new Presets({ store: thereStore, now: () => 5, newId: () => 'other-1' });
		await there.save('Tools', '{}');
		const result = await historyWith(there).importText(file);
		expect(result.ok).toBe(true);
		expect(there.list.map((p) => p.name)).toEqual(['Tools', 'Tools (2)']);
		expect(thereStore.records.size).toBe(2);
		// Importing the same file again adds nothing; unreadable entries are named.
		const again = await historyWith(there).importText(file);
		expect(again.message).toContain('1 were unreadable or already here');
		expect(there.list).toHaveLength(2);
	});

	it('imported presets: out-of-range dates and bad ids are skipped, extra fields left behind', async () => {
		const store = memoryStore();
		const presets = setup(store);
		const good = { v: 1, id: 'p1', name: 'Good', text: '{}', savedAt: 5 };
		const note = await presets.addImported([
			JSON.parse(
				'{"__proto__":{"polluted":1},"extra":2,"v":1,"id":"p1","name":"Good","text":"{}","savedAt":5}',
			),
			{ ...good, id: 'p2', savedAt: 1e16 },
			{ ...good, id: 'p3', savedAt: -1 },
			{ ...good, id: '' },
			{ ...good, id: 'x'.repeat(201) },
		]);
		expect(note).toBe('Imported 1 preset(s); 4 were unreadable or already here.');
		expect([...store.records.values()]).toEqual([good]);
		expect(Object.keys(store.records.get('p1') as object)).toEqual(Object.keys(good));
	});
});
