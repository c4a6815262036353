/**
 * The grid's rows in a scroll box, rendered only around the view (@tanstack/virtual-core:
 * framework-free, maintained, keeps the range, the offsets and the scroll). One code path for every
 * size: a small grid simply fits in its window. The case the user was looking at stays put when
 * the order changes under them (a sort, a filter, cells finishing), and a focused row stays
 * rendered while it is scrolled away, so focus is never dropped on the page.
 */
import {
	Virtualizer,
	elementScroll,
	observeElementOffset,
	observeElementRect,
	type Range,
} from '@tanstack/virtual-core';
import { anchorIndex, placeRows, type PlacedRow } from '../../core/lab/grid-rows';

/** A row's height until one is measured: a cell's fixed height and its borders. */
const ESTIMATE_PX = 110;
const OVERSCAN = 4;

export class VirtualRows {
	/** Bumped (never read where it is written, so no effect loops on it) when the window moves. */
	#version = $state(0);
	#ticks = 0;
	#order: readonly number[] = [];
	#focused: number | null = null;
	#scroller: HTMLElement | null = null;
	#headPx = 0;
	#rowPx = ESTIMATE_PX;
	#measured = false;
	#virtualizer: Virtualizer<HTMLElement, HTMLElement>;

	constructor() {
		this.#virtualizer = new Virtualizer<HTMLElement, HTMLElement>(this.#options());
	}

	#options() {
		return {
			count: this.#order.length,
			getScrollElement: () => this.#scroller,
			estimateSize: () => this.#rowPx,
			getItemKey: (index: number) => this.#order[index] ?? index,
			overscan: OVERSCAN,
			scrollMargin: this.#headPx,
			observeElementRect,
			observeElementOffset,
			scrollToFn: elementScroll,
			rangeExtractor: (range: Range) => {
				const start = Math.max(0, range.startIndex - range.overscan);
				const end = Math.min(range.count - 1, range.endIndex + range.overscan);
				const indexes: number[] = [];
				for (let i = start; i <= end; i++) indexes.push(i);
				// The focused row stays in the DOM wherever it is, so its cell keeps the focus.
				const focused = this.#focused === null ? -1 : this.#order.indexOf(this.#focused);
				if (focused !== -1 && (focused < start || focused > end)) indexes.push(focused);
				return indexes.sort((a, b) => a - b);
			},
			onChange: () => this.#changed(),
		};
	}

	#changed(): void {
		this.#version = ++this.#ticks;
	}

	/**
	 * Wires the scroll box and the table head above the first row (its height moves the rows when
	 * the column totals wrap); returns the teardown.
	 */
	attach(scroller: HTMLElement, head: HTMLElement): () => void {
		this.#scroller = scroller;
		const cleanup = this.#virtualizer._didMount();
		const resized = new ResizeObserver(() => this.update(this.#order, head.offsetHeight));
		resized.observe(head);
		this.update(this.#order, head.offsetHeight);
		return () => {
			resized.disconnect();
			cleanup();
			this.#scroller = null;
		};
	}

	/** The cases shown, in order; `headPx` is the height of the table head above the first row. */
	update(order: readonly number[], headPx = this.#headPx): void {
		const before = this.#order;
		const virtualizer = this.#virtualizer;
		const offset = virtualizer.scrollOffset ?? 0;
		const reordered = before !== order && before.length > 0;
		const from = reordered ? virtualizer.getVirtualItemForOffset(offset) : undefined;
		this.#order = order;
		this.#headPx = headPx;
		virtualizer.setOptions(this.#options());
		virtualizer._willUpdate();
		this.#changed();
		// At the top the user sees the top, whatever comes there; further down they keep their case.
		if (!from || offset <= headPx) return;
		const index = anchorIndex(before, order, before[from.index] ?? -1);
		const to = index === -1 ? undefined : virtualizer.getOffsetForIndex(index, 'start');
		if (to) virtualizer.scrollToOffset(to[0] + (offset - from.start));
	}

	/** Keeps the row of this case rendered while a cell of it has the focus (null: none has). */
	focus(row: number | null): void {
		if (this.#focused === row) return;
		this.#focused = row;
		this.#virtualizer.setOptions(this.#options());
		this.#changed();
	}

	/** Scrolls so the row at `index` (in the shown order) is in view. */
	reveal(index: number): void {
		this.#virtualizer.scrollToIndex(index, { align: 'auto' });
	}

	/**
	 * Every row has one height (set in CSS), so one row is measured, once: measuring each row as it mounts would lay the table out once per row while
	 * scrolling.
	 */
	readonly measure = (row: HTMLElement) => {
		if (this.#measured) return;
		this.#measured = true;
		const height = row.getBoundingClientRect().height;
		if (height > 0 && Math.abs(height - this.#rowPx) > 0.5) {
			this.#rowPx = height;
			this.#virtualizer.measure();
		}
	};

	/** The rows to render, each with its offset from the top of the body. */
	get rows(): PlacedRow[] {
		void this.#version;
		return placeRows(this.#virtualizer.getVirtualItems(), this.#order, this.#headPx);
	}

	/** The height of all the rows, rendered or not. */
	get height(): number {
		void this.#version;
		return this.#virtualizer.getTotalSize();
	}
}
