/**
 * Keeps a DOM element in step with the growing markdown of one answer. Settled blocks are appended
 * once, in chunks the browser may skip laying out while off-screen (`content-visibility`); only the
 * open block is replaced, or grown in place when it is a long code block, table, list or paragraph; a
 * block finished in place is kept as a settled chunk, not rendered again. The caller updates at
 * most once per animation frame (src/state/frame-commits.ts), so there is at most one DOM commit
 * per frame. Code blocks are highlighted as they settle, the open one only once the answer is
 * final, so a streaming code block costs no more than before; a long one a slice a frame.
 */
import { MarkdownStream, type Align, type TailUpdate } from '../../../core/render/markdown';
import { safeUrl } from '../../../core/render/safe-url';
import { highlightCode, unhighlightCode, type Schedule } from './highlight-dom';
import { sanitizeToFragment } from './sanitize';

export type MarkdownDom = {
	/** `final`: the text is complete, so the open block is highlighted too. */
	update(text: string, final?: boolean): void;
	destroy(): void;
};

/** `schedule`: when a long code block's highlighting goes on (highlight-dom.ts). */
export function mountMarkdown(root: HTMLElement, schedule?: Schedule): MarkdownDom {
	// Settled chunks, then the open block's box, last.
	let tailBox = document.createElement('div');
	root.replaceChildren(tailBox);
	const stream = new MarkdownStream();
	const columns = heldColumns();
	let tail = tailView(tailBox, columns);
	/** The open block was highlighted as final; it must be plain again before it can grow. */
	let tailFinal = false;

	const onClick = (event: MouseEvent) => {
		const button = event.target instanceof Element ? event.target.closest('button') : null;
		if (button?.classList.contains('md-copy')) void copyCode(button);
		else if (button?.classList.contains('md-image')) showImage(button);
	};
	root.addEventListener('click', onClick);

	return {
		update(text, final = false) {
			const update = stream.update(text);
			if (update.reset) {
				root.replaceChildren(tailBox);
				columns.stop();
			}
			if (tailFinal && update.tail.kind !== 'none') {
				unhighlightCode(tailBox);
				tailFinal = false;
			}
			if (update.adopt) {
				// The open block settled as shown: its box stays where it is (not laid out again).
				tailBox.className = 'md-chunk';
				highlightCode(tailBox, schedule);
				tailBox = document.createElement('div');
				root.append(tailBox);
				tail = tailView(tailBox, columns);
			}
			if (update.settled) {
				const chunk = document.createElement('div');
				chunk.className = 'md-chunk';
				chunk.append(sanitizeToFragment(update.settled));
				highlightCode(chunk, schedule);
				tailBox.before(chunk);
			}
			tail.apply(update.tail);
			if (final) {
				highlightCode(tailBox, schedule);
				tailFinal = true;
			}
		},
		destroy() {
			columns.stop();
			root.removeEventListener('click', onClick);
		},
	};
}

/**
 * One of each kind of block and inline construct the view renders. The first answer of a page
 * otherwise pays, in its first frame, for compiling the parser's, the sanitiser's and this file's
 * code and regular expressions: about 35 ms of script on top of the frame's own work (B4).
 */
export const WARM_TEXT = [
	'# Heading\n\nA paragraph with **bold**, _italic_, ~~struck~~, `code` and [a link](https://example.org).\n\n',
	'- one\n- two with *emphasis*\n\n1. first\n2. second\n\n> a quote\n\n',
	'| a | b |\n| :- | -: |\n| 1 | `2` |\n\n```ts\nconst x = 1;\n```\n\nThe end.',
].join('');

/**
 * Renders WARM_TEXT into a detached element as a stream would (growing, then final), so the first
 * real answer starts warm. Nothing is shown or kept; the caller runs it when the page is idle.
 */
export function warmMarkdown(): void {
	const view = mountMarkdown(document.createElement('div'), () => undefined);
	for (let end = 16; end < WARM_TEXT.length; end += 16) view.update(WARM_TEXT.slice(0, end));
	view.update(WARM_TEXT, true);
	view.destroy();
}

