/**
 * Colours the settled code blocks of rendered markdown with the Code panel's highlighter: the
 * code's own text is split into text nodes inside spans, so nothing of it is parsed as markup.
 * Done once per block (marked with `hl`), never while the block is still growing.
 *
 * A long block is coloured a slice per frame, from its start: turning 100 KB of code into ten
 * thousand spans at once, then laying them out, made one frame of over 100 ms when a streamed
 * 20 000-token block ended (benchmark B4). Its text stays the same at every step.
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
		const tokens = highlight(text, language);
		if (text.length <= SLICE_CHARS) {
			code.replaceChildren(fragmentOf(tokens, 0, tokens.length));
			continue;
		}
		// The text not coloured yet, as one text node after the spans made so far.
		let rest = document.createTextNode(text);
		code.replaceChildren(rest);
		let from = 0;
		const step = () => {
			// Unhighlighted (to grow again) or replaced meanwhile: this work is stale.
			if (rest.parentNode !== code) return;
			let to = from;
			let chars = 0;
			while (to < tokens.length && chars < SLICE_CHARS)
				chars += (tokens[to++] as Token).text.length;
			const after = to < tokens.length ? rest.splitText(chars) : null;
			rest.replaceWith(fragmentOf(tokens, from, to));
			from = to;
			if (after) {
				rest = after;
				schedule(step);
			}
		};
		schedule(step);
	}
}

function fragmentOf(tokens: readonly Token[], from: number, to: number): DocumentFragment {
	const fragment = document.createDocumentFragment();
	for (let i = from; i < to; i++) {
		const token = tokens[i] as Token;
		if (token.kind === 'plain') {
			fragment.append(token.text);
			continue;
		}
		const span = document.createElement('span');
		span.className = `tok-${token.kind}`;
		span.textContent = token.text;
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
