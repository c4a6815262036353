import { describe, expect, it } from 'vitest';
import { createHistoryStore, type HistoryBackend } from '../../../src/io/history-store';
import { runRecord } from '../core/history/fixtures';

function mapBackend(data = new Map<IDBValidKey, unknown>()): HistoryBackend & {
	data: Map<IDBValidKey, unknown>;
} {
	return {
		data,
		entries: async () => [...data.entries()],
		setMany: async (pairs) => pairs.forEach(([k, v]) => data.set(k, v)),
		delMany: async (keys) => keys.forEach((k) => data.delete(k)),
		set: async (k, v) => void data.set(k, v),
		clear: async () => data.clear(),
	};
}

const failing = (): HistoryBackend => {
	const fail = () => Promise.reject(new DOMException('nope', 'InvalidStateError'));
	return { entries: fail, setMany: fail, delMany: fail, set: fail, clear: fail };
};

describe('createHistoryStore', () => {
	it('stores one key per run and loads them back newest first', async () => {
		const backend = mapBackend();
		const store = createHistoryStore(() => backend);
		const older = runRecord({ id: 'a', at: 1 });
		const newer = runRecord({ id: 'b', at: 2 });
		expect(await store.put([older, newer])).toEqual({ notice: null });
		expect([...backend.data.keys()]).toEqual(['run:a', 'run:b']);
		expect(await createHistoryStore(() => backend).load()).toEqual({
			runs: [newer, older],
			notice: null,
		});
		await store.remove(['a']);
		expect((await store.load()).runs).toEqual([newer]);
	});

	it('migrates old records on load', async () => {
		const backend = mapBackend(
			new Map([
				[
					'run:o',
					{
						v: 1,
						id: 'o',
						at: 3,
						request: { model: 'a/b' },
						answer: 'x',
						status: 'done',
						usage: null,
					},
				],
			]),
		);
		const { runs } = await createHistoryStore(() => backend).load();
		expect(runs[0]).toMatchObject({ v: 2, id: 'o', model: 'a/b', answer: { text: 'x' } });
	});

	it('sets unreadable records aside under another key, leaves newer ones alone, and says so', async () => {
		const broken = { v: 2, id: 'x' };
		const future = { ...runRecord({ id: 'f' }), v: 99 };
		const backend = mapBackend(
			new Map<IDBValidKey, unknown>([
				['run:ok', runRecord({ id: 'ok' })],
				['run:x', broken],
				['run:f', future],
			]),
		);
		const { runs, notice } = await createHistoryStore(() => backend).load();
		expect(runs.map((r) => r.id)).toEqual(['ok']);
		expect(notice).toContain('1 saved run(s) could not be read and were set aside');
		expect(notice).toContain('1 run(s) were saved by a newer version');
		expect(backend.data.get('unreadable:run:x')).toEqual(broken);
		expect(backend.data.has('run:x')).toBe(false);
		expect(backend.data.get('run:f')).toEqual(future);
	});

	it('sets aside records stored before they were checked: impossible dates, null or repeated calls', async () => {
		const call = { index: 0, id: 'c', type: 'function', name: 'constructor', arguments: '{}' };
		const answer = runRecord().answer;
		const backend = mapBackend(
			new Map<IDBValidKey, unknown>([
				['run:good', runRecord({ id: 'good' })],
				['run:far', { ...runRecord({ id: 'far' }), at: 1e16 }],
				['run:null', runRecord({ id: 'null', answer: { ...answer, toolCalls: [null as never] } })],
				['run:twice', runRecord({ id: 'twice', answer: { ...answer, toolCalls: [call, call] } })],
				['run:named', runRecord({ id: 'named', answer: { ...answer, toolCalls: [call] } })],
			]),
		);
		const { runs, notice } = await createHistoryStore(() => backend).load();
		expect(runs.map((r) => r.id)).toEqual(['good', 'named']);
		expect(notice).toContain('3 saved run(s) could not be read and were set aside');
		expect([...backend.data.keys()].sort()).toEqual([
			'run:good',
			'run:named',
			'unreadable:run:far',
			'unreadable:run:null',
			'unreadable:run:twice',
		]);
	});

	it('clear removes runs but keeps what was set aside', async () => {
		const backend = mapBackend(
			new Map<IDBValidKey, unknown>([
				['run:a', runRecord()],
				['unreadable:run:x', 1],
			]),
		);
		await createHistoryStore(() => backend).clear();
		expect([...backend.data.keys()]).toEqual(['unreadable:run:x']);
	});

	it('without IndexedDB keeps runs in memory for this tab and says so once', async () => {
		const store = createHistoryStore(failing);
		const first = await store.load();
		expect(first.runs).toEqual([]);
		expect(first.notice).toContain('kept in this tab only');
		expect(await store.put([runRecord({ id: 'm' })])).toEqual({ notice: null });
		expect((await store.load()).runs.map((r) => r.id)).toEqual(['m']);
	});

	it('a write that fails later falls back to memory with the notice', async () => {
		const backend = mapBackend();
		let broken = false;
		const flaky: HistoryBackend = {
			...backend,
			setMany: (pairs) => (broken ? Promise.reject(new Error('quota')) : backend.setMany(pairs)),
		};
		const store = createHistoryStore(() => flaky);
		await store.put([runRecord({ id: 'a' })]);
		broken = true;
		expect((await store.put([runRecord({ id: 'b' })])).notice).toContain('kept in this tab only');
		expect((await store.load()).runs.map((r) => r.id)).toEqual(['b']);
	});
});
