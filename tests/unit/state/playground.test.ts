import { describe, expect, it } from 'vitest';
import type { KeyStore } from '../../../src/core/key';
import type { StreamEvent } from '../../../src/core/stream/types';
import { Playground, type SendFn } from '../../../src/state/playground.svelte';
import { Settings } from '../../../src/state/settings.svelte';
import { refuseWhenFramed } from '../../../src/state/framing';
import { Connectivity } from '../../../src/state/connectivity.svelte';

function memoryKeys(key: string | null): KeyStore {
	let stored = key;
	return {
		load: async () => ({ key: stored, mode: 'device', notice: null }),
		save: async (k, mode) => ((stored = k), { ok: true, mode }),
		forget: async () => void (stored = null),
	};
}

const chunk = (content: string, finish: string | null = null): StreamEvent => ({
	type: 'chunk',
	chunk: {
		id: 'gen-1',
		model: 'openai/gpt-4o-mini-2024-07-18',
		provider: 'OpenAI',
		choices: [{ index: 0, delta: { role: 'assistant', content }, finish_reason: finish }],
	},
});

async function setup(send: SendFn, key: string | null = 'sk-or-v1-test-unit') {
	const settings = new Settings({
		keys: memoryKeys(key),
		apiBaseUrl: 'https://openrouter.ai/api/v1',
	});
	await settings.load();
	let clock = 0;
	const playground = new Playground({
		send,
		settings,
		now: () => (clock += 10),
		schedule: (commit) => commit(),
	});
	return { playground, settings };
}

