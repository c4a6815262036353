import {
	deleteTurn,
	editTurn,
	hasContent,
	messagesOf,
	regenerateFrom,
	reply,
	truncateAfter,
	type Message,
} from '../core/conversation/actions';
import { assistantMessage } from '../core/conversation/answer';
import {
	hasAlternatives,
	NO_BRANCHES,
	readBranches,
	recordPath,
	siblingsOf,
	switchBranch,
	type Branches,
	type BranchStore,
	type Siblings,
} from '../core/conversation/branches';
import { placeAnswer, shownTurns, type AnswerPlace } from '../core/conversation/transcript';
import { patchJson } from '../core/request/patch';
import type { Completion } from '../core/stream/types';
import type { Playground, Run } from './playground.svelte';

export type ConversationDeps = {
	playground: Playground;
	store?: BranchStore;
	now?: () => number;
};

/** An action the user can take back, named for the notice that offers it. */
type UndoStep = { text: string; label: string };
const UNDO_KEPT = 50;

/**
 * The conversation view's state: the request's turns, where the last answer goes, the branches
 * and the actions. Every action is an edit of `messages` in the request text (the one source of
 * truth), so the JSON editor, the forms and the Code panel show it at once; each can be undone.
 */
export class Conversation {
	#deps: Required<ConversationDeps>;
	#branches = $state.raw<Branches>(NO_BRANCHES);
	#undo = $state.raw<UndoStep[]>([]);
	#problem = $state<string | null>(null);

