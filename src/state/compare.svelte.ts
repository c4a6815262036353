import type { SupportedParameters } from '../core/compare/catalog';
import {
	compareSameModel,
	MAX_COLUMNS,
	MIN_COLUMNS,
	planColumn,
	type ColumnPlan,
	type MatchNote,
} from '../core/compare/plan';
import { endColumnRun, foldColumnRun, startColumnRun, type ColumnRun } from '../core/compare/run';
import type { SendFn } from './playground.svelte';
import { Dialogs } from './dialogs.svelte';
import { frameCommits, outputChars, type FrameSchedule } from './frame-commits';
import type { Settings } from './settings.svelte';

export type CompareDeps = {
	send: SendFn;
	settings: Settings;
	/** Every model's supported_parameters from the one model list the app loads; null without one. */
	loadCatalog: () => Promise<SupportedParameters | null>;
	now?: () => number;
	/** The next animation frame (frame-commits.ts); tests in Node pass a synchronous scheduler. */
	schedule?: FrameSchedule;
	onRunEnd?: (run: ColumnRun) => void;
	/** The app's dialogs: Compare is one. */
	dialogs?: Dialogs;
};

/** One model's side of a comparison; its run is committed at most once per frame. */
export class CompareColumn {
	readonly n: number;
	readonly model: string;
	readonly plan: ColumnPlan;
	run: ColumnRun;
	controller = new AbortController();

	constructor(n: number, model: string, plan: ColumnPlan, run: ColumnRun) {
		this.n = n;
		this.model = model;
		this.plan = plan;
		this.run = $state.raw(run);
	}
}

/** The same request against several models at once, each streamed through the one `send`. */
export class Compare {
	#deps: Required<Omit<CompareDeps, 'onRunEnd'>> & Pick<CompareDeps, 'onRunEnd'>;
	#catalogLoad: Promise<void> | null = null;

	models = $state<string[]>([]);
	columns = $state.raw<CompareColumn[]>([]);
	#catalog = $state.raw<SupportedParameters | null>(null);
	get catalog(): SupportedParameters | null {
		return this.#catalog;
	}
	#catalogState = $state<'idle' | 'loading' | 'ready' | 'failed'>('idle');
	get catalogState(): 'idle' | 'loading' | 'ready' | 'failed' {
		return this.#catalogState;
	}

	running: boolean = $derived(this.columns.some((c) => c.run.status === 'streaming'));
	matches: (MatchNote | null)[] = $derived(
		compareSameModel(
			this.columns.map((c) => ({
				model: c.model,
				status: c.run.status,
				text: c.run.completion.text,
			})),
		),
	);
	canAdd: boolean = $derived(this.models.length < MAX_COLUMNS);
	canRemove: boolean = $derived(this.models.length > MIN_COLUMNS);

	constructor(deps: CompareDeps) {
		this.#deps = {
			send: deps.send,
			settings: deps.settings,
			loadCatalog: deps.loadCatalog,
			now: deps.now ?? (() => performance.now()),
			schedule: deps.schedule ?? ((commit) => requestAnimationFrame(commit)),
			onRunEnd: deps.onRunEnd,
			dialogs: deps.dialogs ?? new Dialogs(),
		};
	}

	get open(): boolean {
		return this.#deps.dialogs.isOpen('compare');
	}

	close(): void {
		this.#deps.dialogs.close('compare');
	}

	/** Opens the view, starting from the request's model, and fetches the catalog once. */
	show(model: string | null): void {
		if (this.models.length === 0) this.models = [model ?? '', ''];
		this.#deps.dialogs.open('compare');
		if (this.#catalogState === 'idle' || this.#catalogState === 'failed')
			this.#catalogLoad = this.#loadCatalog();
	}

	async #loadCatalog(): Promise<void> {
		this.#catalogState = 'loading';
		this.#catalog = await this.#deps.loadCatalog();
		this.#catalogState = this.#catalog ? 'ready' : 'failed';
	}

	addModel(): void {
		if (this.canAdd) this.models = [...this.models, ''];
	}

	removeModel(index: number): void {
		if (this.canRemove) this.models = this.models.filter((_, i) => i !== index);
	}

	/** What each filled-in model would post, for the preview before running. */
	plans(request: Record<string, unknown>): ColumnPlan[] {
		return this.models
			.map((m) => m.trim())
			.filter(Boolean)
			.map((model) => planColumn(request, model, this.#catalog?.get(model)));
	}

	/** Runs `request` against every filled-in model in parallel; resolves when all have ended. */
	async run(request: Record<string, unknown>): Promise<void> {
		const models = this.models.map((m) => m.trim()).filter(Boolean);
		if (this.running || models.length === 0) return;
		const apiKey = this.#deps.settings.readKey();
		if (!apiKey) {
			this.#deps.settings.askForKey();
			return;
		}
		// Plans need the catalog: a Run all right after opening waits for it (it fails soft to null).
		if (this.#catalogLoad) await this.#catalogLoad;
		if (this.running) return;
		const now = this.#deps.now;
		this.columns = models.map((model, i) => {
			const plan = planColumn(request, model, this.#catalog?.get(model));
			return new CompareColumn(i + 1, model, plan, startColumnRun(plan.body, now()));
		});
		await Promise.all(this.columns.map((column) => this.#stream(column, apiKey)));
	}

	async #stream(column: CompareColumn, apiKey: string): Promise<void> {
		const { send, schedule, now, settings } = this.#deps;
		const signal = column.controller.signal;
		let run = column.run;
		const commits = frameCommits(schedule, () => {
			if (run.status === 'streaming') column.run = run;
		});
		let sawEnd = false;
		let thrown: unknown;
		try {
			for await (const event of send(run.body, { apiKey, baseUrl: settings.apiBaseUrl, signal })) {
				run = foldColumnRun(run, event, now());
				if (event.type === 'end') sawEnd = true;
				commits.request(outputChars(run.completion));
			}
		} catch (error) {
			thrown = error; // io/openrouter yields errors as values; a throw is a bug, still shown
		}
		run = endColumnRun(run, { aborted: signal.aborted, sawEnd, thrown }, now());
		column.run = run;
		this.#deps.onRunEnd?.(run);
	}

	stop(n: number): void {
		this.columns.find((c) => c.n === n)?.controller.abort();
	}

	stopAll(): void {
		for (const column of this.columns) column.controller.abort();
	}
}