describe('Playground', () => {
	it('is offline exactly when the connectivity state says so: Send is blocked, then works again', async () => {
		const connectivity = new Connectivity(false);
		let calls = 0;
		const settings = new Settings({
			keys: memoryKeys('sk-or-v1-test-unit'),
			apiBaseUrl: 'https://openrouter.ai/api/v1',
		});
		await settings.load();
		const playground = new Playground({
			send: async function* () {
				calls += 1;
				yield { type: 'done' };
			},
			settings,
			online: () => connectivity.online,
			schedule: (commit) => commit(),
		});
		expect(playground.offline).toBe(true);
		expect(playground.sendBlocker).toMatch(/offline/);
		await playground.send();
		expect(calls).toBe(0);
		connectivity.setOnline(true);
		expect(playground.offline).toBe(false);
		expect(playground.sendBlocker).toBeNull();
		await playground.send();
		expect(calls).toBe(1);
	});

	it('never sends a header fetch would refuse: Send is blocked with its name', async () => {
		let calls = 0;
		const send: SendFn = async function* () {
			calls += 1;
			yield { type: 'done' };
		};
		const { playground } = await setup(send);
		playground.importedHeaders = { 'X-Title': 'a\r\nX-Injected: 1' };
		expect(playground.sendBlocker).toContain('X-Title has a line break');
		await playground.send();
		expect(calls).toBe(0);
		playground.importedHeaders = { 'X-Title': 'fine' };
		expect(playground.sendBlocker).toBeNull();
	});

	it('posts the normalised body with the key and folds the stream to Done', async () => {
		const calls: { body: unknown; apiKey: string; baseUrl: string }[] = [];
		const send: SendFn = async function* (body, options) {
			calls.push({ body, apiKey: options.apiKey, baseUrl: options.baseUrl });
			yield { type: 'open', status: 200, generationId: 'gen-1', providerName: 'OpenAI' };
			yield { type: 'comment', text: 'OPENROUTER PROCESSING' };
			yield chunk('Hel');
			yield chunk('lo');
			yield chunk('', 'stop');
			yield { type: 'done' };
		};
		const { playground } = await setup(send);
		playground.text = JSON.stringify({ model: 'm/x', messages: [{ role: 'user', content: 'hi' }] });
		await playground.send();
		expect(calls).toEqual([
			{
				body: { model: 'm/x', messages: [{ role: 'user', content: 'hi' }] },
				apiKey: 'sk-or-v1-test-unit',
				baseUrl: 'https://openrouter.ai/api/v1',
			},
		]);
		expect(playground.run?.status).toBe('done');
		expect(playground.run?.completion.text).toBe('Hello');
		expect(playground.run?.completion.finishReason).toBe('stop');
		expect(playground.run?.generationId).toBe('gen-1');
		expect(playground.run?.firstTokenAt).not.toBeNull();
		expect(playground.run?.body).toEqual(calls[0]?.body);
	});

	it('Stop aborts the request and keeps what arrived', async () => {
		let release: () => void = () => undefined;
		const send: SendFn = async function* (_body, { signal }) {
			yield { type: 'open', status: 200, generationId: null, providerName: null };
			yield chunk('partial ');
			yield chunk('answer');
			await new Promise<void>((resolve) => {
				release = resolve;
				signal.addEventListener('abort', () => resolve());
			});
			if (!signal.aborted) yield chunk(' never');
		};
		const { playground } = await setup(send);
		const running = playground.send();
		await Promise.resolve();
		await new Promise((r) => setTimeout(r, 0));
		expect(playground.streaming).toBe(true);
		expect(playground.sendBlocker).toBe('A request is running');
		playground.stop();
		await running;
		release();
		expect(playground.run?.status).toBe('stopped');
		expect(playground.run?.completion.text).toBe('partial answer');
		expect(playground.run?.completion.error).toBeNull();
	});

	it('a stream that ends without [DONE] or a finish reason is an error that keeps the text', async () => {
		const send: SendFn = async function* () {
			yield { type: 'open', status: 200, generationId: null, providerName: null };
			yield chunk('cut ');
			yield { type: 'end' };
		};
		const { playground } = await setup(send);
		await playground.send();
		expect(playground.run?.status).toBe('error');
		expect(playground.run?.completion.text).toBe('cut ');
		expect(playground.run?.completion.error?.kind).toBe('incomplete');
	});

	it('an HTTP error event ends the run as an error with the API message', async () => {
		const send: SendFn = async function* () {
			yield { type: 'open', status: 401, generationId: null, providerName: null };
			yield {
				type: 'error',
				error: { kind: 'http', status: 401, code: 401, message: 'User not found.' },
			};
		};
		const { playground } = await setup(send);
		await playground.send();
		expect(playground.run?.status).toBe('error');
		expect(playground.run?.completion.error).toMatchObject({
			status: 401,
			message: 'User not found.',
		});
	});

	it('without a key, Send opens the key dialog and sends nothing', async () => {
		let called = false;
		const send: SendFn = async function* () {
			called = true;
			yield { type: 'done' };
		};
		const { playground, settings } = await setup(send, null);
		await playground.send();
		expect(called).toBe(false);
		expect(settings.keyDialogOpen).toBe(true);
		expect(playground.run).toBeNull();
	});

	it('a key saved in the dialog that Send opened sends that request; closing without one does not', async () => {
		const bodies: unknown[] = [];
		const send: SendFn = async function* (body) {
			bodies.push(body);
			yield { type: 'done' };
		};
		const { playground, settings } = await setup(send, null);
		await playground.send();
		settings.closeKeyDialog();
		expect(bodies).toEqual([]);
		// Opened by the top bar afterwards: saving there sends nothing.
		settings.askForKey();
		await settings.saveKey('sk-or-v1-test-unit', 'device');
		settings.closeKeyDialog();
		expect(bodies).toEqual([]);

		await settings.forgetKey();
		await playground.send();
		expect(settings.keyDialogOpen).toBe(true);
		await settings.saveKey('sk-or-v1-test-unit', 'tab');
		settings.closeKeyDialog();
		expect(settings.keyDialogOpen).toBe(false);
		await expect.poll(() => playground.run?.status).toBe('done');
		expect(bodies).toEqual([playground.body]);
	});

	it('invalid JSON blocks Send with the line and column, and there is no body', async () => {
		const send: SendFn = async function* () {};
		const { playground } = await setup(send);
		playground.text = '{\n  "model": "x",\n  "messages": [}\n}';
		expect(playground.sendBlocker).toMatch(/^Invalid request: line 3, column \d+/);
		expect(playground.body).toBeNull();
	});

	it('refuses a link nested 10 000 levels deep with a notice and keeps the editor as it was', async () => {
		const { playground } = await setup(async function* () {});
		const before = playground.text;
		const json = `{"model":"a/b","metadata":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
		const hash = '#r=' + Buffer.from(json).toString('base64url');
		expect(await playground.loadFromHash(hash)).toBe(false);
		expect(playground.text).toBe(before);
		expect(playground.notice).toMatch(/nested more than 100 levels deep/);
		expect(playground.parsed.ok).toBe(true);
	});
});

describe('Playground drafts', () => {
	it('never saves a draft holding a key, and removes it on request', async () => {
		const saved: string[] = [];
		const settings = new Settings({
			keys: memoryKeys('custom-proxy-key-0123456789'),
			apiBaseUrl: 'https://openrouter.ai/api/v1',
		});
		await settings.load();
		const playground = new Playground({
			send: async function* () {},
			settings,
			drafts: {
				load: async () => ({ draft: null, notice: null }),
				save: async (draft) => (saved.push(draft.text), { ok: true, notice: null }),
			},
		});
		for (const key of ['sk-or-v1-test-pasted-0123456789', 'custom-proxy-key-0123456789']) {
			playground.text = `{"messages": [{"role": "user", "content": "Bearer ${key}"}]}`;
			expect(playground.keyInText).toBe(true);
			await playground.saveDraft();
			expect(playground.draftHeld).toBe(true);
			expect(saved).toEqual([]);
		}
		playground.removeKeys();
		expect(playground.text).toBe('{"messages": [{"role": "user", "content": "Bearer "}]}');
		expect(playground.keyInText).toBe(false);
		await playground.saveDraft();
		expect(playground.draftHeld).toBe(false);
		expect(saved).toEqual([playground.text]);
	});
});

describe("Playground in another page's frame", () => {
	it('loads no request from a link and sends nothing, saying why', async () => {
		let calls = 0;
		const send: SendFn = async function* () {
			calls += 1;
			yield { type: 'done' };
		};
		const settings = new Settings({
			keys: memoryKeys('sk-or-v1-test-unit'),
			apiBaseUrl: 'https://openrouter.ai/api/v1',
		});
		await settings.load();
		const playground = new Playground({ send, settings, framed: true, schedule: (c) => c() });
		const before = playground.text;
		const hash = `#r=${Buffer.from('{"model":"evil/x","messages":[]}').toString('base64url')}`;
		expect(await playground.loadFromHash(hash)).toBe(false);
		expect(playground.text).toBe(before);
		expect(playground.notice).toContain('own tab');
		expect(playground.sendBlocker).toContain('inside another page');
		await playground.send();
		expect(calls).toBe(0);
		expect(playground.run).toBeNull();

		const refused = [];
		for await (const event of refuseWhenFramed(send, true)({}, {} as never)) refused.push(event);
		expect(refused).toEqual([
			{ type: 'error', error: expect.objectContaining({ kind: 'refused' }) },
		]);
		expect(calls).toBe(0);
		expect(refuseWhenFramed(send, false)).toBe(send);
	});
});