	constructor(deps: ConversationDeps) {
		this.#deps = {
			playground: deps.playground,
			store: deps.store ?? { load: async () => NO_BRANCHES, save: async () => undefined },
			now: deps.now ?? (() => Date.now()),
		};
	}

	messages: Message[] = $derived.by(() => messagesOf(this.#deps.playground.shownRequest));
	/** The turns shown (an empty user message at the end is the reply being written). */
	turns: readonly Message[] = $derived(shownTurns(this.messages));
	siblings: (Siblings | null)[] = $derived(siblingsOf(this.#branches, this.turns));
	// What the run sent and how it ended, as references that stay the same while the run's other
	// fields change (each streamed frame, each /generation try), from sources a streamed frame does
	// not set: `place`, and every turn that reads it, is not even checked on a frame of a stream.
	#sent: unknown[] | null = $derived.by(() => {
		const body = this.#deps.playground.runBody;
		return body && Array.isArray(body.messages) ? body.messages : null;
	});
	#ended: Completion | null = $derived.by(() => this.#deps.playground.runEnded);
	/** The last run's answer as the next request would carry it, once the run has ended. */
	answer: Message | null = $derived.by(() => {
		const c = this.#ended;
		return c && (c.text !== '' || c.toolCalls.length > 0) ? assistantMessage(c) : null;
	});
	place: AnswerPlace = $derived(placeAnswer(this.turns, this.#sent, this.answer));
	/** The siblings of the pending answer (answers sent back to the same turns). */
	answerSiblings: Siblings | null = $derived.by(() => {
		if (this.place.kind !== 'pending' || !this.answer) return null;
		return siblingsOf(this.#branches, [...this.turns, this.answer]).at(-1) ?? null;
	});

	/** A turn the view should open for editing (a system prompt just added). */
	editAsked = $state<number | null>(null);

	/** Adds an empty system prompt at the top, and asks the view to open it for typing. */
	addSystemPrompt(): void {
		if (this.messages[0]?.role === 'system') return;
		if (this.#apply([{ role: 'system', content: '' }, ...this.messages], 'Added a system prompt'))
			this.editAsked = 0;
	}

	get branches(): Branches {
		return this.#branches;
	}
	/** The last action that can be undone, for the notice that offers it. */
	get lastAction(): string | null {
		return this.#undo.at(-1)?.label ?? null;
	}
	get problem(): string | null {
		return this.#problem;
	}
	dismiss(): void {
		this.#undo = [];
		this.#problem = null;
	}

	async load(): Promise<void> {
		const stored = await this.#deps.store.load();
		if (this.#branches === NO_BRANCHES) this.#branches = stored;
	}

	/** A run's branches, or none (a run from history, a loaded link): the tree is replaced. */
	restore(tree: unknown): void {
		this.#branches = readBranches(tree) ?? NO_BRANCHES;
		this.#save();
	}

	/** The tree to keep with a run in history, when it holds more than one line. */
	branchesToKeep(): Branches | undefined {
		return hasAlternatives(this.#branches) ? this.#branches : undefined;
	}

	/** A finished run joins the tree: what was sent, and the answer that came back. */
	recordRun(run: Run): void {
		const sent = Array.isArray(run.body.messages) ? (run.body.messages as Message[]) : [];
		const c = run.completion;
		const answered = run.status !== 'error' && (c.text !== '' || c.toolCalls.length > 0);
		const path = answered ? [...sent, assistantMessage(c)] : sent;
		this.#branches = recordPath(this.#branches, path, this.#deps.now());
		this.#save();
	}

	#save(): void {
		void this.#deps.store.save($state.snapshot(this.#branches) as Branches);
	}

	/** Writes new messages into the request text, keeping the step so it can be undone. */
	#apply(messages: readonly Message[], label: string | null): boolean {
		const { playground } = this.#deps;
		const before = playground.text;
		const patched = patchJson(before, ['messages'], messages);
		if (!patched.ok) {
			this.#problem = patched.reason;
			return false;
		}
		this.#problem = null;
		if (patched.text === before) return true;
		if (label) this.#undo = [...this.#undo, { text: before, label }].slice(-UNDO_KEPT);
		playground.text = patched.text;
		return true;
	}

	undo(): void {
		const step = this.#undo.at(-1);
		if (!step) return;
		this.#undo = this.#undo.slice(0, -1);
		this.#deps.playground.text = step.text;
	}

	/** Sends the messages, with the last answer and the reply added; false when nothing was sent. */
	async reply(next: Message): Promise<boolean> {
		if (!hasContent(next)) return false;
		const answer = this.place.kind === 'pending' ? this.answer : null;
		if (!this.#apply(reply(this.messages, answer, next), 'Replied')) return false;
		await this.#deps.playground.send();
		return true;
	}

	/** The turn last edited here (not in the JSON or the forms): it offers "Resend from here". */
	get editedTurn(): number | null {
		return this.#editedTurn;
	}
	#editedTurn = $state<number | null>(null);

	/** Starts editing a turn: one undo step for the whole edit, however many keys it takes. */
	beginEdit(index: number): void {
		this.#editedTurn = index;
		const { text } = this.#deps.playground;
		this.#undo = [...this.#undo, { text, label: 'Edited a turn' }].slice(-UNDO_KEPT);
	}

	/** A keystroke in a turn being edited: written at once, so what is sent is what is shown. */
	edit(index: number, text: string): void {
		this.#apply(editTurn(this.messages, index, text), null);
	}

	async resendFrom(index: number): Promise<void> {
		this.#editedTurn = null;
		if (this.#apply(truncateAfter(this.messages, index), 'Resent from a turn'))
			await this.#deps.playground.send();
	}

	async regenerate(): Promise<void> {
		if (this.#apply(regenerateFrom(this.messages), 'Regenerated'))
			await this.#deps.playground.send();
	}

	delete(index: number): void {
		this.#apply(deleteTurn(this.messages, index), 'Deleted a turn');
	}

	/** Re-forms the request from another branch at `depth` (the pending answer's is `turns.length`). */
	switchTo(depth: number, index: number): void {
		const base =
			depth === this.turns.length && this.answer ? [...this.turns, this.answer] : this.turns;
		const messages = switchBranch(this.#branches, base, depth, index);
		if (messages) this.#apply(messages, 'Switched branch');
	}
}
