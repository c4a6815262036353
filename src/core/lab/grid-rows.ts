/**
 * Which of the grid's cases show, in what order, and where the rendered rows of a long grid go.
 * Only the rows in view (and a few around them) are in the DOM, each placed at its offset in a
 * body as tall as all the rows, so the scroll bar and the scroll position stay true.
 */

export const ROW_FILTERS = [
	{ id: 'all', label: 'all rows' },
	{ id: 'failing', label: 'rows with a failure' },
	{ id: 'passing', label: 'rows that pass' },
] as const;
export type RowFilter = (typeof ROW_FILTERS)[number]['id'];

export const ROW_SORTS = [
	{ id: 'case', label: 'case order' },
	{ id: 'failing', label: 'most failures first' },
	{ id: 'passing', label: 'most passes first' },
] as const;
export type RowSort = (typeof ROW_SORTS)[number]['id'];

/** A case's checked cells: how many passed, how many failed, out of how many cells. */
export type RowTally = { pass: number; fail: number; cells: number };

function shows(tally: RowTally, filter: RowFilter): boolean {
	if (filter === 'failing') return tally.fail > 0;
	if (filter === 'passing') return tally.cells > 0 && tally.pass === tally.cells;
	return true;
}

/**
 * The cases (0-based) shown under `filter`, in `sort` order; ties keep case order, so a sort never
 * shuffles rows that compare equal.
 */
export function orderRows(
	tallies: readonly RowTally[],
	filter: RowFilter,
	sort: RowSort,
): number[] {
	const rows: number[] = [];
	for (const [row, tally] of tallies.entries()) if (shows(tally, filter)) rows.push(row);
	if (sort === 'case') return rows;
	const key = (row: number) => {
		const t = tallies[row]!;
		return sort === 'failing' ? t.fail : t.pass;
	};
	return rows.sort((a, b) => key(b) - key(a) || a - b);
}

/**
 * Where the case the user was looking at went when the order changed: its new index, or that of
 * the nearest case after it (then before it) in the old order that is still shown. -1 when no
 * case is left.
 */
export function anchorIndex(
	before: readonly number[],
	after: readonly number[],
	anchor: number,
): number {
	if (after.length === 0) return -1;
	const position = new Map(after.map((row, i) => [row, i]));
	const at = before.indexOf(anchor);
	if (at === -1) return position.get(anchor) ?? 0;
	for (let i = at; i < before.length; i++) {
		const found = position.get(before[i]!);
		if (found !== undefined) return found;
	}
	for (let i = at - 1; i >= 0; i--) {
		const found = position.get(before[i]!);
		if (found !== undefined) return found;
	}
	return 0;
}

/** A rendered row: `index` into the shown order, `row` the case there, `top` its offset in px. */
export type PlacedRow = { index: number; row: number; top: number };

/**
 * The rendered rows, each placed at its own offset from the first row's (`from`): rows are laid
 * out one by one, so a row coming into view never moves the others. An item the order no longer
 * has (a window worked out before a filter) is left out.
 */
export function placeRows(
	items: readonly { index: number; start: number }[],
	order: readonly number[],
	from: number,
): PlacedRow[] {
	const placed: PlacedRow[] = [];
	for (const item of items) {
		const row = order[item.index];
		if (row !== undefined) placed.push({ index: item.index, row, top: item.start - from });
	}
	return placed;
}

/**
 * The next cell for an arrow key, as (index in the shown order, column), clamped to the grid;
 * null for a key that does not move. Home and End go to the row's first and last cell.
 */
export function moveCell(
	at: { index: number; column: number },
	key: string,
	rows: number,
	columns: number,
	ctrl = false,
): { index: number; column: number } | null {
	const clamp = (n: number, max: number) => Math.max(0, Math.min(max - 1, n));
	switch (key) {
		case 'ArrowUp':
			return { index: clamp(at.index - 1, rows), column: at.column };
		case 'ArrowDown':
			return { index: clamp(at.index + 1, rows), column: at.column };
		case 'ArrowLeft':
			return { index: at.index, column: clamp(at.column - 1, columns) };
		case 'ArrowRight':
			return { index: at.index, column: clamp(at.column + 1, columns) };
		case 'Home':
			return ctrl ? { index: 0, column: 0 } : { index: at.index, column: 0 };
		case 'End':
			return ctrl
				? { index: rows - 1, column: columns - 1 }
				: { index: at.index, column: columns - 1 };
		case 'PageUp':
			return { index: clamp(at.index - 5, rows), column: at.column };
		case 'PageDown':
			return { index: clamp(at.index + 5, rows), column: at.column };
	}
	return null;
}
