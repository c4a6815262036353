import type { CatalogRecordV1 } from '../core/models/catalog';
import type { BranchStore } from '../core/conversation/branches';
import type { HistoryStore } from '../core/history/store';
import type { KeyCheck } from '../core/key-info';
import type { CheckSchema } from '../core/schema/check';
import type { Deflate } from '../core/share/codec';
import type { AttributionDeps } from '../state/attribution.svelte';
import type { CatalogDeps } from '../state/catalog.svelte';
import type { UpdateHandle } from '../state/connectivity.svelte';
import type { EditorPrefsDeps } from '../state/editor.svelte';
import type { GenerationFn, PlaygroundDeps, SendFn } from '../state/playground.svelte';
import type { PresetsDeps } from '../state/presets.svelte';
import type { SettingsDeps } from '../state/settings.svelte';
import type { SnippetPrefsStore } from '../state/snippets.svelte';
import type { ToolResultsStore } from '../state/tool-results.svelte';
import type { LabModule } from './lab';

/**
 * Everything `createApp` takes from the world: the page's facts, its scheduling, and the io
 * functions and stores. `browserEnv()` (app/browser.ts) builds the real one; tests pass fakes.
 */
export type AppEnv = {
	/** The build's API (VITE_OPENROUTER_BASE_URL), without a trailing slash. */
	apiBaseUrl: string;
	/** Other API origins the build allows (its CSP's connect-src). */
	allowedOrigins: readonly string[];
	/** Where this app is served (origin + path), for the default HTTP-Referer. */
	appUrl: string;
	online: boolean;
	/** Shown inside another page's frame: nothing is sent (core/framing.ts). */
	framed: boolean;
	/** Takes a link's fragment out of the address bar once it is read. */
	clearHash(): void;
	/** Calls `open` with the fragment of each link pasted into the open tab; returns a stop function. */
	onLinkPasted(open: (hash: string) => void): () => void;
	/** Asks the user a yes/no question (sending the key to a new host). */
	confirm(message: string): boolean;
	/** Resolves after the load event, so what it starts is not first-load work. */
	afterLoad(): Promise<void>;
	/** Runs `task` in an idle moment after load. */
	whenIdle(task: () => void): void;
	io: AppIo;
};

/** The io layer as the app uses it; chunks that load on first use are functions returning them. */
export type AppIo = {
	keys: SettingsDeps['keys'];
	baseUrls: NonNullable<SettingsDeps['baseUrls']>;
	themes: NonNullable<SettingsDeps['themes']>;
	checkKey(apiBaseUrl: string, apiKey: string): Promise<KeyCheck>;
	signIn: NonNullable<SettingsDeps['oauth']>;
	drafts: NonNullable<PlaygroundDeps['drafts']>;
	deflate: Deflate;
	attribution: Omit<AttributionDeps, 'appUrl'>;
	presets: PresetsDeps['store'];
	history: HistoryStore;
	editorPrefs: EditorPrefsDeps;
	snippetPrefs: SnippetPrefsStore;
	toolResults: ToolResultsStore;
	catalog: {
		load(): Promise<CatalogRecordV1 | null>;
		save(record: CatalogRecordV1): Promise<boolean>;
		fetchModels(apiBaseUrl: string): ReturnType<CatalogDeps['fetchModels']>;
		fetchEndpoints(
			apiBaseUrl: string,
			id: string,
		): ReturnType<NonNullable<CatalogDeps['fetchEndpoints']>>;
	};
	/** The streaming client: fetch + SSE decoding, a chunk fetched in idle time after load. */
	loadClient(): Promise<{ send: SendFn }>;
	loadGeneration(): Promise<{ fetchGeneration: GenerationFn }>;
	loadSchemaChecker(): Promise<CheckSchema>;
	loadBranchStore(): Promise<BranchStore>;
	loadLab(): Promise<LabModule>;
	/** Offline use (the service worker); only in a production build. */
	registerWorker?(handlers: {
		onUpdateReady(update: UpdateHandle): void;
		onProblem(message: string): void;
		cacheLater(): boolean;
	}): Promise<void>;
};
