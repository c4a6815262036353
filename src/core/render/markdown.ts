/**
 * Model text → HTML, incrementally. The text is split into top-level markdown blocks with
 * `marked.lexer`; every block but the last is settled: rendered once, handed out once, never parsed
 * again. Only the last (open) block is re-rendered on each update, so the cost of an update is
 * proportional to the open block, not to the whole answer ("settled-tail"; benchmarks B3 and B4,
 * tests/bench/README.md).
 *
 * The HTML is safe by construction, and the UI sanitises it again with an allow-list: raw HTML in the
 * text is shown as text, links are kept only for http(s)/mailto URLs (checked after entity decoding),
 * images become a click-to-load placeholder, task-list boxes are text, reference definitions are not
 * honoured (a later definition would otherwise change an already settled block).
 */
import { Marked, type Token, type Tokens } from 'marked';
import { openBlock, type OpenBlock, type Render, type TailUpdate } from './open-block';
import { escapeHtml, hostOf, safeUrl } from './safe-url';

export type { Align, TailUpdate } from './open-block';

const marked = new Marked({
	gfm: true,
	breaks: false,
	tokenizer: {
		// Reference-style links resolve against definitions anywhere in the text; see above.
		def: () => undefined,
	},
	renderer: {
		html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.raw),
		link(token: Tokens.Link) {
			const inner = this.parser.parseInline(token.tokens);
			const href = safeUrl(token.href, { mail: true });
			if (!href) return inner;
			const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
			return `<a href="${escapeHtml(href)}"${title} target="_blank" rel="noopener noreferrer nofollow">${inner}</a>`;
		},
		image(token: Tokens.Image) {
			const src = safeUrl(token.href, { dataImage: true });
			const alt = token.text || 'image';
			if (!src) return escapeHtml(`[image: ${alt}]`);
			const from = src.startsWith('data:') ? 'embedded' : hostOf(src);
			return `<button type="button" class="md-image" data-src="${escapeHtml(src)}" data-alt="${escapeHtml(alt)}">Image “${escapeHtml(alt)}” from ${escapeHtml(from)}: load</button>`;
		},
		checkbox: ({ checked }: Tokens.Checkbox) => (checked ? '☑ ' : '☐ '),
		code({ text, lang }: Tokens.Code) {
			const language = (lang ?? '').match(/^[\w+#.-]{1,30}/)?.[0] ?? '';
			const cls = language ? ` class="language-${escapeHtml(language)}"` : '';
			const label = language ? `<span class="md-lang">${escapeHtml(language)}</span>` : '';
			return `<div class="md-code">${label}<button type="button" class="md-copy" aria-label="Copy this code">Copy</button><pre><code${cls}>${escapeHtml(text.replace(/\n$/, ''))}\n</code></pre></div>\n`;
		},
	},
});

const normalize = (text: string) => text.replace(/\r\n?/g, '\n');

/** The whole text rendered at once: what the incremental renderer must always equal. */
export function renderMarkdown(text: string): string {
	return marked.parser(marked.lexer(normalize(text)));
}

export type MarkdownUpdate = {
	/** True when the text did not extend the previous one: drop everything shown and start again. */
	reset: boolean;
	/**
	 * True when the open block settled exactly as shown: keep its elements as the next settled block
	 * (before `settled`) instead of rendering it again, and start an empty open block.
	 */
	adopt: boolean;
	/** HTML of blocks that settled since the last update, to append after the settled ones. */
	settled: string;
	/** What changes in the open last block (see open-block.ts). */
	tail: TailUpdate;
};

const renderTokens = (tokens: Token[]): string =>
	tokens.length === 0 ? '' : marked.parser(Object.assign(tokens, { links: {} }));

const RENDER: Render = {
	lex: (src) => marked.lexer(src),
	html: renderTokens,
	inlineTokens: (src) => marked.Lexer.lexInline(src, marked.defaults),
	inlineHtml: (tokens) => marked.Parser.parseInline(tokens, marked.defaults),
};

const withoutEndingNewlines = (raw: string) => raw.replace(/\n+$/, '');

/**
 * True when the block shown, rendered in full from `shownRaw`, is what `token` renders to, so it
 * can settle as shown instead of being rendered again (a 2 000-row table, say). The same raw text
 * gives the same token. Line breaks at the end of a table, list or paragraph only end it, so they
 * may differ; at the end of a fenced code block they can be part of the code.
 */
function shows(shownRaw: string | null, token: Token | undefined): boolean {
	if (shownRaw === null || !token) return false;
	if (token.raw === shownRaw) return true;
	return (
		(token.type === 'table' || token.type === 'list' || token.type === 'paragraph') &&
		withoutEndingNewlines(token.raw) === withoutEndingNewlines(shownRaw)
	);
}

/** Feeds the growing text of one answer; see the file comment. */
export class MarkdownStream {
	#text = '';
	/** The text as last given (before line endings were normalised). */
	#raw = '';
	/** True while the text given has had no CR, so it is its own normalised text. */
	#verbatim = true;
	/** Where the open block starts in `#text`; everything before it is settled. */
	#settledEnd = 0;
	/** The open block's fast path while the new text can only grow it (open-block.ts). */
	#open: OpenBlock | null = null;
	/** The raw text of the one block the open part shows, rendered in full, if known. */
	#shownRaw: string | null = null;

	update(fullText: string): MarkdownUpdate {
		const previous = this.#text;
		const { text, reset } = this.#accept(fullText);
		if (reset) [this.#settledEnd, this.#open, this.#shownRaw] = [0, null, null];
		this.#text = text;
		const none = { reset, adopt: false, settled: '' };
		if (!reset && text === previous) return { ...none, tail: { kind: 'none' } };
		const fast = reset ? null : (this.#open?.extend(text, previous) ?? null);
		if (fast) {
			// The fast paths keep the open block the one token the rest of the text makes.
			this.#shownRaw = text.slice(this.#settledEnd);
			return { ...none, tail: fast };
		}
		const tokens = marked.lexer(text.slice(this.#settledEnd));
		let open = tokens.length - 1;
		while (open > 0 && tokens[open]?.type === 'space') open--;
		const settledTokens = open > 0 ? tokens.slice(0, open) : [];
		const tailTokens = open >= 0 ? tokens.slice(Math.max(open, 0)) : [];
		const [block, ...rest] = tailTokens;
		/** The tail's one block (after it only blank lines), if so. */
		const single =
			block?.type !== 'space' && rest.every((t) => t.type === 'space') ? block : undefined;
		const finished = single && !settledTokens.length ? this.#open?.finish?.(single) : null;
		if (finished && single) {
			// Still open (a backtick inside the code, say): keep growing it in place.
			this.#open = rest.length ? null : openBlock(single, this.#settledEnd, text, RENDER);
			this.#shownRaw = single.raw;
			return { ...none, tail: finished };
		}
		const adopt = !reset && shows(this.#shownRaw, settledTokens[0]);
		for (const token of settledTokens) this.#settledEnd += token.raw.length;
		this.#open =
			tailTokens.length === 1 && block ? openBlock(block, this.#settledEnd, text, RENDER) : null;
		this.#shownRaw = single?.raw ?? null;
		return {
			reset,
			adopt,
			settled: renderTokens(adopt ? settledTokens.slice(1) : settledTokens),
			tail: { kind: 'html', html: renderTokens(tailTokens) },
		};
	}

	/**
	 * The new text, normalised, and whether it does not extend the previous one. Nothing here reads
	 * the whole text character by character (a regex, startsWith): while it only grows, only what
	 * was added is normalised, and the prefix is compared with `===` on a slice, which is a memory
	 * compare. Per update, then, the cost follows the new text, not the length of the answer (B4).
	 */
	#accept(fullText: string): { text: string; reset: boolean } {
		const raw = this.#raw;
		this.#raw = fullText;
		const grows =
			raw !== '' && fullText.length >= raw.length && fullText.slice(0, raw.length) === raw;
		// A CR at the end of the old text may pair with an LF at the start of the new part.
		if (grows && !raw.endsWith('\r')) {
			const added = fullText.slice(raw.length);
			// No CR so far: the text given is the normalised text. The slices above made it flat,
			// so the open block's slices of it are cheap, where a concatenation would be copied
			// whole again by the first one (V8 flattens a concatenated string to slice it).
			this.#verbatim &&= !added.includes('\r');
			return { text: this.#verbatim ? fullText : this.#text + normalize(added), reset: false };
		}
		this.#verbatim = !fullText.includes('\r');
		const text = normalize(fullText);
		const previous = this.#text;
		const reset = !(text.length >= previous.length && text.slice(0, previous.length) === previous);
		return { text, reset };
	}

	/** How much of the text is settled (for tests and the benchmark). */
	get settledLength(): number {
		return this.#settledEnd;
	}
}
