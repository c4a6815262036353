/**
 * The composition root in Node: createApp wired to in-memory stores and a fake client. What is
 * checked is the wiring itself: which part reaches which, in what order things load, and that
 * the one app state has one list of notices and one set of dialogs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../../src/app/create-app.svelte';
import type { AppEnv, AppIo } from '../../../src/app/env';
import type { LabModule } from '../../../src/app/lab';
import { NO_BRANCHES } from '../../../src/core/conversation/branches';
import type { Draft } from '../../../src/core/draft';
import type { RunRecord } from '../../../src/core/history/record';
import type { StreamEvent } from '../../../src/core/stream/types';
import type { SendFn } from '../../../src/state/playground.svelte';
import { memoryKeys, textChunk } from '../state/helpers';

const KEY = 'sk-or-v1-test-app';
const DRAFT =
	'{\n  "model": "openai/gpt-4o-mini",\n  "messages": [{ "role": "user", "content": "kept" }]\n}\n';

type Fake = {
	env: AppEnv;
	sent: Record<string, unknown>[];
	saved: Draft[];
	kept: RunRecord[];
	cleared: number;
	labLoads: number;
	/** Pastes a link into the fake address bar, while the app listens. */
	paste: ((hash: string) => void) | null;
};

function fakeEnv(overrides: Partial<AppEnv> = {}, io: Partial<AppIo> = {}): Fake {
	const fake: Fake = {
		sent: [],
		saved: [],
		kept: [],
		cleared: 0,
		labLoads: 0,
		paste: null,
		env: null as never,
	};
	const send: SendFn = async function* (body): AsyncIterable<StreamEvent> {
		fake.sent.push(body);
		yield textChunk('Hello', 'stop');
	};
	const memory = () => {
		let value: unknown = null;
		return { load: () => value as never, save: (next: unknown) => void (value = next) };
	};
	fake.env = {
		apiBaseUrl: 'https://openrouter.ai/api/v1',
		allowedOrigins: [],
		appUrl: 'https://play.example/',
		online: true,
		framed: false,
		clearHash: () => void (fake.cleared += 1),
		onLinkPasted: (open) => {
			fake.paste = open;
			return () => void (fake.paste = null);
		},
		confirm: () => false,
		afterLoad: () => Promise.resolve(),
		whenIdle: (task) => void setTimeout(task, 0),
		io: {
			keys: memoryKeys(KEY),
			baseUrls: { load: () => null, save: () => undefined },
			themes: { load: () => 'system', save: () => undefined },
			checkKey: async () => ({ state: 'ok', label: null, limit: null, usage: null }) as never,
			signIn: { start: async () => undefined, complete: async () => ({ kind: 'none' }) },
			drafts: {
				load: async () => ({ draft: { text: DRAFT, headers: {} }, notice: null }),
				save: async (draft) => (fake.saved.push(draft), { ok: true, notice: null }),
			},
			deflate: {
				compress: async (bytes) => bytes,
				decompress: async (bytes) => bytes,
			},
			attribution: memory() as AppIo['attribution'],
			presets: {
				list: async () => ({ presets: [], notice: null }),
				put: async () => ({ ok: true, notice: null }),
				remove: async () => ({ ok: true, notice: null }),
			},
			history: {
				load: async () => ({ runs: [], notice: null }),
				put: async (runs) => (fake.kept.push(...runs), { notice: null }),
				remove: async () => ({ notice: null }),
				clear: async () => ({ notice: null }),
			},
			editorPrefs: { load: () => ({ mode: 'plain', wrap: false }), save: () => undefined },
			snippetPrefs: memory() as AppIo['snippetPrefs'],
			toolResults: memory() as AppIo['toolResults'],
			catalog: {
				load: async () => null,
				save: async () => true,
				fetchModels: async () => ({ ok: false, message: 'offline in this test' }),
				fetchEndpoints: async () => ({ ok: false, message: 'offline in this test' }),
			},
			loadClient: async () => ({ send }),
			loadGeneration: async () => ({
				fetchGeneration: async () => ({ ok: false, message: 'none' }) as never,
			}),
			loadSchemaChecker: async () => async () => ({ ok: true }) as never,
			loadBranchStore: async () => ({
				load: async () => NO_BRANCHES,
				save: async () => undefined,
			}),
			loadLab: async () => {
				fake.labLoads += 1;
				const module = await import('../../../src/app/lab');
				const store = {
					load: async () => ({ lab: null, notice: null }),
					save: async () => ({ notice: null }),
				};
				return {
					createLab: (app) => module.createLab(app, store),
					openLabFromLink: module.openLabFromLink,
				} satisfies LabModule;
			},
			...io,
		},
		...overrides,
	};
	return fake;
}

