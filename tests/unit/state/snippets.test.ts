import { describe, expect, it } from 'vitest';
import { generateCurl } from '../../../src/core/codegen/curl';
import type { SnippetPrefs } from '../../../src/core/codegen/prefs';
import { TARGETS } from '../../../src/core/codegen/targets';
import type { KeyStore } from '../../../src/core/key';
import { importCurlCommand } from '../../../src/state/import-curl';
import { Playground, type SendFn } from '../../../src/state/playground.svelte';
import { Settings } from '../../../src/state/settings.svelte';
import { Snippets } from '../../../src/state/snippets.svelte';

const KEY = 'sk-or-v1-test-unit-0123456789';
const BASE = 'https://openrouter.ai/api/v1';

const keys = (key: string | null): KeyStore => ({
	load: async () => ({ key, mode: 'device', notice: null }),
	save: async (_k, mode) => ({ ok: true, mode }),
	forget: async () => {},
});

async function setup(stored: SnippetPrefs | null = null) {
	const posted: { body: unknown; headers: unknown }[] = [];
	const send: SendFn = async function* (body, options) {
		posted.push({ body, headers: options.headers });
		yield { type: 'done' };
	};
	const settings = new Settings({ keys: keys(KEY), apiBaseUrl: BASE });
	await settings.load();
	const playground = new Playground({ send, settings, schedule: (commit) => commit() });
	const saved: SnippetPrefs[] = [];
	const prefs = {
		load: () => stored ?? { target: 'curl' as const, elide: false },
		save: (p: SnippetPrefs) => void saved.push(p),
	};
	const snippets = new Snippets({ playground, settings, prefs });
	return { playground, settings, snippets, posted, saved };
}

describe('Snippets', () => {
	it('while the JSON has an error, the last valid code stays on screen, marked stale, and nothing can be copied', async () => {
		const { playground, snippets } = await setup();
		const valid = snippets.code;
		expect(snippets.stale).toBe(false);
		expect(snippets.source).toBe(valid);
		playground.text = playground.text.replace(/\n}\n?$/, ',\n}\n');
		expect(playground.parsed.ok).toBe(false);
		expect(snippets.code).toBe('');
		expect(snippets.stale).toBe(true);
		expect(snippets.source).toBe(valid);
		playground.text = '{"model": "a/b", "messages": [{"role": "user", "content": "x"}]}';
		expect(snippets.stale).toBe(false);
		expect(snippets.source).toContain('"a/b"');
	});

	it('every tab shows code for the body Send posts, with the headers Send adds, never the key', async () => {
		const { playground, snippets, posted } = await setup();
		playground.importedHeaders = { 'HTTP-Referer': 'https://me.example/' };
		await playground.send();
		const [{ body, headers }] = posted as [{ body: Record<string, unknown>; headers: never }];
		expect(headers).toEqual({ 'HTTP-Referer': 'https://me.example/' });
		for (const target of TARGETS) {
			snippets.select(target.id);
			expect(snippets.code).toBe(target.generate(body, { baseUrl: BASE, headers }));
			expect(snippets.code).toContain('https://me.example/');
			expect(snippets.code).not.toContain(KEY);
		}
	});

	it('follows the text as it is edited, and offers nothing for invalid JSON', async () => {
		const { playground, snippets } = await setup();
		playground.text = JSON.stringify({ model: 'a/b', messages: [{ role: 'user', content: 'x' }] });
		expect(snippets.code).toContain('"model": "a/b"');
		playground.text = '{"model": ';
		expect(snippets.code).toBe('');
		expect(snippets.tokens).toEqual([]);
	});

	it('remembers the tab and the elide choice, and starts from what was stored', async () => {
		const { snippets, saved } = await setup({ target: 'python', elide: true });
		expect(snippets.selected.label).toBe('Python');
		snippets.select('typescript-openai');
		snippets.setElide(false);
		expect(saved).toEqual([
			{ target: 'typescript-openai', elide: true },
			{ target: 'typescript-openai', elide: false },
		]);
	});

	it('elides inline data for reading while the code keeps all of it', async () => {
		const { playground, snippets } = await setup();
		const url = `data:image/png;base64,${'A'.repeat(10_000)}`;
		playground.text = JSON.stringify({
			model: 'm',
			messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url } }] }],
		});
		expect(snippets.hasInlineData).toBe(true);
		expect(snippets.display.text).toBe(snippets.code);
		snippets.setElide(true);
		expect(snippets.code).toContain(url);
		expect(snippets.display.text).not.toContain(url);
		expect(snippets.display.text).toContain('characters hidden');
		expect(snippets.tokens.map((t) => t.text).join('')).toBe(snippets.display.text);
	});
});

describe('importCurlCommand', () => {
	it('loads the body and attribution headers, drops the key, and Send posts the same request', async () => {
		const { playground, settings, snippets, posted } = await setup();
		const body = { model: 'x/y', messages: [{ role: 'user', content: "it's $5" }], stream: true };
		const command = generateCurl(body, {
			baseUrl: BASE,
			headers: { 'X-Title': 'Mine' },
		}).replace('$OPENROUTER_API_KEY', KEY);
		expect(importCurlCommand(playground, settings, command)).toEqual({ ok: true });
		expect(playground.body).toEqual(body);
		expect(playground.importedHeaders).toEqual({ 'X-Title': 'Mine' });
		expect(playground.notice).toContain('contained an API key, which was dropped');
		expect(playground.notice).toContain('Nothing has been sent');
		for (const text of [
			playground.text,
			playground.notice,
			JSON.stringify(playground.importedHeaders),
		])
			expect(text).not.toContain(KEY);
		expect(snippets.code).toBe(command.replace(KEY, '$OPENROUTER_API_KEY'));
		await playground.send();
		expect(posted).toEqual([{ body, headers: { 'X-Title': 'Mine' } }]);
	});

	it('names another host, and leaves everything alone when the command is bad', async () => {
		const { playground, settings } = await setup();
		importCurlCommand(
			playground,
			settings,
			`curl https://api.example/v1/chat/completions -d '{"messages":[]}'`,
		);
		expect(playground.notice).toContain(
			'addressed to api.example; the playground sends to openrouter.ai',
		);
		const before = playground.text;
		const outcome = importCurlCommand(playground, settings, `curl ${BASE}/chat/completions -d '{'`);
		expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining('not JSON') });
		expect(playground.text).toBe(before);
	});
});
