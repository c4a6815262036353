/**
 * Colours the settled code blocks of rendered markdown with the Code panel's highlighter: the
 * code's own text is split into text nodes inside spans, so nothing of it is parsed as markup.
 * Done once per block (marked with `hl`), never while the block is still growing.
 */
import { highlight } from '../../../core/codegen/highlight';
import { codeLanguage, MAX_HIGHLIGHT_CHARS } from '../../../core/render/code-language';

export function highlightCode(root: ParentNode): void {
	for (const code of root.querySelectorAll('pre > code[class^="language-"]:not(.hl)')) {
		code.classList.add('hl');
		const language = codeLanguage(code.className.split(' ')[0] ?? '');
		const text = code.textContent ?? '';
		if (!language || text.length > MAX_HIGHLIGHT_CHARS) continue;
		const fragment = document.createDocumentFragment();
		for (const token of highlight(text, language)) {
			if (token.kind === 'plain') {
				fragment.append(token.text);
				continue;
			}
			const span = document.createElement('span');
			span.className = `tok-${token.kind}`;
			span.textContent = token.text;
			fragment.append(span);
		}
		code.replaceChildren(fragment);
	}
}

/** Back to one text node per block, for a block that grows again in place. */
export function unhighlightCode(root: ParentNode): void {
	for (const code of root.querySelectorAll('pre > code.hl')) {
		code.textContent = code.textContent ?? '';
		code.classList.remove('hl');
	}
}
