import { generateCurl } from '../core/codegen/curl';
import type { DraftStore } from '../core/draft';
import { decodeShare, encodeShare, type Deflate, type Encoded } from '../core/share/codec';
import type { PlaygroundError } from '../core/errors';
import { normalizeRequest, DEFAULT_REQUEST_TEXT } from '../core/request/normalize';
import { parseRequest } from '../core/request/parse';
import { EMPTY_COMPLETION, finishCompletion, foldEvent } from '../core/stream/accumulate';
import type { Completion, StreamEvent } from '../core/stream/types';
import type { Settings } from './settings.svelte';

export type SendFn = (
	body: Record<string, unknown>,
	options: {
		apiKey: string;
		baseUrl: string;
		signal: AbortSignal;
		headers?: Record<string, string>;
	},
) => AsyncIterable<StreamEvent>;

export type RunStatus = 'idle' | 'streaming' | 'done' | 'stopped' | 'error';

export type Run = {
	status: RunStatus;
	completion: Completion;
	/** The body exactly as posted: what the snippet showed at Send time. */
	body: Record<string, unknown>;
	startedAt: number;
	firstTokenAt: number | null;
	endedAt: number | null;
	generationId: string | null;
	httpStatus: number | null;
};

export type PlaygroundDeps = {
	send: SendFn;
	settings: Settings;
	drafts?: DraftStore;
	/** deflate-raw for `#z=` share links. */
	deflate?: Deflate;
	/** Non-secret extra headers (app attribution): sent, and shown in the snippets. */
	headers?: () => Record<string, string>;
	now?: () => number;
	/** Commits are batched to one per frame; tests in Node pass a synchronous scheduler. */
	schedule?: (commit: () => void) => void;
};

/** The request text (single source of truth), everything derived from it, and the current run. */
export class Playground {
	#deps: Required<PlaygroundDeps>;
	#controller: AbortController | null = null;

	text = $state(DEFAULT_REQUEST_TEXT);
	run = $state.raw<Run | null>(null);
	/** Storage problems worth telling the user about (the draft is still in the editor). */
	notice = $state<string | null>(null);

	parsed = $derived(parseRequest(this.text));
	body: Record<string, unknown> | null = $derived(
		this.parsed.ok ? normalizeRequest(this.parsed.value) : null,
	);
	curl: string = $derived.by(() =>
		this.body
			? generateCurl(this.body, {
					baseUrl: this.#deps.settings.apiBaseUrl,
					headers: this.#deps.headers(),
				})
			: '',
	);
	streaming: boolean = $derived(this.run?.status === 'streaming');
	/** Why Send is disabled, or null when it is enabled. */
	sendBlocker: string | null = $derived(this.#blocker());

	constructor(deps: PlaygroundDeps) {
		const unavailable = async (): Promise<never> => {
			throw new Error('compression is not available');
		};
		this.#deps = {
			send: deps.send,
			settings: deps.settings,
			now: deps.now ?? (() => performance.now()),
			schedule: deps.schedule ?? ((commit) => requestAnimationFrame(commit)),
			drafts: deps.drafts ?? {
				load: async () => ({ text: null, notice: null }),
				save: async () => ({ ok: true, notice: null }),
			},
			deflate: deps.deflate ?? { compress: unavailable, decompress: unavailable },
			headers: deps.headers ?? (() => ({})),
		};
	}

	/** A link to the current request (`#r=`/`#z=`), or why there is none. */
	async shareLink(appUrl: string): Promise<Encoded | null> {
		if (!this.body) return null;
		return encodeShare(this.body, appUrl, this.#deps.deflate);
	}

	/**
	 * Loads a shared request from the address fragment without sending it. Returns true when the
	 * fragment was a share link (loaded or refused), so the caller skips the saved draft.
	 */
	async loadFromHash(hash: string): Promise<boolean> {
		const decoded = await decodeShare(hash, this.#deps.deflate);
		if (decoded.kind === 'none') return false;
		if (decoded.kind === 'error') {
			this.notice = decoded.message;
			return false;
		}
		this.text = `${JSON.stringify(decoded.request, null, 2)}\n`;
		const ignored = decoded.ignored.length
			? ` It also carried ${decoded.ignored.join(', ')}, which a link can never set: ignored.`
			: '';
		this.notice = `Loaded a request from a shared link. Nothing has been sent: check it, then press Send.${ignored}`;
		return true;
	}

	/** Puts the saved draft back, unless the user has already started typing. */
	async restoreDraft(): Promise<void> {
		const before = this.text;
		const { text, notice } = await this.#deps.drafts.load();
		if (text !== null && this.text === before) this.text = text;
		if (notice) this.notice = notice;
	}

	async saveDraft(text = this.text): Promise<void> {
		const { notice } = await this.#deps.drafts.save(text);
		if (notice) this.notice = notice;
	}

	#blocker(): string | null {
		if (this.streaming) return 'A request is running';
		if (!this.parsed.ok) {
			const first = this.parsed.diagnostics.find((d) => d.severity === 'error');
			return first
				? `Invalid request: line ${first.line}, column ${first.column}: ${first.message}`
				: 'Invalid request';
		}
		return null;
	}

	async send(): Promise<void> {
		const body = this.body;
		if (!body || this.sendBlocker) return;
		const apiKey = this.#deps.settings.readKey();
		if (!apiKey) {
			this.#deps.settings.dialogOpen = true;
			return;
		}
		const { now, schedule, send } = this.#deps;
		const controller = new AbortController();
		this.#controller = controller;

		let run: Run = {
			status: 'streaming',
			completion: EMPTY_COMPLETION,
			body,
			startedAt: now(),
			firstTokenAt: null,
			endedAt: null,
			generationId: null,
			httpStatus: null,
		};
		this.run = run;
		let pending = false;
		const commit = () => {
			pending = false;
			if (this.run?.startedAt === run.startedAt) this.run = run;
		};

		const baseUrl = this.#deps.settings.apiBaseUrl;
		const headers = this.#deps.headers();
		let sawEnd = false;
		try {
			for await (const event of send(body, {
				apiKey,
				baseUrl,
				signal: controller.signal,
				headers,
			})) {
				run = this.#fold(run, event);
				if (event.type === 'end') sawEnd = true;
				if (!pending) {
					pending = true;
					schedule(commit);
				}
			}
		} catch (error) {
			// io/openrouter yields errors as values; anything thrown here is a bug we still surface.
			const unexpected: PlaygroundError = { kind: 'protocol', message: String(error) };
			run = this.#fold(run, { type: 'error', error: unexpected });
		}

		const aborted = controller.signal.aborted;
		let completion = run.completion;
		if (aborted) completion = finishCompletion(completion, 'aborted');
		else if (!sawEnd && !completion.complete && !completion.error)
			completion = finishCompletion(completion, 'end');
		const status: RunStatus = aborted ? 'stopped' : completion.error ? 'error' : 'done';
		run = { ...run, completion, status, endedAt: now() };
		this.#controller = null;
		this.run = run;
	}

	#fold(run: Run, event: StreamEvent): Run {
		const completion = foldEvent(run.completion, event);
		const next = { ...run, completion };
		if (event.type === 'open') {
			next.generationId = event.generationId;
			next.httpStatus = event.status;
		}
		const produced =
			completion.text !== run.completion.text ||
			completion.reasoning !== run.completion.reasoning ||
			completion.toolCalls !== run.completion.toolCalls;
		if (next.firstTokenAt === null && produced) next.firstTokenAt = this.#deps.now();
		return next;
	}

	stop(): void {
		this.#controller?.abort();
	}
}
