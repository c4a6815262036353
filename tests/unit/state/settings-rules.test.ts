/**
 * Settings owns two rules: where the key lives (load, save, forget, another tab's change, the key
 * check that must not report on a key that is no longer the current one) and where requests go
 * (a base URL must be allowed by the build and, on a new host, confirmed).
 */
import { describe, expect, it } from 'vitest';
import type { KeyMode, KeyStore } from '../../../src/core/key';
import type { KeyCheck } from '../../../src/core/key-info';
import { Settings, type SettingsDeps } from '../../../src/state/settings.svelte';

const DEFAULT = 'https://openrouter.ai/api/v1';
const KEY_A = 'sk-or-v1-test-fake-key-a-aaaa';
const KEY_B = 'sk-or-v1-test-fake-key-b-bbbb';

function memoryKeys(initial: string | null = null, refuse = false) {
	let stored = initial;
	let mode: KeyMode = 'device';
	let listener: (() => void) | null = null;
	const store: KeyStore = {
		load: async () => ({ key: stored, mode, notice: null }),
		save: async (key, wanted) => {
			if (refuse)
				return { ok: false, mode: 'tab', notice: 'Browser storage is unavailable: this tab only.' };
			stored = key;
			mode = wanted;
			return { ok: true, mode: wanted };
		},
		forget: async () => void (stored = null),
		subscribe: (onChange) => ((listener = onChange), () => (listener = null)),
	};
	return {
		store,
		stored: () => stored,
		/** Another tab writes the shared store, then the app is told. */
		otherTab: (key: string | null) => {
			stored = key;
			listener?.();
		},
	};
}