const linkTo = (request: unknown) =>
	`#r=${Buffer.from(JSON.stringify(request)).toString('base64url')}`;

let apps: App[] = [];
const build = (fake: Fake) => {
	const app = createApp(fake.env);
	apps.push(app);
	return app;
};

beforeEach(() => {
	vi.stubGlobal('requestAnimationFrame', (commit: () => void) => setTimeout(commit, 0));
});
afterEach(() => {
	for (const app of apps) app.destroy();
	apps = [];
	vi.unstubAllGlobals();
});

describe('createApp', () => {
	it('restores the draft on start, and saves edits once restored', async () => {
		const fake = fakeEnv();
		const app = build(fake);
		await app.start('');
		expect(app.playground.text).toBe(DRAFT);
		expect(fake.cleared).toBe(0);
		app.playground.text = DRAFT.replace('kept', 'edited');
		await vi.waitFor(() => expect(fake.saved.at(-1)?.text).toContain('edited'), 2000);
	});

	it('opens a shared link instead of the draft, tells the user, and cleans the address', async () => {
		const fake = fakeEnv();
		const app = build(fake);
		const request = { model: 'a/linked', messages: [{ role: 'user', content: 'from link' }] };
		await app.start(linkTo(request));
		expect(JSON.parse(app.playground.text)).toEqual(request);
		expect(fake.cleared).toBe(1);
		expect(app.notices.list.map((n) => n.source)).toEqual(['playground']);
		expect(app.notices.of('playground')).toContain('Nothing has been sent');
		expect(fake.sent).toEqual([]);
	});

	it('sends through the lazily loaded client and keeps the finished run in history', async () => {
		const fake = fakeEnv();
		const app = build(fake);
		await app.start('');
		await vi.waitFor(() => expect(app.settings.status).toBe('present'));
		await app.send();
		await vi.waitFor(() => expect(app.playground.run?.status).toBe('done'));
		expect(fake.sent).toHaveLength(1);
		expect(fake.sent[0]?.model).toBe('openai/gpt-4o-mini');
		await vi.waitFor(() => expect(app.history.runs).toHaveLength(1));
		expect(JSON.stringify(fake.kept)).not.toContain(KEY);
	});

	it('sends nothing inside another page’s frame', async () => {
		const fake = fakeEnv({ framed: true });
		const app = build(fake);
		await app.start('');
		await vi.waitFor(() => expect(app.settings.status).toBe('present'));
		await app.send();
		expect(fake.sent).toEqual([]);
	});

	it('follows the connectivity state: offline blocks Send', async () => {
		const fake = fakeEnv({ online: false });
		const app = build(fake);
		await app.start('');
		expect(app.playground.offline).toBe(true);
		app.connectivity.setOnline(true);
		expect(app.playground.offline).toBe(false);
	});

	it('asks for a key through the one dialogs state, and resumes the send once saved', async () => {
		const fake = fakeEnv({}, { keys: memoryKeys(null) });
		const app = build(fake);
		await app.start('');
		await vi.waitFor(() => expect(app.settings.status).toBe('missing'));
		await app.send();
		expect(app.dialogs.top).toBe('key');
		await app.settings.saveKey(KEY, 'tab');
		app.settings.closeKeyDialog();
		expect(app.dialogs.top).toBeNull();
		await vi.waitFor(() => expect(fake.sent).toHaveLength(1));
	});

	it('loads Compare and the lab on first use only, each opening as a dialog', async () => {
		const fake = fakeEnv();
		const app = build(fake);
		await app.start('');
		expect(app.compare).toBeNull();
		expect(app.lab).toBeNull();
		expect(fake.labLoads).toBe(0);
		await app.openCompare('a/model');
		expect(app.compare?.models[0]).toBe('a/model');
		expect(app.dialogs.isOpen('compare')).toBe(true);
		await app.openLab();
		expect(app.dialogs.top).toBe('lab');
		await app.openLab();
		expect(fake.labLoads).toBe(1);
		app.compare?.close();
		expect(app.dialogs.isOpen('compare')).toBe(false);
		expect(app.dialogs.isOpen('lab')).toBe(true);
	});

	it('brings the lab in before a request with a {{name}} can be sent', async () => {
		const fake = fakeEnv();
		const app = build(fake);
		await app.start('');
		await vi.waitFor(() => expect(app.settings.status).toBe('present'));
		app.playground.text = DRAFT.replace('kept', 'Weather in {{city}}?');
		await app.send();
		expect(fake.labLoads).toBe(1);
		// The lab names the unfilled variable: nothing goes out as written.
		expect(fake.sent).toEqual([]);
		expect(app.lab).not.toBeNull();
	});

	it('starts loading the lab as soon as the request holds a {{name}}, before any Send', async () => {
		const fake = fakeEnv();
		const app = build(fake);
		await app.start('');
		expect(fake.labLoads).toBe(0);
		app.playground.text = DRAFT.replace('kept', '{{question}}');
		await vi.waitFor(() => expect(app.lab).not.toBeNull());
		expect(fake.labLoads).toBe(1);
	});

	it('keeps one list of notices: each part says one thing, dismissed in one place', async () => {
		const fake = fakeEnv(
			{},
			{
				history: {
					load: async () => ({ runs: [], notice: 'History could not be read.' }),
					put: async () => ({ notice: null }),
					remove: async () => ({ notice: null }),
					clear: async () => ({ notice: null }),
				},
			},
		);
		const app = build(fake);
		await app.start(linkTo({ model: 'a/b', messages: [] }));
		await vi.waitFor(() => expect(app.notices.list).toHaveLength(2));
		expect(app.history.notice).toBe('History could not be read.');
		app.notices.dismiss('history');
		expect(app.history.notice).toBeNull();
		expect(app.notices.list.map((n) => n.source)).toEqual(['playground']);
	});

	it('a pasted link opens like a fresh one and asks for the address to be cleaned', async () => {
		const fake = fakeEnv();
		const app = build(fake);
		await app.start('');
		const request = { model: 'a/pasted', messages: [{ role: 'user', content: 'x' }] };
		expect(await app.openLink(linkTo(request))).toBe(true);
		expect(JSON.parse(app.playground.text).model).toBe('a/pasted');
		expect(await app.openLink('#section')).toBe(false);
		expect(fake.sent).toEqual([]);
	});

	it('listens for pasted links from the start, and no longer once destroyed', async () => {
		const fake = fakeEnv();
		const app = build(fake);
		expect(fake.paste).toBeNull();
		const started = app.start('');
		const request = { model: 'a/pasted-early', messages: [{ role: 'user', content: 'x' }] };
		fake.paste?.(linkTo(request));
		await started;
		await vi.waitFor(() => expect(JSON.parse(app.playground.text).model).toBe('a/pasted-early'));
		await vi.waitFor(() => expect(fake.cleared).toBe(1));
		app.destroy();
		expect(fake.paste).toBeNull();
	});
});
