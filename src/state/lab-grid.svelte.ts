/**
 * One run of the prompt lab's grid: a cell per case × column, run by core/lab/scheduler.ts through
 * the app's streaming `send`, each answer folded with core/stream/accumulate.ts. Cell states and
 * answers live in SvelteMaps, so a cell's change re-renders that cell, not the grid.
 */
import { SvelteMap } from 'svelte/reactivity';
import { cellOutcome } from '../core/lab/cell-outcome';
import type { CellBody } from '../core/lab/plan';
import { gridTotals, type GridTotals } from '../core/lab/grid-summary';
import {
	createScheduler,
	type CellOutcome,
	type CellResult,
	type CellState,
	type Clock,
	type GridState,
	type LabCell,
	type Scheduler,
} from '../core/lab/scheduler';
import { EMPTY_COMPLETION, finishCompletion, foldEvent } from '../core/stream/accumulate';
import { RawLog } from '../core/stream/raw-log';
import type { Completion } from '../core/stream/types';
import type { Run, RunStatus, SendFn } from './playground.svelte';

export type GridColumn = { id: string; label: string };

/**
 * A cell's exchange beyond its answer, for its full run view (the raw inspector, the timings):
 * changed in place while the cell streams; its answer in `answers` is what makes views look again.
 */
export type CellExchange = {
	baseUrl: string;
	/** `clock.now()` values. */
	startedAt: number;
	firstTokenAt: number | null;
	endedAt: number | null;
	httpStatus: number | null;
	generationId: string | null;
	responseHeaders: [string, string][];
	/** The body as it arrived; null once dropped (only the latest cells' bodies are kept). */
	raw: RawLog | null;
};

/** Raw bodies kept: a 1 000-cell grid of long streams would otherwise hold hundreds of MB. */
export const RAW_KEPT = 100;

export type LabGridOptions = {
	send: SendFn;
	apiKey: string;
	baseUrl: string;
	/** `now()` is epoch ms: a rate limit's reset time is one. */
	clock: Clock;
	schedule: (commit: () => void) => void;
	rows: ReadonlyMap<string, string>[];
	columns: GridColumn[];
	cells: LabCell[];
	bodies: ReadonlyMap<string, CellBody>;
	concurrency: number;
	/** Told of each answer as it finishes, for the checks. */
	onDone?: (id: string, result: CellResult) => void;
	/** A grid that already ran (opened from history): its cells as they ended; it runs nothing. */
	ended?: {
		grid: GridState;
		states: ReadonlyMap<string, CellState>;
		answers: ReadonlyMap<string, Completion>;
	};
};

export class LabGrid {
	readonly rows: ReadonlyMap<string, string>[];
	readonly columns: GridColumn[];
	readonly cells: LabCell[];
	readonly bodies: ReadonlyMap<string, CellBody>;
	readonly states = new SvelteMap<string, CellState>();
	/** Each cell's answer so far, committed at most once per frame while it streams. */
	readonly answers = new SvelteMap<string, Completion>();
	/** Opened from history: the cells are as they ended, and nothing is sent again. */
	readonly ended: boolean;
	#options: LabGridOptions;
	#scheduler: Scheduler;
	#grid = $state.raw<GridState>({ status: 'idle' });
	/**
	 * Cell states and answers changed since the last frame: however many cells stream, the page
	 * takes them in one commit per frame.
	 */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a buffer no view reads
	#pending = new Map<string, { answer: Completion; final: boolean }>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a buffer no view reads
	#pendingStates = new Map<string, CellState>();
	#flushScheduled = false;
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- changed in place, read with `answers`
	#exchanges = new Map<string, CellExchange>();
	/** Cells holding a raw body, oldest first. */
	#withRaw: string[] = [];

	totals: GridTotals = $derived.by(() => gridTotals(this.cells, this.states));
	running: boolean = $derived(this.#grid.status === 'running');
	failed: number = $derived(this.totals.overall.failed);

	constructor(options: LabGridOptions) {
		this.#options = options;
		this.rows = options.rows;
		this.columns = options.columns;
		this.cells = options.cells;
		this.bodies = options.bodies;
		this.ended = options.ended !== undefined;
		for (const cell of options.cells)
			this.states.set(cell.id, options.ended?.states.get(cell.id) ?? { status: 'queued' });
		for (const [id, answer] of options.ended?.answers ?? []) this.answers.set(id, answer);
		if (options.ended) this.#grid = options.ended.grid;
		this.#scheduler = createScheduler({
			cells: options.cells,
			clock: options.clock,
			concurrency: options.concurrency,
			run: (cell, signal) => this.#run(cell, signal),
			onCell: (id, state) => {
				this.#pendingStates.set(id, state);
				this.#flushLater();
				if (state.status === 'done') options.onDone?.(id, state.result);
			},
			onGrid: (grid) => (this.#grid = grid),
		});
	}

	get status(): GridState {
		return this.#grid;
	}

	/** Resolves once the grid has ended, with every cell's last state and answer in place. */
	async start(): Promise<void> {
		await this.#scheduler.start();
		this.#flush();
	}

	stopAll(): void {
		this.#scheduler.stopAll();
	}

