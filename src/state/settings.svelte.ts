import { ownNotice, type NoticeChannel } from './notices.svelte';
import { cleanKey, maskKey, type KeyMode, type KeyStore } from '../core/key';
import { checkBaseUrl, originOf } from '../core/api-origin';
import type { KeyCheck } from '../core/key-info';
import type { SignInOutcome } from '../core/oauth';
import type { ThemeId, ThemeStore } from '../core/theme';
import { Dialogs } from './dialogs.svelte';

export type SettingsDeps = {
	keys: KeyStore;
	/** The build's API (VITE_OPENROUTER_BASE_URL). */
	apiBaseUrl: string;
	/** Origins the build allows (its CSP connect-src); the default API's origin is always one. */
	allowedOrigins?: readonly string[];
	/** The base URL the user confirmed in Settings, if any. */
	baseUrls?: { load(): string | null; save(baseUrl: string | null): void };
	/** Asks the user to confirm sending the key to a new host; true = go ahead. */
	confirmHost?: (host: string) => boolean;
	/** OAuth PKCE: `start` leaves the page; `complete` runs once at start-up. */
	oauth?: {
		start(apiBaseUrl: string): Promise<void>;
		complete(apiBaseUrl: string): Promise<SignInOutcome>;
	};
	/** `GET /key`: label, limit and usage, or why the key was refused. */
	checkKey?: (apiKey: string, apiBaseUrl: string) => Promise<KeyCheck>;
	/** The colour theme chosen in Settings, kept on this device. */
	themes?: ThemeStore;
	/** The app's dialogs: the key dialog opens when a key is needed. */
	dialogs?: Dialogs;
	/** Where its notices go (the app's list); a list of its own without it. */
	notice?: NoticeChannel;
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
	#keyCheck = $state<KeyCheck | null>(null);
	#key = $state<string | null>(null);
	#loaded = $state(false);
	#mode = $state<KeyMode>('device');
	#notice: NoticeChannel;
	/** What this part of the app is telling the user (shown with the app's notices). */
	get notice(): string | null {
		return this.#notice.text;
	}
	/** Tells the user `text`, replacing what it said before; null takes it back. */
	tell(text: string | null): void {
		this.#notice.set(text);
	}
	#dialogs: Dialogs;
	/** Changed only through `changeBaseUrl` (which asks before the key goes to a new host). */
	#apiBaseUrl = $state('');
	readonly defaultApiBaseUrl: string;
	readonly allowedOrigins: readonly string[];
	#baseUrls: SettingsDeps['baseUrls'];
	#confirmHost: (host: string) => boolean;
	#themes: ThemeStore | undefined;
	#theme = $state<ThemeId>('system');
	/** What asked for the key (Send without one): it goes on once a key is saved. */
	#resume: (() => void) | null = null;

	/** Where requests go: the build's API, or the one the user confirmed in Settings. */
	get apiBaseUrl(): string {
		return this.#apiBaseUrl;
	}
	/** Where the key is kept: on this device, or for this tab only. */
	get mode(): KeyMode {
		return this.#mode;
	}
	/** Whether the key dialog is open (it opens with `askForKey`, closes with `closeKeyDialog`). */
	get keyDialogOpen(): boolean {
		return this.#dialogs.isOpen('key');
	}
	/** What `GET /key` said of the key (label, limit, usage), or why it was refused. */
	get keyCheck(): KeyCheck | null {
		return this.#keyCheck;
	}

	status: KeyStatus = $derived(!this.#loaded ? 'loading' : this.#key ? 'present' : 'missing');
	masked: string | null = $derived(this.#key ? maskKey(this.#key) : null);

	constructor(deps: SettingsDeps) {
		this.#notice = deps.notice ?? ownNotice('settings');
		this.#store = deps.keys;
		this.#oauth = deps.oauth;
		this.#checkKey = deps.checkKey;
		this.defaultApiBaseUrl = deps.apiBaseUrl;
		const origins = [originOf(deps.apiBaseUrl), ...(deps.allowedOrigins ?? [])];
		this.allowedOrigins = origins.filter((origin, i) => origins.indexOf(origin) === i);
		this.#baseUrls = deps.baseUrls;
		this.#confirmHost = deps.confirmHost ?? (() => false);
		this.#themes = deps.themes;
		this.#dialogs = deps.dialogs ?? new Dialogs();
		this.#theme = deps.themes?.load() ?? 'system';
		const stored = deps.baseUrls?.load() ?? null;
		const check = stored ? checkBaseUrl(stored, this.allowedOrigins) : null;
		this.#apiBaseUrl = check?.ok ? check.baseUrl : deps.apiBaseUrl;
		deps.keys.subscribe?.(() => void this.#reloadKey());
	}

	/** Another tab saved or forgot the key: take what the store now holds. */
	async #reloadKey(): Promise<void> {
		const loaded = await this.#store.load();
		if (loaded.key === this.#key) return;
		this.#key = loaded.key;
		this.#mode = loaded.mode;
		this.#keyCheck = null;
		this.tell(
			loaded.key ? 'The key was changed in another tab.' : 'The key was forgotten in another tab.',
		);
		if (loaded.key) void this.#runKeyCheck(loaded.key);
	}

	get theme(): ThemeId {
		return this.#theme;
	}

	chooseTheme(theme: ThemeId): void {
		this.#theme = theme;
		this.#themes?.save(theme);
	}

	get apiHost(): string {
		return this.#apiBaseUrl.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? this.#apiBaseUrl;
	}

	async load(): Promise<void> {
		const loaded = await this.#store.load();
		this.#key = loaded.key;
		this.#mode = loaded.mode;
		this.tell(loaded.notice);
		this.#loaded = true;
		if (loaded.key) void this.#runKeyCheck(loaded.key);
		const outcome = (await this.#oauth?.complete(this.#apiBaseUrl)) ?? { kind: 'none' };
		if (outcome.kind === 'signed-in') {
			await this.saveKey(outcome.key, this.#mode);
			if (!this.notice)
				this.tell('Signed in with OpenRouter: a new key was created for this playground.');
		} else if (outcome.kind === 'failed') {
			this.tell(outcome.message);
			this.#dialogs.open('key');
		}
	}

	get canSignIn(): boolean {
		return this.#oauth !== undefined;
	}

	async signIn(): Promise<void> {
		await this.#oauth?.start(this.#apiBaseUrl);
	}

	/** Returns an error message for the form, or null when saved. */
	async saveKey(input: string, mode: KeyMode): Promise<string | null> {
		const key = cleanKey(input);
		if (!key) return 'Paste a key: it starts with sk-or- and has no spaces.';
		const saved = await this.#store.save(key, mode);
		this.#key = key;
		this.#mode = saved.mode;
		this.tell(saved.ok ? null : saved.notice);
		void this.#runKeyCheck(key);
		return null;
	}

	/**
	 * Keeps the saved key where `mode` says (this device or this tab) without asking for it again.
	 * Returns an error message, or null when moved (or when there is no key to move).
	 */
	async moveKey(mode: KeyMode): Promise<string | null> {
		if (!this.#key || mode === this.#mode) return null;
		const saved = await this.#store.save(this.#key, mode);
		this.#mode = saved.mode;
		this.tell(saved.ok ? null : saved.notice);
		return saved.ok ? null : saved.notice;
	}

	/** Opens the key dialog; `then` runs once a key is saved there (not if it is closed without one). */
	askForKey(then?: () => void): void {
		this.#resume = then ?? null;
		this.#dialogs.open('key');
	}

	/** Closes the key dialog, and resumes what asked for a key if there is one now. */
	closeKeyDialog(): void {
		const resume = this.#key ? this.#resume : null;
		this.#resume = null;
		this.#dialogs.close('key');
		resume?.();
	}

	async #runKeyCheck(key: string): Promise<void> {
		if (!this.#checkKey) return;
		this.#keyCheck = { state: 'checking' };
		const result = await this.#checkKey(key, this.#apiBaseUrl);
		// A newer key may have been saved (or the key forgotten) while this check was running.
		if (this.#key === key) this.#keyCheck = result;
	}

	async forgetKey(): Promise<void> {
		await this.#store.forget();
		this.#key = null;
		this.tell(null);
		this.#keyCheck = null;
	}

	/** Returns an error message, or null when the new base URL is in use. */
	changeBaseUrl(input: string): string | null {
		const check = checkBaseUrl(input, this.allowedOrigins);
		if (!check.ok) return check.message;
		if (check.baseUrl === this.#apiBaseUrl) return null;
		if (originOf(check.baseUrl) !== originOf(this.#apiBaseUrl)) {
			if (!this.#confirmHost(check.host)) return 'Not changed: you did not confirm the new host.';
		}
		this.#apiBaseUrl = check.baseUrl;
		this.#baseUrls?.save(check.baseUrl === this.defaultApiBaseUrl ? null : check.baseUrl);
		this.#keyCheck = null;
		if (this.#key) void this.#runKeyCheck(this.#key);
		return null;
	}

	resetBaseUrl(): void {
		this.#apiBaseUrl = this.defaultApiBaseUrl;
		this.#baseUrls?.save(null);
	}

	readKey(): string | null {
		return this.#key;
	}
}