/** A key check the test answers by hand, to order it against other events. */
function manualCheck() {
	const pending: { key: string; base: string; answer: (c: KeyCheck) => void }[] = [];
	const check: NonNullable<SettingsDeps['checkKey']> = (key, base) =>
		new Promise((resolve) => pending.push({ key, base, answer: resolve }));
	return { check, pending };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function settings(deps: Partial<SettingsDeps> = {}) {
	return new Settings({ keys: memoryKeys().store, apiBaseUrl: DEFAULT, ...deps });
}

describe('the key', () => {
	it('is loading, then missing or present with only a mask shown', async () => {
		const keys = memoryKeys(KEY_A);
		const s = settings({ keys: keys.store });
		expect(s.status).toBe('loading');
		await s.load();
		expect(s.status).toBe('present');
		expect(s.masked).toBe('sk-or-…aaaa');
		expect(s.masked).not.toContain(KEY_A.slice(8, -4));
		expect(s.readKey()).toBe(KEY_A);

		const empty = settings();
		await empty.load();
		expect(empty.status).toBe('missing');
		expect(empty.readKey()).toBeNull();
	});

	it('is saved cleaned of spaces and a Bearer prefix, in the chosen place', async () => {
		const keys = memoryKeys();
		const s = settings({ keys: keys.store });
		await s.load();
		expect(await s.saveKey(`  Bearer ${KEY_A}\n`, 'tab')).toBeNull();
		expect(keys.stored()).toBe(KEY_A);
		expect(s.mode).toBe('tab');
		expect(s.readKey()).toBe(KEY_A);
	});

	it('an empty value is refused with a message and nothing is stored', async () => {
		const keys = memoryKeys(KEY_A);
		const s = settings({ keys: keys.store });
		await s.load();
		expect(await s.saveKey('   ', 'device')).toMatch(/Paste a key/);
		expect(keys.stored()).toBe(KEY_A);
		expect(s.readKey()).toBe(KEY_A);
	});

	it('when storage refuses, the key is kept for this tab and the user is told', async () => {
		const s = settings({ keys: memoryKeys(null, true).store });
		await s.load();
		expect(await s.saveKey(KEY_A, 'device')).toBeNull();
		expect(s.readKey()).toBe(KEY_A);
		expect(s.mode).toBe('tab');
		expect(s.notice).toMatch(/unavailable/);
	});

	it('forget removes it from the store and clears the notice and the check', async () => {
		const keys = memoryKeys(KEY_A);
		const s = settings({
			keys: keys.store,
			checkKey: async () => ({ state: 'unreachable', message: 'offline' }),
		});
		await s.load();
		s.tell('something');
		await s.forgetKey();
		expect(keys.stored()).toBeNull();
		expect(s.status).toBe('missing');
		expect(s.notice).toBeNull();
		expect(s.keyCheck).toBeNull();
	});

	it("follows another tab's save and forget, and says so", async () => {
		const keys = memoryKeys(KEY_A);
		const s = settings({ keys: keys.store });
		await s.load();
		keys.otherTab(KEY_B);
		await expect.poll(() => s.readKey()).toBe(KEY_B);
		expect(s.notice).toBe('The key was changed in another tab.');
		keys.otherTab(null);
		await expect.poll(() => s.readKey()).toBeNull();
		expect(s.notice).toBe('The key was forgotten in another tab.');
	});

	it('a key check that ends after the key changed does not report on the new key', async () => {
		const { check, pending } = manualCheck();
		const s = settings({ checkKey: check });
		await s.load();
		await s.saveKey(KEY_A, 'device');
		await s.saveKey(KEY_B, 'device');
		expect(pending.map((p) => p.key)).toEqual([KEY_A, KEY_B]);
		pending[1]!.answer({ state: 'rejected', status: 401, message: 'B is refused' });
		await tick();
		expect(s.keyCheck).toEqual({ state: 'rejected', status: 401, message: 'B is refused' });
		// The answer about the old key arrives last: it must not replace the current key's.
		pending[0]!.answer({ state: 'unreachable', message: 'about A' });
		await tick();
		expect(s.keyCheck).toEqual({ state: 'rejected', status: 401, message: 'B is refused' });
	});
});

describe('the API base URL', () => {
	const ALT = 'https://gateway.example.com/api/v1';

	it('starts at the build default, or at a saved URL only if the build still allows it', () => {
		expect(settings().apiBaseUrl).toBe(DEFAULT);
		const saved = { load: () => ALT, save: () => undefined };
		expect(settings({ baseUrls: saved, allowedOrigins: [] }).apiBaseUrl).toBe(DEFAULT);
		expect(
			settings({ baseUrls: saved, allowedOrigins: ['https://gateway.example.com'] }).apiBaseUrl,
		).toBe(ALT);
	});

	it('refuses a host the build does not allow, a non-https URL and one with a query', () => {
		const s = settings({ allowedOrigins: ['https://gateway.example.com'] });
		expect(s.changeBaseUrl('https://evil.example.net/api/v1')).toMatch(/not in this build's list/);
		expect(s.changeBaseUrl('http://gateway.example.com/api/v1')).toMatch(/https/);
		expect(s.changeBaseUrl(`${ALT}?key=1`)).toMatch(/query/);
		expect(s.changeBaseUrl('not a url')).toMatch(/full URL/);
		expect(s.apiBaseUrl).toBe(DEFAULT);
	});

	it('a new host needs a confirmation naming it; without one nothing changes', () => {
		const asked: string[] = [];
		const saved: (string | null)[] = [];
		let answer = false;
		const s = settings({
			allowedOrigins: ['https://gateway.example.com'],
			baseUrls: { load: () => null, save: (url) => void saved.push(url) },
			confirmHost: (host) => (asked.push(host), answer),
		});
		expect(s.changeBaseUrl(ALT)).toMatch(/did not confirm/);
		expect(s.apiBaseUrl).toBe(DEFAULT);
		expect(saved).toEqual([]);
		answer = true;
		expect(s.changeBaseUrl(`${ALT}/`)).toBeNull();
		expect(asked).toEqual(['gateway.example.com', 'gateway.example.com']);
		expect(s.apiBaseUrl).toBe(ALT);
		expect(s.apiHost).toBe('gateway.example.com');
		expect(saved).toEqual([ALT]);
	});

	it('the base URL, the key mode and the key check cannot be written around those rules', () => {
		const s = settings({ allowedOrigins: ['https://gateway.example.com'] });
		const raw = s as unknown as Record<string, unknown>;
		expect(() => (raw.apiBaseUrl = ALT)).toThrow(TypeError);
		expect(() => (raw.mode = 'tab')).toThrow(TypeError);
		expect(() => (raw.keyCheck = { state: 'checking' })).toThrow(TypeError);
		expect(s.apiBaseUrl).toBe(DEFAULT);
		expect(s.mode).toBe('device');
	});

	it('another path on the same origin needs no confirmation; going back to the default saves nothing', () => {
		const saved: (string | null)[] = [];
		const s = settings({
			baseUrls: { load: () => null, save: (url) => void saved.push(url) },
			confirmHost: () => {
				throw new Error('must not ask for the same origin');
			},
		});
		expect(s.changeBaseUrl('https://openrouter.ai/api/v2')).toBeNull();
		expect(s.changeBaseUrl(DEFAULT)).toBeNull();
		expect(saved).toEqual(['https://openrouter.ai/api/v2', null]);
		s.resetBaseUrl();
		expect(s.apiBaseUrl).toBe(DEFAULT);
	});

	it('a change re-checks the current key against the new API', async () => {
		const { check, pending } = manualCheck();
		const s = settings({
			keys: memoryKeys(KEY_A).store,
			allowedOrigins: ['https://gateway.example.com'],
			confirmHost: () => true,
			checkKey: check,
		});
		await s.load();
		expect(pending.map((p) => p.base)).toEqual([DEFAULT]);
		s.changeBaseUrl(ALT);
		expect(pending.map((p) => p.base)).toEqual([DEFAULT, ALT]);
		expect(s.keyCheck).toEqual({ state: 'checking' });
	});
});