	async retryFailed(): Promise<void> {
		await this.#scheduler.retryFailed();
		this.#flush();
	}

	/** Runs what a stop or a 402 left unstarted. */
	async resume(): Promise<void> {
		await this.#scheduler.resume();
		this.#flush();
	}

	/**
	 * The cell as a run, for the view a single run has (answer, usage, bill, raw inspector); null
	 * before it has an answer. A cell opened from history has no exchange: no raw body or headers.
	 */
	runOf(id: string): Run | null {
		const answer = this.answers.get(id);
		const body = this.bodies.get(id);
		const state = this.states.get(id);
		if (!answer || !body?.ok || !state) return null;
		const x = this.#exchanges.get(id);
		const result = 'result' in state ? state.result : null;
		const status: RunStatus =
			state.status === 'running' || state.status === 'waiting'
				? 'streaming'
				: state.status === 'stopped' || state.status === 'cancelled'
					? 'stopped'
					: answer.error || state.status === 'error'
						? 'error'
						: 'done';
		return {
			status,
			completion: answer,
			body: body.body,
			startedAt: x?.startedAt ?? 0,
			firstTokenAt: x?.firstTokenAt ?? null,
			endedAt: x?.endedAt ?? (result ? result.latencyMs : null),
			generationId: x?.generationId ?? null,
			httpStatus: x?.httpStatus ?? null,
			baseUrl: x?.baseUrl ?? this.#options.baseUrl,
			responseHeaders: x?.responseHeaders ?? [],
			raw: x?.raw ?? new RawLog(),
			generation: null,
		};
	}

	/** The cell's exchange as it went (this visit only: a grid opened from history has none). */
	exchange(id: string): CellExchange | undefined {
		return this.#exchanges.get(id);
	}

	async #run(cell: LabCell, signal: AbortSignal): Promise<CellOutcome> {
		const body = this.bodies.get(cell.id);
		if (!body?.ok) return { kind: 'error', message: body?.reason ?? 'Nothing to send' };
		const { send, clock, apiKey, baseUrl } = this.#options;
		const started = clock.now();
		const exchange = this.#startExchange(cell.id, started);
		const onText = (text: string) => exchange.raw?.push(text, clock.now() - started);
		let completion = EMPTY_COMPLETION;
		let sawEnd = false;
		this.#commitLater(cell.id, completion); // a retry starts from nothing
		for await (const event of send(body.body, { apiKey, baseUrl, signal, onText })) {
			const before = completion;
			completion = foldEvent(completion, event);
			if (event.type === 'end') sawEnd = true;
			if (event.type === 'open') {
				exchange.httpStatus = event.status;
				exchange.generationId = event.generationId;
				exchange.responseHeaders = event.headers ?? [];
			}
			const produced =
				completion.text !== before.text ||
				completion.reasoning !== before.reasoning ||
				completion.toolCalls !== before.toolCalls;
			if (exchange.firstTokenAt === null && produced) exchange.firstTokenAt = clock.now();
			if (!signal.aborted) this.#commitLater(cell.id, completion);
		}
		if (signal.aborted) completion = finishCompletion(completion, 'aborted');
		else if (!sawEnd && !completion.complete && !completion.error)
			completion = finishCompletion(completion, 'end');
		const now = clock.now();
		exchange.raw?.end(now - started);
		exchange.endedAt = now;
		this.#commitLater(cell.id, completion, true);
		return cellOutcome(completion, now - started, signal.aborted, now);
	}

	/** A new exchange for the cell (a retry replaces the last); the oldest raw bodies go first. */
	#startExchange(id: string, startedAt: number): CellExchange {
		const { baseUrl, apiKey } = this.#options;
		const exchange: CellExchange = {
			baseUrl,
			startedAt,
			firstTokenAt: null,
			endedAt: null,
			httpStatus: null,
			generationId: null,
			responseHeaders: [],
			raw: new RawLog([apiKey]),
		};
		this.#exchanges.set(id, exchange);
		this.#withRaw = [...this.#withRaw.filter((kept) => kept !== id), id];
		while (this.#withRaw.length > RAW_KEPT) {
			const dropped = this.#exchanges.get(this.#withRaw.shift() as string);
			if (dropped) dropped.raw = null;
		}
		return exchange;
	}

	/** A final answer is kept whatever the cell's state; a partial one only while it runs. */
	#commitLater(id: string, answer: Completion, final = false): void {
		this.#pending.set(id, { answer, final });
		this.#flushLater();
	}

	#flushLater(): void {
		if (this.#flushScheduled) return;
		this.#flushScheduled = true;
		this.#options.schedule(() => this.#flush());
	}

	/** What arrived since the last frame, shown at once (a frame, or the grid's end). */
	#flush(): void {
		this.#flushScheduled = false;
		const states = [...this.#pendingStates];
		const answers = [...this.#pending];
		this.#pendingStates.clear();
		this.#pending.clear();
		for (const [id, state] of states) this.states.set(id, state);
		for (const [id, { answer, final }] of answers)
			if (final || this.states.get(id)?.status === 'running') this.answers.set(id, answer);
	}
}
