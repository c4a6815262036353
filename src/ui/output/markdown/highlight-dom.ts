/**
 * Colours the settled code blocks of rendered markdown with the Code panel's highlighter: the
 * code's own text is split into text nodes inside spans, so nothing of it is parsed as markup.
 * Done once per block (marked with `hl`), never while the block is still growing.
 *
 * A long block is coloured a slice per frame, from its start: turning 100 KB of code into ten
 * thousand spans at once, then laying them out, made one frame of over 100 ms when a streamed
 * 20 000-token block ended (benchmark B4). Its text stays the same at every step. A streamed block
 * keeps the parts it grew in (markdown-dom.ts), each coloured in place, so a step lays out only
 * what it coloured.
 */
import { highlight, type Token } from '../../../core/codegen/highlight';
import { codeLanguage, MAX_HIGHLIGHT_CHARS } from '../../../core/render/code-language';

/** Runs `work` later (the next animation frame in the app; tests run it when they choose). */
export type Schedule = (work: () => void) => void;

/** About this many characters of code are turned into spans per step. */
export const SLICE_CHARS = 8192;

const nextFrame: Schedule = (work) => requestAnimationFrame(() => work());

export function highlightCode(root: ParentNode, schedule: Schedule = nextFrame): void {
	for (const code of root.querySelectorAll('pre > code[class^="language-"]:not(.hl)')) {
		code.classList.add('hl');
		const language = codeLanguage(code.className.split(' ')[0] ?? '');
		const text = code.textContent ?? '';
		if (!language || text.length > MAX_HIGHLIGHT_CHARS) continue;
		if (text.length <= SLICE_CHARS) {
			const tokens = highlight(text, language);
			code.replaceChildren(fragmentOf(tokens, tokenStarts(tokens), 0, text.length));
			continue;
		}
		// A long block: its pieces (a streamed block's finished parts, text nodes) are coloured in
		// order, about a slice a step; a long text node is split first. The text is read once, in
		// the first step, and each step changes only the pieces it colours.
		code.normalize();
		let piece = code.firstChild;
		let offset = 0;
		let tokens: Token[] | null = null;
		let starts: number[] = [];
		const step = () => {
			// Unhighlighted (to grow again) or replaced meanwhile: this work is stale.
			if (piece?.parentNode !== code) return;
			if (!tokens) {
				tokens = highlight(text, language);
				starts = tokenStarts(tokens);
			}
			for (let budget = SLICE_CHARS; piece && budget > 0;) {
				if (piece instanceof Text && piece.length > budget) {
					// At the first token boundary past the budget, so no token is cut in two.
					const cut = (starts[firstStartFrom(starts, offset + budget)] ?? Infinity) - offset;
					if (cut < piece.length) piece.splitText(cut);
				}
				const next: ChildNode | null = piece.nextSibling;
				const length = piece.textContent?.length ?? 0;
				const colored = fragmentOf(tokens, starts, offset, offset + length);
				if (piece instanceof Element) piece.replaceChildren(colored);
				else piece.replaceWith(colored);
				offset += length;
				budget -= length;
				piece = next;
			}
			if (piece) schedule(step);
		};
		schedule(step);
	}
}

/** Where each token starts in the text. */
function tokenStarts(tokens: readonly Token[]): number[] {
	const starts: number[] = [];
	let at = 0;
	for (const token of tokens) {
		starts.push(at);
		at += token.text.length;
	}
	return starts;
}

/** The index of the first token that starts at or after `at` (`starts.length` when none does). */
function firstStartFrom(starts: readonly number[], at: number): number {
	let lo = 0;
	let hi = starts.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((starts[mid] as number) < at) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The coloured text from `from` to `to`; a token cut at either end keeps its colour. */
function fragmentOf(
	tokens: readonly Token[],
	starts: readonly number[],
	from: number,
	to: number,
): DocumentFragment {
	const fragment = document.createDocumentFragment();
	// From the last token that starts at or before `from`.
	const first = Math.max(0, firstStartFrom(starts, from + 1) - 1);
	for (let i = first; i < tokens.length && (starts[i] as number) < to; i++) {
		const token = tokens[i] as Token;
		const start = starts[i] as number;
		const text = token.text.slice(Math.max(0, from - start), to - start);
		if (!text) continue;
		if (token.kind === 'plain') {
			fragment.append(text);
			continue;
		}
		const span = document.createElement('span');
		span.className = `tok-${token.kind}`;
		span.textContent = text;
		fragment.append(span);
	}
	return fragment;
}

/** Back to one text node per block, for a block that grows again in place. */
export function unhighlightCode(root: ParentNode): void {
	for (const code of root.querySelectorAll('pre > code.hl')) {
		code.textContent = code.textContent ?? '';
		code.classList.remove('hl');
	}
}
