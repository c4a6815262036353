/**
 * The composition root: builds every state class once, wires the io functions of `env` into them,
 * and returns the one app state the UI gets as its context. Plain TypeScript with runes, no DOM,
 * so the wiring runs and is tested in Node (tests/unit/app/create-app.test.ts).
 */
import { originOf } from '../core/api-origin';
import { carriesRequest } from '../core/framing';
import type { Branches } from '../core/conversation/branches';
import type { CheckSchema } from '../core/schema/check';
import { Attribution } from '../state/attribution.svelte';
import { Catalog } from '../state/catalog.svelte';
import type { Compare } from '../state/compare.svelte';
import { Connectivity } from '../state/connectivity.svelte';
import type { AppState, Insight } from '../state/context';
import { Dialogs } from '../state/dialogs.svelte';
import { EditorPrefs } from '../state/editor.svelte';
import { refuseWhenFramed } from '../state/framing';
import { RunHistory } from '../state/history.svelte';
import { Prices } from '../state/insight/prices.svelte';
import type { Replay } from '../state/insight/replay.svelte';
import { Upstream } from '../state/insight/upstream.svelte';
import type { Lab } from '../state/lab.svelte';
import { LazyConversation } from '../state/lazy-conversation.svelte';
import { lazySend } from '../state/lazy-send';
import { Notices } from '../state/notices.svelte';
import { Playground, preloadStreaming, type Run } from '../state/playground.svelte';
import { Presets } from '../state/presets.svelte';
import { Settings } from '../state/settings.svelte';
import type { Snippets } from '../state/snippets.svelte';
import { SavedToolResults } from '../state/tool-results.svelte';
import type { AppEnv } from './env';
import type { LabModule } from './lab';

/** The app state, and what the page shell calls: start-up, links, the network, teardown. */
export type App = AppState & {
	/** Restores the draft (or opens the link the page was loaded with) and loads the rest. */
	start(hash: string): Promise<void>;
	/** A link pasted into the address bar of the open tab; true when the address should be cleaned. */
	openLink(hash: string): Promise<boolean>;
	/** Sends the request on screen (Ctrl/⌘+Enter). */
	send(): Promise<void>;
	destroy(): void;
};

