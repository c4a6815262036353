import { cleanKey, maskKey, type KeyMode, type KeyStore } from '../core/key';
import type { KeyCheck } from '../core/key-info';
import type { SignInOutcome } from '../core/oauth';

export type SettingsDeps = {
	keys: KeyStore;
	apiBaseUrl: string;
	/** OAuth PKCE: `start` leaves the page; `complete` runs once at start-up. */
	oauth?: { start(): Promise<void>; complete(): Promise<SignInOutcome> };
	/** `GET /key`: label, limit and usage, or why the key was refused. */
	checkKey?: (apiKey: string) => Promise<KeyCheck>;
};

export type KeyStatus = 'loading' | 'missing' | 'present';

/**
 * The user's key and where it lives. The key itself is private: components see only the mask.
 * `readKey()` is for the one moment a request is built.
 */
export class Settings {
	#store: KeyStore;
	#oauth: SettingsDeps['oauth'];
	#checkKey: SettingsDeps['checkKey'];
	keyCheck = $state<KeyCheck | null>(null);
	#key = $state<string | null>(null);
	#loaded = $state(false);
	mode = $state<KeyMode>('device');
	notice = $state<string | null>(null);
	dialogOpen = $state(false);
	readonly apiBaseUrl: string;

	status: KeyStatus = $derived(!this.#loaded ? 'loading' : this.#key ? 'present' : 'missing');
	masked: string | null = $derived(this.#key ? maskKey(this.#key) : null);

	constructor(deps: SettingsDeps) {
		this.#store = deps.keys;
		this.#oauth = deps.oauth;
		this.#checkKey = deps.checkKey;
		this.apiBaseUrl = deps.apiBaseUrl;
	}

	get apiHost(): string {
		return this.apiBaseUrl.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? this.apiBaseUrl;
	}

	async load(): Promise<void> {
		const loaded = await this.#store.load();
		this.#key = loaded.key;
		this.mode = loaded.mode;
		this.notice = loaded.notice;
		this.#loaded = true;
		if (loaded.key) void this.#runKeyCheck(loaded.key);
		const outcome = (await this.#oauth?.complete()) ?? { kind: 'none' };
		if (outcome.kind === 'signed-in') {
			await this.saveKey(outcome.key, this.mode);
			this.notice ??= 'Signed in with OpenRouter: a new key was created for this playground.';
		} else if (outcome.kind === 'failed') {
			this.notice = outcome.message;
			this.dialogOpen = true;
		}
	}

	get canSignIn(): boolean {
		return this.#oauth !== undefined;
	}

	async signIn(): Promise<void> {
		await this.#oauth?.start();
	}

	/** Returns an error message for the form, or null when saved. */
	async saveKey(input: string, mode: KeyMode): Promise<string | null> {
		const key = cleanKey(input);
		if (!key) return 'Paste a key: it starts with sk-or- and has no spaces.';
		const saved = await this.#store.save(key, mode);
		this.#key = key;
		this.mode = saved.mode;
		this.notice = saved.ok ? null : saved.notice;
		void this.#runKeyCheck(key);
		return null;
	}

	async #runKeyCheck(key: string): Promise<void> {
		if (!this.#checkKey) return;
		this.keyCheck = { state: 'checking' };
		const result = await this.#checkKey(key);
		// A newer key may have been saved (or the key forgotten) while this check was running.
		if (this.#key === key) this.keyCheck = result;
	}

	async forgetKey(): Promise<void> {
		await this.#store.forget();
		this.#key = null;
		this.notice = null;
		this.keyCheck = null;
	}

	readKey(): string | null {
		return this.#key;
	}
}