/** The open block's element: replaced in full, or grown in place (core/render/open-block.ts). */
function tailView(box: HTMLElement, columns: HeldColumns) {
	let liveNodes: ChildNode[] | null = null;
	/** Sanitised nodes of an HTML piece that only parses inside `parent` (rows, inline content). */
	const nodesOf = (html: string, parent: 'tbody' | 'p' | 'ul') => {
		const wrapped =
			parent === 'tbody'
				? `<table><tbody>${html}</tbody></table>`
				: `<${parent}>${html}</${parent}>`;
		return [...(sanitizeToFragment(wrapped).querySelector(parent)?.childNodes ?? [])];
	};
	return {
		apply(update: TailUpdate) {
			if (update.kind === 'html') {
				box.replaceChildren(sanitizeToFragment(update.html));
				liveNodes = null;
			} else if (update.kind === 'code') {
				const code = box.querySelector('pre code');
				if (code) growCode(code, update.append, update.ending);
			} else if (update.kind === 'rows') {
				const table = box.querySelector('table');
				if (table)
					growTable(table, update.dropLive, nodesOf(update.rows + update.live, 'tbody'), columns);
			} else if (update.kind === 'cells') {
				const table = box.querySelector('table');
				if (table) growTable(table, update.dropLive, textRows(update.rows, update.align), columns);
			} else if (update.kind === 'items') {
				const list = box.querySelector(':scope > ul, :scope > ol');
				if (update.dropLive) list?.lastElementChild?.remove();
				list?.append(...nodesOf(update.items + update.live, 'ul'));
			} else if (update.kind === 'inline') {
				const p = box.querySelector('p');
				if (!p) return;
				if (liveNodes === null) p.replaceChildren();
				else for (const node of liveNodes) node.remove();
				p.append(...nodesOf(update.frozen, 'p'));
				liveNodes = nodesOf(update.live, 'p');
				p.append(...liveNodes);
			}
		},
	};
}

/**
 * Table rows of plain-text cells, as a full render lays them out (`<td align>` per column), made
 * as elements and text nodes: nothing here is parsed as HTML, so there is nothing to sanitise.
 */
function textRows(rows: string[][], align: Align[]): HTMLTableRowElement[] {
	return rows.map((cells) => {
		const row = document.createElement('tr');
		for (const [i, text] of cells.entries()) {
			const cell = row.appendChild(document.createElement('td'));
			const side = align[i];
			if (side) cell.setAttribute('align', side);
			cell.textContent = text;
		}
		return row;
	});
}

/** Rows an open table takes as a table; past them it is held, in bodies of this many rows each. */
export const TABLE_CHUNK_ROWS = 100;
/** The class of a held table (MarkdownView.svelte lays it out). */
export const HELD_TABLE = 'md-held';

/**
 * Appends rows to an open table. A table lays out all its rows again whenever one is added, since
 * every cell may change the column widths: at 2 000 rows that was a long frame on every update
 * (B4). So once its first body has TABLE_CHUNK_ROWS rows the table is held: the header and that
 * body stay as they are, and later rows go into more bodies of TABLE_CHUNK_ROWS rows, each row laid
 * out as a grid row in the header's column widths, each body skipped by layout while off-screen. A
 * new row then costs its own layout. A held table stays so when the answer ends, as a long code
 * block's parts do: making it one table again laid 2 000 rows out anew in one frame (half a second).
 */
function growTable(
	table: HTMLTableElement,
	dropLive: boolean,
	rows: ChildNode[],
	columns: HeldColumns,
): void {
	let body = table.tBodies[table.tBodies.length - 1];
	if (!body) return;
	if (dropLive) body.rows[body.rows.length - 1]?.remove();
	for (const row of rows) {
		if (row instanceof HTMLTableRowElement && body.rows.length >= TABLE_CHUNK_ROWS) {
			if (!table.classList.contains(HELD_TABLE)) columns.hold(table);
			const next = document.createElement('tbody');
			body.after(next);
			body = next;
		}
		body.append(row);
	}
}

