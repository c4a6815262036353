import { ownNotice, type NoticeChannel } from './notices.svelte';
import { frameCommits, outputChars, type FrameSchedule } from './frame-commits';
import type { DraftStore } from '../core/draft';
// The share codec (and the JSON bounds it checks) loads when a link is made or opened.
import type { Deflate, Encoded } from '../core/share/codec';
import type { PlaygroundError } from '../core/errors';
import { normalizeRequest, DEFAULT_REQUEST_TEXT } from '../core/request/normalize';
import { parseRequest } from '../core/request/parse';
import type { ChatRequest } from '../core/request/types';
import type { Completion, StreamEvent } from '../core/stream/types';
// Continuing a conversation loads its code when an answer is added (after a run, never at load).
const answers = () => import('../core/conversation/answer');
const NOT_LOADED = 'This part of the app did not load (offline?): try again once online.';
import { carriesRequest, FRAMED_LINK_MESSAGE, FRAMED_MESSAGE } from '../core/framing';
import { headersProblem } from '../core/http-header';
import { containsKey, redactKeys } from '../core/security/redact';
import type { GenerationResult, GenerationWait } from '../core/generation';
import type { RawLog } from '../core/stream/raw-log';
import type { FinishedRun } from '../core/history/from-run';
import type { Settings } from './settings.svelte';

export type SendFn = (
	body: Record<string, unknown>,
	options: {
		apiKey: string;
		baseUrl: string;
		signal: AbortSignal;
		headers?: Record<string, string>;
		onText?: (text: string) => void;
	},
) => AsyncIterable<StreamEvent>;

/** `GET /generation?id=` with its retries (io/generation.ts). */
export type GenerationFn = (
	id: string,
	options: {
		apiKey: string;
		baseUrl: string;
		onWait?: (attempt: number, attempts: number) => void;
		/** Aborted when a newer run starts: the stats would not be shown. */
		signal?: AbortSignal;
	},
) => Promise<GenerationResult>;

/**
 * A change the body goes through before it is shown and sent (the prompt lab fills its `{{name}}`
 * variables), or why it cannot be sent yet.
 */
export type BodyTransform = (
	body: Record<string, unknown>,
) => { ok: true; body: Record<string, unknown> } | { ok: false; reason: string };

export type RunStatus = 'idle' | 'streaming' | 'done' | 'stopped' | 'error';

export type Run = FinishedRun<RunStatus> & {
	/** The API base URL the request went to. */
	baseUrl: string;
	/** Readable response headers (CORS exposes only some, docs/openrouter-protocol.md#cors). */
	responseHeaders: [string, string][];
	/** Every body line with its arrival time; appended to in place, read by the inspector. */
	raw: RawLog;
	/** `/generation` stats, fetched after the run. */
	generation: GenerationWait | GenerationResult | null;
};

export type PlaygroundDeps = {
	send: SendFn;
	generation?: GenerationFn;
	settings: Settings;
	drafts?: DraftStore;
	/** deflate-raw for `#z=` share links. */
	deflate?: Deflate;
	/** Non-secret extra headers (app attribution): sent, and shown in the snippets. */
	headers?: () => Record<string, string>;
	now?: () => number;
	/**
	 * The next animation frame: a streaming answer is shown once a frame at most (frame-commits.ts);
	 * tests in Node pass a synchronous scheduler.
	 */
	schedule?: FrameSchedule;
	/** Told of every finished run (history keeps it). */
	onRunEnd?: (run: Run) => void;
	/** Shown inside another page's frame: links to requests are not loaded, and nothing is sent. */
	framed?: boolean;
	/** Whether the browser has a network (the app's Connectivity state); online when not given. */
	online?: () => boolean;
	/**
	 * What Send waits for before it reads the body, or nothing: the part of the app that fills the
	 * body (the prompt lab, its `{{name}}` variables), while it loads.
	 */
	ready?: () => Promise<unknown> | null;
	/** Where its notices go (the app's list); a list of its own without it. */
	notice?: NoticeChannel;
};

type Streaming = typeof import('./streaming');
let streaming: Streaming | null = null;
/** The streaming code (streaming.ts); a send waits for it only when it comes before idle time. */
export async function preloadStreaming(): Promise<Streaming> {
	return (streaming ??= await import('./streaming'));
}

