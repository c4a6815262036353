/**
 * The prompt lab: variables of the request's `{{name}}` placeholders, a table of test cases,
 * columns that patch the request, assertions, and the grid that runs case × column (lab-grid).
 * Everything it computes comes from core/lab; this class holds the user's choices and guards them.
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- its Maps are values: replaced whole in a
   $state.raw, never changed in place; the grid's live maps are SvelteMaps (lab-grid). */
import { ownNotice, type NoticeChannel } from './notices.svelte';
import type { PriceList as CatalogPrices } from '../core/billing/price-list';
import { labPrices } from '../core/lab/prices';
import type { Assertion } from '../core/lab/assertions';
import { checkInPlace, type CheckAssertion } from '../core/lab/check';
import { shownColumns } from '../core/lab/cases';
import { estimateGrid, type GridEstimate, type PriceList } from '../core/lab/estimate';
import { orderRows, type RowFilter, type RowSort, type RowTally } from '../core/lab/grid-rows';
import { columnLabel, parsePatch, type PatchParse } from '../core/lab/patch';
import { planGrid } from '../core/lab/plan';
import { DEFAULT_CONCURRENCY, type CellResult, type Clock } from '../core/lab/scheduler';
import type { LabFile } from '../core/lab/lab-file';
import { DEFAULT_CONFIRM_USD, MAX_CONCURRENCY, type KeptLab } from '../core/lab/lab-keep';
import { describeUnfilled, findVariables, substitute } from '../core/lab/template';
import { labRun, labRunRecord, type LabRunInput } from '../core/lab/lab-record';
import { endedGrid, openedCells, readLabRun } from '../core/lab/lab-run-open';
import type { RunRecord } from '../core/history/record';
import type { ChatRequest } from '../core/request/types';
import { structuredSchema } from '../core/schema/structured';
import type { Deflate } from '../core/share/codec';
import { LabCases } from './lab-cases.svelte';
import { LabChecks, type CellVerdict } from './lab-checks.svelte';
import { LabGrid } from './lab-grid.svelte';
import type { BodyTransform, SendFn } from './playground.svelte';
import type { Settings } from './settings.svelte';
import { Dialogs } from './dialogs.svelte';

export type LabDeps = {
	send: SendFn;
	settings: Settings;
	/** The playground's request before variables are filled in (its `template`). */
	request: () => Record<string, unknown> | null;
	/** Puts a request (from a lab file or link) in the editor. */
	setRequest: (request: Record<string, unknown>) => void;
	/** The catalog's prices, for the estimate before a run. */
	loadPrices: () => Promise<CatalogPrices>;
	/** Runs one check; the app's runs patterns in a worker it can stop (io/lab-check). */
	checkAssertion?: CheckAssertion;
	/** deflate-raw, for lab links. */
	deflate: Deflate;
	/** Keeps a grid run in history once it ends (core/lab/lab-record.ts); not kept without it. */
	keep?: (record: RunRecord) => void;
	newId?: () => string;
	/** `now()` in epoch ms, `sleep` abortable; real timers unless a test passes a fake. */
	clock?: Clock;
	schedule?: (commit: () => void) => void;
	/** The app's dialogs: the lab is one. */
	dialogs?: Dialogs;
	/** Where its notices go (the app's list); a list of its own without it. */
	notice?: NoticeChannel;
};

export type LabColumnDraft = { id: string; text: string };
export type { RowFilter, RowSort };

export { DEFAULT_CONFIRM_USD };

const realClock: Clock = {
	now: () => Date.now(),
	sleep: (ms, signal) =>
		new Promise((resolve) => {
			const timer = setTimeout(resolve, ms);
			signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
		}),
};

export class Lab {
	#deps: Required<Omit<LabDeps, 'keep' | 'notice'>> & Pick<LabDeps, 'keep'>;
	#values = $state.raw(new Map<string, string>());
	readonly cases = new LabCases();
	#columns = $state.raw<LabColumnDraft[]>([{ id: 'c1', text: '{}' }]);
	#nextColumn = 2;
	#assertions = $state.raw<Assertion[]>([]);
	#grid = $state.raw<LabGrid | null>(null);
	#prices = $state.raw<PriceList | null>(null);
	#pricesLoad: Promise<void> | null = null;
	#confirming = $state.raw<GridEstimate | null>(null);
	#checks: LabChecks;
	concurrency = $state(DEFAULT_CONCURRENCY);
	confirmAboveUsd = $state(DEFAULT_CONFIRM_USD);
	rowFilter = $state<RowFilter>('all');
	rowSort = $state<RowSort>('case');
	/** Why the last action did nothing (a bad file, a blocked run); null when all is well. */
	problem = $state<string | null>(null);
	/** What the user should know (a lab opened from a link); null when nothing. */
	#notice: NoticeChannel;
	/** What this part of the app is telling the user (shown with the app's notices). */
	get notice(): string | null {
		return this.#notice.text;
	}
	/** Tells the user `text`, replacing what it said before; null takes it back. */
	tell(text: string | null): void {
		this.#notice.set(text);
	}