type HeldColumns = {
	hold(table: HTMLTableElement): void;
	/** Forgets every table held so far (they are gone); later ones are held as before. */
	stop(): void;
};

/**
 * Gives each held table's grid rows its header's column widths (`--md-columns`), now and whenever
 * they change: the header and first body are still laid out as a table, so a narrower pane (a
 * phone turned, a window resized) can change them.
 */
function heldColumns(): HeldColumns {
	const tableOf = new Map<Element, HTMLTableElement>();
	const copy = (table: HTMLTableElement) => {
		const cells = [...(table.tHead?.rows[0]?.cells ?? [])];
		const widths = cells.map((cell) => `${cell.getBoundingClientRect().width}px`).join(' ');
		if (table.style.getPropertyValue('--md-columns') !== widths)
			table.style.setProperty('--md-columns', widths);
	};
	const observer =
		typeof ResizeObserver === 'undefined'
			? null
			: new ResizeObserver((entries) => {
					const tables = new Set<HTMLTableElement>();
					for (const { target } of entries) {
						const table = tableOf.get(target);
						if (table?.isConnected) tables.add(table);
						else {
							observer?.unobserve(target);
							tableOf.delete(target);
						}
					}
					for (const table of tables) copy(table);
				});
	return {
		hold(table) {
			copy(table);
			table.classList.add(HELD_TABLE);
			for (const cell of table.tHead?.rows[0]?.cells ?? []) {
				tableOf.set(cell, table);
				observer?.observe(cell);
			}
		},
		stop() {
			observer?.disconnect();
			tableOf.clear();
		},
	};
}

/**
 * Past this many characters, the whole lines of an open code block's growing text node move into a
 * block of their own (`md-code-part`), laid out, shaped and painted once. One growing text node is
 * laid out and painted whole on every append: at 20 000 tokens that was over 20 ms a frame (B4).
 * The parts stay when the block ends: they look, select and copy as one text (each ends with its
 * line break), and joining them would lay the whole block out again in one frame.
 */
export const CODE_PART_CHARS = 2048;

/**
 * Appends to an open code block: its code holds the finished parts, then the growing text, then a
 * text node with only its ending line breaks (what a full render ends the code with so far).
 */
function growCode(code: Element, append: string, ending: string): void {
	const last = code.lastChild;
	if (!(last instanceof Text)) return;
	const keep = last.data.replace(/\n+$/, '').length;
	if (keep > 0) last.splitText(keep);
	const end = code.lastChild as Text;
	const text =
		end.previousSibling instanceof Text
			? end.previousSibling
			: code.insertBefore(document.createTextNode(''), end);
	text.appendData(append);
	end.data = ending;
	if (text.length < CODE_PART_CHARS) return;
	const lineEnd = text.data.lastIndexOf('\n');
	if (lineEnd < 0) return;
	text.splitText(lineEnd + 1);
	const part = document.createElement('span');
	part.className = 'md-code-part';
	text.replaceWith(part);
	part.append(text);
}

async function copyCode(button: HTMLElement): Promise<void> {
	const code = button.parentElement?.querySelector('pre')?.textContent ?? '';
	try {
		await navigator.clipboard.writeText(code.replace(/\n$/, ''));
		button.textContent = 'Copied';
	} catch {
		button.textContent = 'Copy failed';
	}
	setTimeout(() => (button.textContent = 'Copy'), 1500);
}

/**
 * Remote images never load by themselves. A click opens a remote one in a new tab without opener or
 * referrer (the CSP keeps remote images out of this page); an embedded data: image is shown in place.
 */
function showImage(button: HTMLElement): void {
	const src = safeUrl(button.dataset.src ?? '', { dataImage: true });
	if (!src) return;
	if (!src.startsWith('data:')) {
		window.open(src, '_blank', 'noopener,noreferrer');
		return;
	}
	const img = document.createElement('img');
	img.src = src;
	img.alt = button.dataset.alt ?? '';
	img.className = 'md-loaded-image';
	button.replaceWith(img);
}
