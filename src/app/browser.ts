/**
 * The real environment of `createApp`: this page, its build settings and the io layer. Chunks
 * that are not needed for the first paint are dynamic imports here, so each loads when first used.
 */
import { parseOriginList } from '../core/api-origin';
import { createAttributionStore } from '../io/attribution-store';
import { createCatalogStore, fetchEndpoints, fetchModels } from '../io/catalog';
import { deflateRaw } from '../io/deflate';
import { createDraftStore } from '../io/draft-store';
import { createEditorPrefs } from '../io/editor-prefs';
import { isFramed } from '../io/framing';
import { checkKey } from '../io/key-info';
import { createKeyStore } from '../io/key-store';
import { lazyHistoryStore } from '../io/lazy-history-store';
import {
	createBaseUrlStore,
	createSnippetPrefsStore,
	createToolResultsStore,
} from '../io/prefs-store';
import { createPresetStore } from '../io/preset-store';
import { createThemeStore } from '../io/theme-store';
import { afterLoad, whenIdle } from '../ui/idle';
import type { AppEnv, AppIo } from './env';

const DEFAULT_API_BASE_URL = 'https://openrouter.ai/api/v1';

export function browserEnv(): AppEnv {
	const configured = import.meta.env.VITE_OPENROUTER_BASE_URL as string | undefined;
	return {
		apiBaseUrl: configured ? configured.replace(/\/+$/, '') : DEFAULT_API_BASE_URL,
		allowedOrigins: parseOriginList(import.meta.env.VITE_ALLOWED_API_ORIGINS as string | undefined),
		appUrl: location.origin + location.pathname,
		online: navigator.onLine,
		framed: isFramed(),
		clearHash: () => history.replaceState(history.state, '', location.pathname + location.search),
		onLinkPasted(open) {
			// Read from the event: by the time it is dispatched the start may have cleaned the URL.
			const listener = (event: HashChangeEvent) => open(new URL(event.newURL).hash);
			addEventListener('hashchange', listener);
			return () => removeEventListener('hashchange', listener);
		},
		confirm: (message) => window.confirm(message),
		afterLoad,
		whenIdle: (task) => void whenIdle(task),
		io: browserIo(),
	};
}

function browserIo(): AppIo {
	const catalogStore = createCatalogStore();
	return {
		keys: createKeyStore(),
		baseUrls: createBaseUrlStore(),
		themes: createThemeStore(),
		checkKey,
		// Sign-in code loads only when it is used (a click, or a return with ?code=).
		signIn: {
			start: async (base) => (await import('../io/oauth')).startSignIn({ apiBaseUrl: base }),
			complete: async (base) => {
				await afterLoad(); // not on the critical path: after the first paint and load
				let oauth: typeof import('../io/oauth');
				try {
					oauth = await import('../io/oauth');
				} catch {
					// Offline before the chunk was cached: only a return from sign-in has anything to say.
					return new URL(location.href).searchParams.has('code')
						? {
								kind: 'failed' as const,
								message:
									'Sign-in could not finish: this page is offline. Reconnect, then sign in again.',
							}
						: { kind: 'none' as const };
				}
				return oauth.completeSignIn({ apiBaseUrl: base });
			},
		},
		drafts: createDraftStore(),
		deflate: deflateRaw,
		attribution: createAttributionStore(),
		presets: createPresetStore(),
		history: lazyHistoryStore(),
		editorPrefs: createEditorPrefs(),
		snippetPrefs: createSnippetPrefsStore(),
		toolResults: createToolResultsStore(),
		catalog: {
			load: catalogStore.load,
			save: catalogStore.save,
			fetchModels: (base) => fetchModels(base),
			fetchEndpoints: (base, id) => fetchEndpoints(base, id),
		},
		loadClient: () => import('../io/openrouter'),
		loadGeneration: () => import('../io/generation'),
		loadSchemaChecker: () =>
			import('../io/schema-check/client').then((m) => m.createSchemaChecker()),
		loadBranchStore: () => import('../io/branch-store').then((m) => m.createBranchStore()),
		loadLab: () => import('./lab'),
		registerWorker: import.meta.env.PROD
			? async (handlers) =>
					(await import('../io/service-worker/register')).registerServiceWorker(handlers)
			: undefined,
	};
}