	variables: string[] = $derived.by(() => findVariables(this.#deps.request()?.messages));
	caseColumns: string[] = $derived(shownColumns(this.cases.table, this.variables));
	patches: (LabColumnDraft & { parsed: PatchParse; label: string })[] = $derived(
		this.#columns.map((c) => {
			const parsed = parsePatch(c.text);
			return { ...c, parsed, label: parsed.ok ? columnLabel(parsed.patch) : 'invalid patch' };
		}),
	);
	/** The rows a grid runs: each case, or with none, the variables' own values as one row. */
	rows: ReadonlyMap<string, string>[] = $derived(
		this.cases.count === 0
			? [this.#values]
			: this.cases.table.rows.map(
					(row) => new Map(this.cases.table.columns.map((name, j) => [name, row[j] ?? ''])),
				),
	);
	estimate: GridEstimate | null = $derived.by(() => this.#estimate());
	/** What is kept between visits (core/lab/lab-keep.ts); a new object on every change. */
	kept: KeptLab = $derived({
		variables: this.#values,
		cases: this.cases.table,
		columns: this.#columns.map((c) => c.text),
		assertions: this.#assertions,
		concurrency: this.concurrency,
		confirmAboveUsd: this.confirmAboveUsd,
	});

	constructor(deps: LabDeps) {
		this.#notice = deps.notice ?? ownNotice('lab');
		this.#deps = {
			...deps,
			clock: deps.clock ?? realClock,
			checkAssertion: deps.checkAssertion ?? checkInPlace,
			newId: deps.newId ?? (() => crypto.randomUUID()),
			schedule: deps.schedule ?? ((commit) => requestAnimationFrame(commit)),
			dialogs: deps.dialogs ?? new Dialogs(),
		};
		this.#checks = new LabChecks(this.#deps.checkAssertion);
	}

	get open(): boolean {
		return this.#deps.dialogs.isOpen('lab');
	}
	get values(): ReadonlyMap<string, string> {
		return this.#values;
	}
	get columns(): readonly LabColumnDraft[] {
		return this.#columns;
	}
	get assertions(): readonly Assertion[] {
		return this.#assertions;
	}
	get grid(): LabGrid | null {
		return this.#grid;
	}
	/** The estimate waiting for the user's yes before a costly grid runs. */
	get confirming(): GridEstimate | null {
		return this.#confirming;
	}
	/** The request's `response_format` JSON schema, for a schema check given none of its own. */
	get responseSchema(): unknown {
		return structuredSchema(this.#deps.request());
	}
	get deflate(): Deflate {
		return this.#deps.deflate;
	}
	now(): number {
		return this.#deps.clock.now();
	}

	show(): void {
		this.#deps.dialogs.open('lab');
		this.#pricesLoad ??= this.#deps.loadPrices().then(
			(prices) => void (this.#prices = labPrices(prices)),
			() => void (this.#prices = new Map()),
		);
	}
	close(): void {
		this.#deps.dialogs.close('lab');
	}

	/** For the playground's Send: the variables filled in, or the names still without a value. */
	readonly fill: BodyTransform = (body) => {
		const filled = substitute(body as ChatRequest, this.#values);
		if (filled.ok) return { ok: true, body: filled.request as Record<string, unknown> };
		return { ok: false, reason: `Prompt lab: ${describeUnfilled(filled.missing, filled.empty)}` };
	};

	setValue(name: string, value: string): void {
		this.#values = new Map(this.#values).set(name, value);
	}

	// Columns.
	/**
	 * A whole new set of columns, numbered from 1 again: a grid opened from history then has the
	 * cell ids a run of the same lab would have (`0:c1`), so a cell the grid view still has open
	 * stays a cell of this grid.
	 */
	#setColumns(texts: readonly string[]): void {
		this.#columns = texts.map((text, i) => ({ id: `c${i + 1}`, text }));
		this.#nextColumn = texts.length + 1;
	}
	addColumn(model = ''): void {
		const text = model.trim() ? JSON.stringify({ model: model.trim() }) : '{}';
		this.#columns = [...this.#columns, { id: `c${this.#nextColumn++}`, text }];
	}
	editColumn(id: string, text: string): void {
		this.#columns = this.#columns.map((c) => (c.id === id ? { id, text } : c));
	}
	removeColumn(id: string): void {
		if (this.#columns.length > 1) this.#columns = this.#columns.filter((c) => c.id !== id);
	}

	// Assertions.
	addAssertion(assertion: Assertion): void {
		this.#assertions = [...this.#assertions, assertion];
		this.#recheck();
	}
	removeAssertion(index: number): void {
		this.#assertions = this.#assertions.filter((_, i) => i !== index);
		this.#recheck();
	}

	/** Every check on a finished cell; null until they have all answered. */
	verdictOf(cellId: string): CellVerdict | null {
		return this.#checks.of(cellId, this.#grid?.states.get(cellId));
	}

	#check(cellId: string, result: CellResult): void {
		void this.#checks.run(cellId, result, this.#assertions, () => this.#assertions);
	}

	#recheck(): void {
		const grid = this.#grid;
		if (!grid) return;
		for (const [id, state] of grid.states)
			if (state.status === 'done') this.#check(id, state.result);
	}

	/**
	 * The grid's cases (0-based) shown under the filter, in the chosen order. In case order with no
	 * filter it reads no cell, so a streaming grid does not recompute it.
	 */
	shownRows: number[] = $derived.by(() => {
		const grid = this.#grid;
		if (!grid) return [];
		const count = grid.rows.length;
		if (this.rowFilter === 'all' && this.rowSort === 'case')
			return Array.from({ length: count }, (_, i) => i);
		const tallies: RowTally[] = Array.from({ length: count }, (_, row) => {
			const tally = { pass: 0, fail: 0, cells: grid.columns.length };
			for (const column of grid.columns) {
				const id = `${row}:${column.id}`;
				const verdict = this.verdictOf(id);
				// An answer that ended in an error fails whatever the checks, as in the pass rate.
				if (verdict?.pass === true) tally.pass++;
				else if (verdict?.pass === false || grid.states.get(id)?.status === 'error') tally.fail++;
			}
			return tally;
		});
		return orderRows(tallies, this.rowFilter, this.rowSort);
	});

	#estimate(): GridEstimate | null {
		const request = this.#deps.request();
		if (!request) return null;
		const columns = this.patches.flatMap((c) =>
			c.parsed.ok ? [{ id: c.id, patch: c.parsed.patch }] : [],
		);
		return estimateGrid(request as ChatRequest, columns, this.rows, this.#prices ?? new Map());
	}

	/** Why the grid cannot run, or null. */
	get runBlocker(): string | null {
		if (!this.#deps.request()) return 'Fix the request JSON first';
		const bad = this.patches.find((c) => !c.parsed.ok);
		if (bad && !bad.parsed.ok)
			return `Column ${this.patches.indexOf(bad) + 1}: ${bad.parsed.error}`;
		if (this.#grid?.running) return 'The grid is running';
		return null;
	}

	/** Runs the grid, or first asks for a yes when it may cost more than `confirmAboveUsd`. */
	async requestRun(): Promise<void> {
		await this.#pricesLoad;
		const estimate = this.estimate;
		if (this.runBlocker || !estimate) return;
		if (estimate.usd === null || estimate.usd > this.confirmAboveUsd) this.#confirming = estimate;
		else await this.#start();
	}
	cancelRun(): void {
		this.#confirming = null;
	}
	async confirmRun(): Promise<void> {
		this.#confirming = null;
		await this.#start();
	}

	async #start(): Promise<void> {
		const request = this.#deps.request();
		const apiKey = this.#deps.settings.readKey();
		if (!request || this.runBlocker) return;
		if (!apiKey) {
			this.#deps.settings.askForKey();
			return;
		}
		const columns = this.patches.flatMap((c) =>
			c.parsed.ok ? [{ id: c.id, label: c.label, patch: c.parsed.patch }] : [],
		);
		const rows = this.rows;
		const { send, clock, schedule, settings } = this.#deps;
		// What the run is kept with in history, as it was when it started.
		const lab = {
			variables: this.#values,
			cases: this.cases.table,
			columns: this.patches.map((c) => ({ patch: c.text, label: c.label })),
		};
		const startedAt = clock.now();
		const grid = new LabGrid({
			...planGrid(request, columns, rows),
			send,
			apiKey,
			baseUrl: settings.apiBaseUrl,
			clock,
			schedule,
			rows,
			columns: columns.map(({ id, label }) => ({ id, label })),
			concurrency: Math.max(1, Math.min(MAX_CONCURRENCY, Math.floor(this.concurrency) || 1)),
			onDone: (id, result) => this.#check(id, result),
		});
		this.#checks.clear();
		this.#grid = grid;
		await grid.start();
		await this.#keep(grid, request, { ...lab, startedAt });
	}

	/** Keeps an ended grid in history with its lab, once its checks have answered. */
	async #keep(
		grid: LabGrid,
		request: Record<string, unknown>,
		lab: Pick<LabRunInput, 'variables' | 'cases' | 'columns'> & { startedAt: number },
	): Promise<void> {
		const { keep, clock, newId } = this.#deps;
		if (!keep) return;
		await this.#checks.settled();
		const index = new Map(grid.columns.map((c, i) => [c.id, i]));
		const run = labRun({
			...lab,
			assertions: this.#assertions,
			grid: grid.status,
			rows: grid.rows.length,
			cells: grid.cells.map((cell) => ({
				row: cell.row,
				column: index.get(cell.column) ?? 0,
				state: grid.states.get(cell.id),
				verdicts: this.#assertions.length > 0 ? (this.verdictOf(cell.id)?.verdicts ?? null) : null,
			})),
		});
		if (!run) return;
		const totalMs = clock.now() - lab.startedAt;
		keep(labRunRecord(run, request, { id: newId(), at: Math.round(lab.startedAt), totalMs }));
	}

	/**
	 * Opens a grid run kept in history: its request goes to the editor, its lab replaces this one and
	 * the grid shows every cell as it ended, without sending anything. Returns the problem, or null.
	 */
	openRun(request: Record<string, unknown>, kept: unknown): string | null {
		const read = readLabRun(kept);
		if (!read.ok) return read.why;
		const { run } = read;
		this.load({
			request,
			variables: new Map(Object.entries(run.variables)),
			cases: run.cases,
			columns: run.columns.map((c) => c.patch),
			assertions: run.assertions,
		});
		const columns = this.patches.map((c, i) => ({
			id: c.id,
			label: run.columns[i]?.label ?? c.label,
			patch: c.parsed.ok ? c.parsed.patch : {},
		}));
		const rows = this.rows.slice(0, run.rows);
		const cells = openedCells(
			run,
			columns.map((c) => c.id),
		);
		const { send, clock, schedule, settings } = this.#deps;
		const grid = new LabGrid({
			...planGrid(request, columns, rows),
			send,
			apiKey: '',
			baseUrl: settings.apiBaseUrl,
			clock,
			schedule,
			rows,
			columns: columns.map(({ id, label }) => ({ id, label })),
			concurrency: 1,
			ended: {
				grid: endedGrid(run),
				states: new Map([...cells].map(([id, c]) => [id, c.state])),
				answers: new Map([...cells].map(([id, c]) => [id, c.answer])),
			},
		});
		for (const [id, { state, verdict }] of cells)
			if (verdict && state.status === 'done') this.#checks.set(id, state.result, verdict);
		this.#grid = grid;
		return null;
	}

	/**
	 * Lets go of the grid's results (a running grid stops first): the cases, columns and checks
	 * stay; a grid that ended is still in History.
	 */
	clearResults(): void {
		this.#grid?.stopAll();
		this.#grid = null;
		this.#checks.clear();
	}

	/** Replaces the whole lab with one read from a file (core/lab/lab-file.ts). */
	load(lab: LabFile): void {
		// A grid still running belongs to the lab being replaced: it stops, keeping what it has.
		this.#grid?.stopAll();
		this.#deps.setRequest(lab.request);
		this.#values = new Map(lab.variables);
		this.cases.replace(lab.cases);
		this.#setColumns(lab.columns);
		this.#assertions = [...lab.assertions];
		this.#grid = null;
		this.#checks.clear();
	}

	/** Puts back the lab kept from the last visit; the request is the draft's, left as it is. */
	restore(kept: KeptLab): void {
		this.#values = new Map(kept.variables);
		this.cases.replace(kept.cases);
		this.#setColumns(kept.columns);
		this.#assertions = [...kept.assertions];
		this.concurrency = kept.concurrency;
		this.confirmAboveUsd = kept.confirmAboveUsd;
	}

	stopAll(): void {
		this.#grid?.stopAll();
	}
	async retryFailed(): Promise<void> {
		await this.#grid?.retryFailed();
	}
}
