import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../src/core/history/record';
import type { HistoryStore } from '../../../src/core/history/store';
import { buildExport } from '../../../src/core/history/transfer';
import { RunHistory } from '../../../src/state/history.svelte';
import { Playground, type SendFn } from '../../../src/state/playground.svelte';
import { createHistoryStore, type HistoryBackend } from '../../../src/io/history-store';
import { runRecord } from '../core/history/fixtures';
import { loadedSettings, textChunk } from './helpers';

function memoryStore(initial: RunRecord[] = []): HistoryStore & { saved: Map<string, RunRecord> } {
	const saved = new Map(initial.map((r) => [r.id, r]));
	return {
		saved,
		load: async () => ({ runs: [...saved.values()].sort((a, b) => b.at - a.at), notice: null }),
		put: async (runs) => (runs.forEach((r) => saved.set(r.id, r)), { notice: null }),
		remove: async (ids) => (ids.forEach((id) => saved.delete(id)), { notice: null }),
		clear: async () => (saved.clear(), { notice: null }),
	};
}

const send: SendFn = async function* (body) {
	yield { type: 'open', status: 200, generationId: 'gen-1', providerName: 'OpenAI' };
	yield textChunk(`echo ${String(body.model)}`);
	yield textChunk('', 'stop', { prompt_tokens: 4, completion_tokens: 2, cost: 0.001 });
	yield { type: 'done' };
};