describe('Playground waiting for what fills the body', () => {
	async function waiting(ready: () => Promise<unknown> | null) {
		const posted: Record<string, unknown>[] = [];
		const settings = new Settings({
			keys: memoryKeys('sk-or-v1-test-unit'),
			apiBaseUrl: 'https://openrouter.ai/api/v1',
		});
		await settings.load();
		const playground = new Playground({
			send: async function* (body) {
				posted.push(body);
				yield chunk('ok', 'stop');
				yield { type: 'done' };
			},
			settings,
			schedule: (commit) => commit(),
			ready,
		});
		playground.text = JSON.stringify({
			model: 'a/model',
			messages: [{ role: 'user', content: 'Weather in {{city}}?' }],
		});
		return { playground, posted };
	}

	it('reads the body only once it is ready: a refusal installed meanwhile stops the send', async () => {
		let arrive = () => undefined as void;
		const loading = new Promise<void>((resolve) => (arrive = resolve));
		const { playground, posted } = await waiting(() => loading);
		const sending = playground.send();
		playground.useBodyTransform(() => ({
			ok: false,
			reason: 'Prompt lab: Missing value for city',
		}));
		arrive();
		await sending;
		expect(posted).toEqual([]);
		expect(playground.run).toBeNull();
		expect(playground.sendBlocker).toBe('Prompt lab: Missing value for city');
		// Compare reads the same refusal, whatever else blocks Send.
		expect(playground.refusal).toBe('Prompt lab: Missing value for city');
		await expect(playground.whenReady()).resolves.toBeUndefined();
	});

	it('sends the body as filled by what loaded while it waited', async () => {
		const { playground, posted } = await waiting(async () => {
			playground.useBodyTransform((body) => ({
				ok: true,
				body: { ...body, messages: [{ role: 'user', content: 'Weather in Lyon?' }] },
			}));
		});
		await playground.send();
		expect(posted.map((b) => (b.messages as { content: string }[])[0]?.content)).toEqual([
			'Weather in Lyon?',
		]);
	});

	it('sends nothing when what it waited for did not load, and says so', async () => {
		const { playground, posted } = await waiting(() => Promise.reject(new Error('offline')));
		await playground.send();
		expect(posted).toEqual([]);
		expect(playground.notice).toMatch(/did not load/);
		await expect(playground.whenReady()).rejects.toThrow('offline');
	});
});