const LAB_LINK = /[#&]lab=/;
const TEMPLATE = /\{\{\s*[A-Za-z_]/;

export function createApp(env: AppEnv): App {
	const { io } = env;
	const dialogs = new Dialogs();
	const notices = new Notices();

	// The streaming client and the /generation lookup are chunks of their own, fetched in idle
	// time after load: the first Send neither waits for one nor compiles one while it streams.
	const client = lazySend(() => io.loadClient());
	// Inside another page's frame nothing is sent, whichever view asks.
	const send = refuseWhenFramed(client.send, env.framed);
	env.whenIdle(
		() =>
			void Promise.all([client.preload(), io.loadGeneration(), preloadStreaming()]).catch(() => {}),
	);

	const settings = new Settings({
		keys: io.keys,
		apiBaseUrl: env.apiBaseUrl,
		allowedOrigins: env.allowedOrigins,
		baseUrls: io.baseUrls,
		themes: io.themes,
		confirmHost: (host) =>
			env.confirm(
				`Send your OpenRouter API key to ${host}?\n\nEvery request, with your key in its Authorization header, will go to ${host} instead of ${originOf(env.apiBaseUrl).replace(/^[a-z]+:\/\//i, '')}. Only continue if you trust ${host}.`,
			),
		oauth: io.signIn,
		checkKey: (key, base) => io.checkKey(base, key),
		dialogs,
		notice: notices.channel('settings'),
	});
	const attribution = new Attribution({ appUrl: env.appUrl, ...io.attribution });
	const upstream = new Upstream(); // adds the debug echo to the posted body only
	const connectivity = new Connectivity(env.online, notices.channel('connectivity'));
	const presets = new Presets({ store: io.presets, notice: notices.channel('presets') });
	const history = new RunHistory({
		store: io.history,
		readKey: () => settings.readKey(),
		// The export file carries the presets too, and an import brings them back.
		presets: { list: () => presets.list, add: (records) => presets.addImported(records) },
		dialogs,
		notice: notices.channel('history'),
	});
	const catalog = new Catalog({
		fetchModels: () => io.catalog.fetchModels(settings.apiBaseUrl),
		fetchEndpoints: (id) => io.catalog.fetchEndpoints(settings.apiBaseUrl, id),
		loadCached: io.catalog.load,
		saveCached: io.catalog.save,
	});

	// The prompt lab's state loads on first use; from then on its variables are filled into every
	// Send (and an unfilled one blocks it).
	let lab = $state.raw<Lab | null>(null);
	let labLoad: Promise<{ module: LabModule; lab: Lab }> | undefined;
	const loadLab = () =>
		(labLoad ??= (async () => {
			const module = await io.loadLab();
			const built = await module.createLab({
				send,
				settings,
				playground,
				catalog,
				deflate: io.deflate,
				history,
				dialogs,
				notice: notices.channel('lab'),
			});
			lab = built;
			return { module, lab: built };
		})().catch((error: unknown) => {
			labLoad = undefined; // offline before the chunk was cached: the next use tries again
			throw error;
		}));

	const playground: Playground = new Playground({
		online: () => connectivity.online,
		send: upstream.wrap(send),
		generation: async (id, options) => (await io.loadGeneration()).fetchGeneration(id, options),
		headers: () => attribution.headers,
		settings,
		drafts: io.drafts,
		deflate: io.deflate,
		// Stored after the frame that shows the finished run, in a task of its own: the branches and
		// the history entry each copy the whole request, which at the end of a 200-turn (1 MB)
		// conversation added 19–24 ms to that frame (benchmark B9).
		onRunEnd: (run) => void setTimeout(() => void recordRun(run)),
		framed: env.framed,
		ready: labReady,
		notice: notices.channel('playground'),
	});

	/** A `{{name}}` is never sent as written: the lab, which fills it or names it, loads first. */
	function labReady(): Promise<unknown> | null {
		return !lab && TEMPLATE.test(playground.text) ? loadLab() : null;
	}

	const conversation = new LazyConversation(async () => {
		const [{ Conversation }, store] = await Promise.all([
			import('../state/conversation.svelte'),
			io.loadBranchStore(),
		]);
		return new Conversation({ playground, store });
	});
	/** A finished run joins the conversation's branches, and history keeps them with it. */
	async function recordRun(run: Run) {
		let branches: Branches | undefined;
		try {
			const state = await conversation.load();
			state.recordRun(run);
			branches = state.branchesToKeep();
		} catch {
			// Offline before the chunk was cached: history keeps the run without its branches.
		}
		await history.record(run, branches);
	}

	// Compare's state is a chunk of its own, loaded when Compare is first pressed.
	let compare = $state.raw<Compare | null>(null);
	async function openCompare(model: string | null) {
		if (!compare) {
			const { Compare } = await import('../state/compare.svelte');
			compare = new Compare({
				send,
				settings,
				loadCatalog: () => catalog.supportedParameters(),
				onRunEnd: (run) => void history.record(run),
				dialogs,
			});
		}
		compare.show(model);
	}

	let replay: Replay | null = null;
	const insight: Insight = {
		prices: new Prices(() => catalog.priceList()),
		upstream,
		async loadReplay() {
			if (!replay) {
				const { Replay } = await import('../state/insight/replay.svelte');
				replay = new Replay({
					send,
					readKey: () => settings.readKey(),
					baseUrl: () => settings.apiBaseUrl,
					askForKey: () => settings.askForKey(),
				});
			}
			return replay;
		},
	};

	// The schema worker's client arrives with the first check, not with the first paint.
	let schemaChecker: Promise<CheckSchema> | undefined;
	const checkSchema: CheckSchema = async (...args) =>
		(await (schemaChecker ??= io.loadSchemaChecker()))(...args);

	let snippets: Promise<Snippets> | undefined;
	const loadSnippets = () =>
		(snippets ??= import('../state/snippets.svelte').then(
			({ Snippets }) => new Snippets({ playground, settings, prefs: io.snippetPrefs }),
		)).catch((error: unknown) => {
			snippets = undefined;
			throw error;
		});

	const editorPrefs = new EditorPrefs(io.editorPrefs);

	/** A lab link (`#lab=`), on load or pasted into this tab: like any link, it sends nothing. */
	async function openLabLink(hash: string) {
		if (!LAB_LINK.test(hash)) return;
		const { module, lab } = await loadLab();
		await module.openLabFromLink(lab, hash, env.framed);
	}

	let draftRestored = $state(false);
	const stopEffects = $effect.root(() => {
		// Before the user sends, a request with a `{{name}}` brings the lab in.
		$effect(() => void labReady()?.catch(() => undefined));
		// Saves the draft shortly after the user stops typing.
		$effect(() => {
			const text = playground.text;
			const headers = playground.importedHeaders;
			if (!draftRestored) return;
			const timer = setTimeout(() => void playground.saveDraft(text, headers), 300);
			return () => clearTimeout(timer);
		});
	});

	let stopLinks = () => undefined as void;

	async function start(hash: string) {
		// A link pasted into the open tab loads like a fresh one, also while this start is under
		// way: listened to from the moment the address is read, so none is missed.
		stopLinks();
		stopLinks = env.onLinkPasted(
			(link) => void openLink(link).then((clean) => clean && env.clearHash()),
		);
		void settings.load();
		// What only the forms and dialogs show (they load after the first paint) loads after it too:
		// the model list (a network fetch and a parse), the presets, the history (and the reader that
		// checks every stored run).
		void env.afterLoad().then(() => {
			void catalog.load();
			void presets.load();
			void history.load();
		});
		if (io.registerWorker) {
			const register = io.registerWorker;
			env.whenIdle(
				() =>
					void register({
						onUpdateReady: (update) => (connectivity.update = update),
						onProblem: (message) => connectivity.problem.set(message),
						// Not for the plain field, nor inside another site's frame (its visit, not the user's).
						cacheLater: () => !env.framed && editorPrefs.mode !== 'plain',
					}).catch(() => undefined), // offline before the chunk was cached: next load
			);
		}
		// A shared link wins over the saved draft; drafts are saved whatever the link held.
		try {
			const fromLink = await playground.loadFromHash(hash);
			if (!fromLink) await playground.restoreDraft();
			// The branches come after load with their chunk. A link carries one branch: the branches
			// kept here belong to another conversation.
			void env
				.afterLoad()
				.then(() => conversation.load())
				.then((state) => (fromLink ? state.restore(null) : state.load()))
				.catch(() => undefined);
		} finally {
			// The link's fragment is removed once read.
			if (hash) env.clearHash();
			draftRestored = true;
		}
		await openLabLink(hash);
	}

	async function openLink(hash: string): Promise<boolean> {
		try {
			if (await playground.loadFromHash(hash)) (await conversation.load()).restore(null);
			await openLabLink(hash);
		} catch {
			// The notice of the part that failed says what happened.
		}
		// A refused link goes too: reloading the page must not meet it again.
		return carriesRequest(hash) || LAB_LINK.test(hash);
	}

	return {
		playground,
		settings,
		dialogs,
		notices,
		connectivity,
		catalog,
		presets,
		attribution,
		editorPrefs,
		history,
		toolResults: new SavedToolResults(io.toolResults),
		checkSchema,
		conversation,
		insight,
		loadSnippets,
		get compare() {
			return compare;
		},
		openCompare,
		get lab() {
			return lab;
		},
		openLab: async () => (await loadLab()).lab.show(),
		start,
		openLink,
		send: () => playground.send(),
		destroy() {
			stopEffects();
			stopLinks();
		},
	};
}
