/**
 * The verdicts of the grid's answers, kept per cell with the answer they judged: a retried cell's
 * old verdict is never shown for its new answer, and a check that finishes after the assertions
 * changed is dropped. Checks are asynchronous (patterns run in a worker, io/lab-check).
 */
import { SvelteMap } from 'svelte/reactivity';
import type { Assertion, Verdict } from '../core/lab/assertions';
import type { CheckAssertion } from '../core/lab/check';
import type { CellResult, CellState } from '../core/lab/scheduler';

export type CellVerdict = { pass: boolean; verdicts: Verdict[] };

export class LabChecks {
	#verdicts = new SvelteMap<string, { result: CellResult; verdict: CellVerdict }>();
	#check: CheckAssertion;
	// Not state: which checks are still out, read only by `settled`.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#pending = new Set<Promise<void>>();

	constructor(check: CheckAssertion) {
		this.#check = check;
	}

	/** The verdict on a cell's current answer; null while it has none or is being checked. */
	of(cellId: string, state: CellState | undefined): CellVerdict | null {
		const known = this.#verdicts.get(cellId);
		return state?.status === 'done' && known?.result === state.result ? known.verdict : null;
	}

	/** Checks one answer; `current` says which list is still the user's when the checks answer. */
	run(
		cellId: string,
		result: CellResult,
		assertions: readonly Assertion[],
		current: () => readonly Assertion[],
	): Promise<void> {
		const running = this.#run(cellId, result, assertions, current);
		this.#pending.add(running);
		return running.finally(() => this.#pending.delete(running));
	}

	/** Resolves once every check started so far has answered (or failed). */
	async settled(): Promise<void> {
		while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
	}

	/** A verdict kept from before (a grid run opened from history), on the answer it judged. */
	set(cellId: string, result: CellResult, verdict: CellVerdict): void {
		this.#verdicts.set(cellId, { result, verdict });
	}

	async #run(
		cellId: string,
		result: CellResult,
		assertions: readonly Assertion[],
		current: () => readonly Assertion[],
	): Promise<void> {
		const verdicts = await Promise.all(assertions.map((a) => this.#check(a, result)));
		if (current() !== assertions) return;
		const verdict = { pass: verdicts.every((v) => v.pass), verdicts };
		this.#verdicts.set(cellId, { result, verdict });
	}

	clear(): void {
		this.#verdicts.clear();
	}
}