async function wired(store: HistoryStore, max?: number) {
	const settings = await loadedSettings();
	let id = 0;
	const history = new RunHistory({
		store,
		readKey: () => settings.readKey(),
		newId: () => `id-${++id}`,
		now: () => 1_000_000 + id,
		max,
	});
	const playground = new Playground({
		send,
		settings,
		schedule: (commit) => commit(),
		onRunEnd: (run) => void history.record(run),
	});
	return { history, playground };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('RunHistory', () => {
	it('an import or a run that comes while storage clears is applied after the clear', async () => {
		const kept = runRecord();
		const store = memoryStore([kept]);
		let finish!: () => void;
		store.clear = () =>
			new Promise((resolve) => {
				finish = () => (store.saved.clear(), resolve({ notice: null }));
			});
		const { history, playground } = await wired(store);
		await history.load();
		const file = buildExport([kept], { exportedAt: 1, presets: [], secret: null });
		const clearing = history.clearAll();
		const importing = history.importText(file);
		playground.text = JSON.stringify({
			model: 'a/one',
			messages: [{ role: 'user', content: 'hi' }],
		});
		await playground.send();
		await flush();
		// Nothing happens to the list before storage has cleared.
		expect(history.runs).toEqual([kept]);
		finish();
		await clearing;
		expect(await importing).toMatchObject({ ok: true, message: 'Imported 1 run(s).' });
		await flush();
		expect(history.runs.map((r) => r.id).sort()).toEqual([kept.id, 'id-1'].sort());
		expect([...store.saved.keys()].sort()).toEqual([kept.id, 'id-1'].sort());
	});

	it('shows an empty history only once storage has cleared it', async () => {
		const store = memoryStore([runRecord()]);
		let finish!: () => void;
		store.clear = () =>
			new Promise((resolve) => {
				finish = () => (store.saved.clear(), resolve({ notice: null }));
			});
		const { history } = await wired(store);
		await history.load();
		const clearing = history.clearAll();
		await flush();
		expect(history.runs).toHaveLength(1);
		finish();
		await clearing;
		expect(history.runs).toEqual([]);
	});

	it('stores no key: neither one typed into a message nor one in an imported file', async () => {
		const store = memoryStore();
		const { history, playground } = await wired(store);
		const typed = 'sk-or-v1-test-typed-into-a-message-0001';
		playground.text = JSON.stringify({
			model: 'a/one',
			messages: [{ role: 'user', content: `my key ${typed}` }],
		});
		await playground.send();
		const leaky = runRecord({ id: 'imported', error: '401 Bearer sk-or-v1-test-in-a-file-0002' });
		await history.importText(
			buildExport([leaky], { exportedAt: 0 }).replace(
				'[key removed]',
				'sk-or-v1-test-in-a-file-0002',
			),
		);
		await flush();
		expect(store.saved.size).toBe(2);
		expect(JSON.stringify([...store.saved.values()])).not.toContain('sk-or-v1-test');
		expect(JSON.stringify(history.runs)).toContain('my key [key hidden]');
	});

	it('keeps every finished run with its request, answer, usage and status', async () => {
		const store = memoryStore();
		const { history, playground } = await wired(store);
		playground.text = JSON.stringify({
			model: 'a/one',
			messages: [{ role: 'user', content: 'hi' }],
		});
		await playground.send();
		await flush();
		expect(history.runs).toHaveLength(1);
		expect(history.runs[0]).toMatchObject({
			model: 'a/one',
			status: 'done',
			provider: 'OpenAI',
			request: { model: 'a/one', messages: [{ role: 'user', content: 'hi' }] },
			answer: { text: 'echo a/one', finishReason: 'stop' },
			usage: { cost: 0.001 },
		});
		expect([...store.saved.values()]).toEqual(history.runs);
	});

	it('sending still works, with a notice, when IndexedDB fails', async () => {
		const fail = () => Promise.reject(new Error('blocked'));
		const broken: HistoryBackend = {
			entries: fail,
			setMany: fail,
			delMany: fail,
			set: fail,
			clear: fail,
		};
		const { history, playground } = await wired(createHistoryStore(() => broken));
		await history.load();
		expect(history.notice).toContain('kept in this tab only');
		playground.text = JSON.stringify({
			model: 'a/two',
			messages: [{ role: 'user', content: 'x' }],
		});
		await playground.send();
		await flush();
		expect(playground.run?.status).toBe('done');
		expect(history.runs.map((r) => r.model)).toEqual(['a/two']);
	});

	it('drops the oldest runs beyond the bound and says how many', async () => {
		const old = [runRecord({ id: 'old-1', at: 1 }), runRecord({ id: 'old-2', at: 2 })];
		const store = memoryStore(old);
		const { history, playground } = await wired(store, 2);
		await history.load();
		expect(history.boundNotice).toBeNull();
		playground.text = JSON.stringify({
			model: 'a/three',
			messages: [{ role: 'user', content: 'x' }],
		});
		await playground.send();
		await flush();
		expect(history.runs.map((r) => r.id)).toEqual(['id-1', 'old-2']);
		expect([...store.saved.keys()].sort()).toEqual(['id-1', 'old-2']);
		expect(history.notice).toContain('the 1 oldest were dropped');
	});

	it('an import that fails changes nothing; a good one adds only new runs', async () => {
		const store = memoryStore([runRecord({ id: 'kept' })]);
		const { history } = await wired(store);
		await history.load();
		const bad = await history.importText(
			'{"format":"openrouter-playground-export","v":7,"runs":[]}',
		);
		expect(bad.ok).toBe(false);
		expect(bad.message).toContain('newer version');
		expect(history.runs.map((r) => r.id)).toEqual(['kept']);
		const good = buildExport([runRecord({ id: 'kept' }), runRecord({ id: 'new', at: 5 })], {
			exportedAt: 0,
			presets: [{ name: 'p' }],
		});
		const result = await history.importText(good);
		expect(result).toEqual({
			ok: true,
			message:
				"Imported 1 run(s); 1 already in history. The file's 1 preset(s) were not imported: this version has no presets.",
		});
		expect(history.runs.map((r) => r.id).sort()).toEqual(['kept', 'new']);
		expect(store.saved.has('new')).toBe(true);
	});

	it('filters, deletes one run and clears all', async () => {
		const store = memoryStore([
			runRecord({ id: 'a', at: Date.now(), model: 'x/a' }),
			runRecord({ id: 'b', at: Date.now() - 1, model: 'x/b' }),
		]);
		const history = new RunHistory({ store, readKey: () => null });
		await history.load();
		history.filter.model = 'x/b';
		expect(history.filtered.map((r) => r.id)).toEqual(['b']);
		await history.remove('b');
		expect(history.filtered).toEqual([]);
		expect(store.saved.has('b')).toBe(false);
		await history.clearAll();
		expect(history.runs).toEqual([]);
		expect(store.saved.size).toBe(0);
	});

	it('the export never holds the key', async () => {
		const settings = await loadedSettings('sk-or-v1-test-secret-key-9');
		const store = memoryStore([
			runRecord({
				request: {
					model: 'x',
					messages: [{ role: 'user', content: 'sk-or-v1-test-secret-key-9' }],
				},
			}),
		]);
		const history = new RunHistory({ store, readKey: () => settings.readKey() });
		await history.load();
		expect(await history.exportText()).not.toContain('sk-or-v1-test-secret-key-9');
	});
});

describe('RunHistory.keep', () => {
	it('keeps a record built elsewhere (a lab grid run), without the key, like any run', async () => {
		const store = memoryStore();
		const settings = await loadedSettings();
		const history = new RunHistory({ store, readKey: () => settings.readKey() });
		const key = settings.readKey() as string;
		const lab = { v: 1, variables: { word: `oops ${key}` } };
		await history.keep(runRecord({ id: 'lab-1', lab } as unknown as Partial<RunRecord>));
		expect(history.runs.map((r) => r.id)).toEqual(['lab-1']);
		expect(JSON.stringify(store.saved.get('lab-1'))).not.toContain(key);
		expect(store.saved.get('lab-1')?.lab).toBeDefined();
	});
});