/** The frame's budget for the finished view: a hidden tab runs no frames, so this long at most. */
const FRAME_WAIT_MS = 100;

/** Resolves in the frame after the next one, or after FRAME_WAIT_MS when no frames come. */
function frameAfterNext(schedule: FrameSchedule): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, FRAME_WAIT_MS);
		schedule(() =>
			schedule(() => {
				clearTimeout(timer);
				resolve();
			}),
		);
	});
}

/** The request text (single source of truth), everything derived from it, and the current run. */
export class Playground {
	#deps: Required<Omit<PlaygroundDeps, 'generation' | 'framed' | 'ready' | 'notice'>> &
		Pick<PlaygroundDeps, 'generation' | 'ready'>;
	/** Inside another page's frame (see core/framing.ts). */
	readonly framed: boolean;
	#controller: AbortController | null = null;
	/** The last run's `/generation` lookup; a new run cancels it, so it lets go of the old run. */
	#lookup: AbortController | null = null;

	text = $state(DEFAULT_REQUEST_TEXT);
	/** The last run, a new copy on every frame while it streams. */
	#run = $state.raw<Run | null>(null);
	get run(): Run | null {
		return this.#run;
	}
	/**
	 * The parts of the run that stay the same while it streams, each in a source of its own and set
	 * only when it changes. What reads these (the transcript's every turn, Send, the reply box) is
	 * not woken by each streamed frame: at the end of a 200-turn conversation, reading `run` made
	 * Svelte mark and check every turn's effects once a frame (B9).
	 */
	#runStatus = $state<RunStatus | null>(null);
	#runBody = $state.raw<Record<string, unknown> | null>(null);
	#runEnded = $state.raw<Completion | null>(null);
	/** The body the last run sent. */
	get runBody(): Record<string, unknown> | null {
		return this.#runBody;
	}
	/** The last run's completion once it has ended; null while it streams. */
	get runEnded(): Completion | null {
		return this.#runEnded;
	}
	#show(run: Run | null): void {
		this.#run = run;
		this.#runStatus = run?.status ?? null;
		this.#runBody = run?.body ?? null;
		this.#runEnded = run && run.status !== 'streaming' ? run.completion : null;
	}
	/** Attribution headers (HTTP-Referer, X-OpenRouter-Title) from an imported curl command. */
	importedHeaders = $state.raw<Record<string, string>>({});
	/**
	 * The message the user is about to write (a form shows it and puts the cursor in it); `seq`
	 * makes asking twice for the same message a new request.
	 */
	focusMessage = $state.raw<{ index: number; seq: number } | null>(null);
	/** Storage problems worth telling the user about (the draft is still in the editor). */
	#notice: NoticeChannel;
	/** What this part of the app is telling the user (shown with the app's notices). */
	get notice(): string | null {
		return this.#notice.text;
	}
	/** Tells the user `text`, replacing what it said before; null takes it back. */
	tell(text: string | null): void {
		this.#notice.set(text);
	}
	/** The browser reports no network; Send is blocked with a reason, editing goes on. */
	get offline(): boolean {
		return !this.#deps.online();
	}

	/** The text holds a key (pasted by mistake): it is not saved as a draft until it is removed. */
	keyInText: boolean = $derived.by(() => containsKey(this.text, [this.#deps.settings.readKey()]));
	/** A draft save was skipped because of that key. */
	#draftHeld = $state(false);
	get draftHeld(): boolean {
		return this.#draftHeld;
	}

	parsed = $derived(parseRequest(this.text));
	#transform = $state.raw<BodyTransform | null>(null);
	/** The body as the text gives it, before any transform: the prompt lab's template. */
	template: Record<string, unknown> | null = $derived(
		this.parsed.ok ? normalizeRequest(this.parsed.value) : null,
	);
	#transformed = $derived(this.template && this.#transform ? this.#transform(this.template) : null);
	/** The body Send posts and the Code panel shows; the template while a transform refuses it. */
	body: Record<string, unknown> | null = $derived(
		this.#transformed?.ok ? this.#transformed.body : this.template,
	);
	/** The last request text that parsed, kept while the text does not (see `shownRequest`). */
	#lastValid: ChatRequest | null = null;
	/**
	 * What the forms and the Code panel show: the request, or while the JSON has an error, the last
	 * request that parsed (shown as out of date), so nothing on the page collapses or jumps.
	 */
	shownRequest: ChatRequest | null = $derived.by(() => {
		if (this.parsed.ok) this.#lastValid = this.parsed.value;
		return this.#lastValid;
	});
	/** The body the Code panel shows: `body`, or while the JSON has an error, the last valid one. */
	shownBody: Record<string, unknown> | null = $derived.by(() => {
		// Read on every change (not only when the text is broken) so the last valid one is kept.
		const shown = this.shownRequest;
		return this.body ?? (shown ? normalizeRequest(shown) : null);
	});
	streaming: boolean = $derived(this.#runStatus === 'streaming');
	/** Why Send is disabled, or null when it is enabled. */
	sendBlocker: string | null = $derived(this.#blocker());

	/** The non-secret headers Send adds and the snippets show: the form's, then an import's. */
	get headers(): Record<string, string> {
		return { ...this.#deps.headers(), ...this.importedHeaders };
	}

	constructor(deps: PlaygroundDeps) {
		this.#notice = deps.notice ?? ownNotice('playground');
		const unavailable = async (): Promise<never> => {
			throw new Error('compression is not available');
		};
		this.#deps = {
			send: deps.send,
			generation: deps.generation,
			ready: deps.ready,
			settings: deps.settings,
			now: deps.now ?? (() => performance.now()),
			schedule: deps.schedule ?? ((commit) => requestAnimationFrame(commit)),
			drafts: deps.drafts ?? {
				load: async () => ({ draft: null, notice: null }),
				save: async () => ({ ok: true, notice: null }),
			},
			deflate: deps.deflate ?? { compress: unavailable, decompress: unavailable },
			onRunEnd: deps.onRunEnd ?? (() => undefined),
			headers: deps.headers ?? (() => ({})),
			online: deps.online ?? (() => true),
		};
		this.framed = deps.framed ?? false;
	}

	/** A link to the current request (`#r=`/`#z=`), or why there is none. */
	async shareLink(appUrl: string): Promise<Encoded | null> {
		if (!this.body) return null;
		const { encodeShare } = await import('../core/share/codec');
		return encodeShare(this.body, appUrl, this.#deps.deflate);
	}

	/**
	 * Loads a shared request from the address fragment without sending it. Returns true when it
	 * loaded one, so the caller skips the saved draft; a refused link leaves a notice and the draft.
	 */
	async loadFromHash(hash: string): Promise<boolean> {
		// Framed, a link is not even decoded: the framing page chose it.
		if (this.framed && carriesRequest(hash)) {
			this.tell(FRAMED_LINK_MESSAGE);
			return false;
		}
		if (!carriesRequest(hash)) return false;
		let codec: typeof import('../core/share/codec');
		try {
			codec = await import('../core/share/codec');
		} catch {
			this.tell('The link could not be opened: part of the app did not load (offline?).');
			return false;
		}
		const { decodeShare, requestText } = codec;
		const decoded = await decodeShare(hash, this.#deps.deflate);
		if (decoded.kind === 'none') return false;
		if (decoded.kind === 'error') {
			this.tell(decoded.message);
			return false;
		}
		const { text, compact } = requestText(decoded.request);
		this.text = text;
		// `#model=<id>` quick start.
		if (decoded.kind === 'model') {
			this.tell(
				`Opened the default request with ${decoded.model}. Nothing has been sent: edit it, then press Send.`,
			);
			return true;
		}
		const ignored = decoded.ignored.length
			? ` It also carried ${decoded.ignored.join(', ')}, which a link can never set: ignored.`
			: '';
		const oneLine = compact ? ' It is shown on one line: indented, it would be too long.' : '';
		this.tell(
			`Loaded a request from a shared link. Nothing has been sent: check it, then press Send.${ignored}${oneLine}`,
		);
		return true;
	}

	/** Puts the saved draft (text and imported headers) back, unless the user has started typing. */
	async restoreDraft(): Promise<void> {
		const before = this.text;
		const { draft, notice } = await this.#deps.drafts.load();
		if (draft && this.text === before) {
			this.text = draft.text;
			this.importedHeaders = draft.headers;
		}
		if (notice) this.tell(notice);
	}

	/** Saves the draft, unless it holds a key: then nothing is written and the user is told. */
	async saveDraft(text = this.text, headers = this.importedHeaders): Promise<void> {
		this.#draftHeld = containsKey(text, [this.#deps.settings.readKey()]);
		if (this.#draftHeld) return;
		const { notice } = await this.#deps.drafts.save({ text, headers });
		if (notice) this.tell(notice);
	}

	/** Removes every key-shaped string (and the saved key) from the request text. */
	removeKeys(): void {
		this.text = redactKeys(this.text, [this.#deps.settings.readKey()], '');
	}

	#blocker(): string | null {
		if (this.framed) return FRAMED_MESSAGE;
		if (this.streaming) return 'A request is running';
		if (this.offline) return 'You are offline: sending needs a network connection';
		// fetch throws on such a header, which would read as a lost connection on every Send.
		const header = headersProblem(this.headers);
		if (header) return header;
		if (!this.parsed.ok) {
			const first = this.parsed.diagnostics.find((d) => d.severity === 'error');
			return first
				? `Invalid request: line ${first.line}, column ${first.column}: ${first.message}`
				: 'Invalid request';
		}
		if (this.#transformed && !this.#transformed.ok) return this.#transformed.reason;
		return null;
	}

	/** Why the transform refuses the body (a lab variable without a value), or null. */
	get refusal(): string | null {
		return this.#transformed?.ok === false ? this.#transformed.reason : null;
	}

	/** Resolves once the body can be read as it will be sent (see `ready`); rejects if it cannot. */
	async whenReady(): Promise<void> {
		await this.#deps.ready?.();
	}

	/** Installs the transform every body goes through (one at a time; null removes it). */
	useBodyTransform(transform: BodyTransform | null): void {
		this.#transform = transform;
	}

	/** Sends the request again exactly as it was sent last time. */
	retry(): Promise<void> {
		return this.#run ? this.send(this.#run.body) : Promise.resolve();
	}

	/**
	 * Appends the last answer (and, for tool calls, one result per call) to the request's messages;
	 * with `andSend`, sends the continued conversation. Returns a problem to show, or null.
	 */
	async continueConversation(
		toolResults: readonly string[] | null,
		andSend: boolean,
	): Promise<string | null> {
		if (!this.#run) return 'Nothing to add yet.';
		const loaded = await answers().catch(() => null);
		if (!loaded) return NOT_LOADED;
		const { appendTurn } = loaded;
		const result = appendTurn(this.text, this.#run.completion, toolResults);
		if (!result.ok) return result.message;
		this.text = result.text;
		if (andSend) await this.send();
		return null;
	}

	/**
	 * "Add to conversation": appends the last answer exactly as the API returned it, then an empty
	 * user message, and asks the form to put the cursor there. A second call adds nothing.
	 */
	async addAnswerToConversation(): Promise<string | null> {
		if (!this.#run) return 'Nothing to add yet.';
		const { completion } = this.#run;
		const loaded = await answers().catch(() => null);
		if (!loaded) return NOT_LOADED;
		const { addAnswer } = loaded;
		const result = addAnswer(this.text, completion);
		if (!result.ok) return result.message;
		if (result.text !== this.text) this.text = result.text;
		this.askFocus(result.reply);
		return null;
	}

	askFocus(index: number): void {
		this.focusMessage = { index, seq: (this.focusMessage?.seq ?? 0) + 1 };
	}

	async send(override?: Record<string, unknown>): Promise<void> {
		// Every way of sending comes here: none may post a body the lab has not filled yet, and the
		// streaming code is here first. Once it is (idle time after load), a send that needs no lab
		// posts in the caller's own task (B5: ten tabs sending at once).
		const ready = this.#deps.ready?.();
		let kit = streaming;
		if (ready || !kit)
			try {
				[, kit] = await Promise.all([ready, preloadStreaming()]);
			} catch {
				this.tell(NOT_LOADED);
				return;
			}
		const { EMPTY_COMPLETION, RawLog, finishCompletion, foldEventInto } = kit;
		const body = override ?? this.body;
		if (!body || this.sendBlocker) return;
		const apiKey = this.#deps.settings.readKey();
		if (!apiKey) {
			// Saving a key in the dialog that opens sends this request: the user asked for it.
			this.#deps.settings.askForKey(() => void this.send(override));
			return;
		}
		const { now, schedule, send } = this.#deps;
		this.#lookup?.abort();
		const controller = new AbortController();
		this.#controller = controller;

		let run: Run = {
			status: 'streaming',
			completion: { ...EMPTY_COMPLETION },
			body,
			startedAt: now(),
			firstTokenAt: null,
			endedAt: null,
			generationId: null,
			httpStatus: null,
			baseUrl: this.#deps.settings.apiBaseUrl,
			responseHeaders: [],
			raw: new RawLog([apiKey]),
			generation: null,
		};
		// `run` and its completion are this send's drafts, folded in place per event; the view gets
		// copies once a frame.
		const publish = () => this.#show({ ...run, completion: { ...run.completion } });
		publish();
		const raw = run.raw;
		const startedAt = run.startedAt;
		// Not after the end: the finished run is shown at once, then its generation lookup.
		const commits = frameCommits(schedule, () => {
			if (run.status === 'streaming' && this.#run?.startedAt === run.startedAt) publish();
		});

		const baseUrl = this.#deps.settings.apiBaseUrl;
		const { headers } = this;
		let sawEnd = false;
		try {
			const onText = (text: string) => raw.push(text, now() - startedAt);
			const options = { apiKey, baseUrl, headers, signal: controller.signal, onText };
			for await (const event of send(body, options)) {
				this.#fold(run, event, foldEventInto);
				if (event.type === 'end') sawEnd = true;
				commits.request(outputChars(run.completion));
			}
		} catch (error) {
			// io/openrouter yields errors as values; anything thrown here is a bug we still surface.
			const unexpected: PlaygroundError = { kind: 'protocol', message: String(error) };
			this.#fold(run, { type: 'error', error: unexpected }, foldEventInto);
		}

		// A Stop pressed after the stream's end stops nothing.
		const aborted = controller.signal.aborted;
		const endedAt = now();
		// The last text gets a frame of its own and the finished view (the bill, the reply box, the
		// samples) the next: together they were the longest frame of a long answer (benchmark B4).
		commits.end();
		if (commits.pending && !aborted) await frameAfterNext(schedule);
		let completion = run.completion;
		if (aborted) completion = finishCompletion(completion, 'aborted');
		else if (!sawEnd && !completion.complete && !completion.error)
			completion = finishCompletion(completion, 'end');
		const status: RunStatus = aborted ? 'stopped' : completion.error ? 'error' : 'done';
		raw.end(endedAt - startedAt);
		run = { ...run, completion, status, endedAt };
		this.#controller = null;
		this.#show(run);
		this.#deps.onRunEnd(run);
		await this.#loadGeneration(run, apiKey);
	}

	async #loadGeneration(run: Run, apiKey: string): Promise<void> {
		const id = run.generationId ?? run.completion.id;
		if (!this.#deps.generation || !id || run.httpStatus !== 200) return;
		const current = () => this.#run?.startedAt === run.startedAt;
		this.#show({ ...run, generation: { status: 'loading', attempt: 1, attempts: null } });
		const lookup = new AbortController();
		this.#lookup = lookup;
		// Each 404 means "not recorded yet": the next try is shown while it waits.
		const onWait = (attempt: number, attempts: number) => {
			if (current() && this.#run)
				this.#show({
					...this.#run,
					generation: { status: 'loading', attempt: attempt + 1, attempts },
				});
		};
		const { signal } = lookup;
		const result = await this.#deps.generation(id, {
			apiKey,
			baseUrl: run.baseUrl,
			onWait,
			signal,
		});
		if (this.#lookup === lookup) this.#lookup = null;
		if (current() && this.#run) this.#show({ ...this.#run, generation: result });
	}

	/** Folds one event into the draft `run` in place (a fast stream brings thousands). */
	#fold(run: Run, event: StreamEvent, foldEventInto: Streaming['foldEventInto']): void {
		const { completion } = run;
		const { text, reasoning, toolCalls } = completion;
		foldEventInto(completion, event);
		if (event.type === 'open') {
			run.generationId = event.generationId;
			run.httpStatus = event.status;
			run.responseHeaders = event.headers ?? [];
		}
		const produced =
			completion.text !== text ||
			completion.reasoning !== reasoning ||
			completion.toolCalls !== toolCalls;
		if (run.firstTokenAt === null && produced) run.firstTokenAt = this.#deps.now();
	}

	stop(): void {
		this.#controller?.abort();
	}
}
