/**
 * Which of the grid's cases show, in what order, and how the rendered window of a long grid is laid
 * out. Only the rows in view (and a few around them) are in the DOM; the rest are stood in for by
 * two spacers of the same height, so the scroll bar and the scroll position stay true.
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

/** A rendered row (`index` into the shown order) or a spacer standing in for rows not rendered. */
export type WindowPart =
	| { kind: 'row'; index: number; row: number }
	| { kind: 'gap'; key: string; size: number };

/**
 * The table's body for the rendered rows: each row in index order, with a spacer of the missing
 * height before any jump (the focused row kept while far from the rest makes one) and after the
 * last. `from` is where the first row starts, `end` where the last one ends.
 */
export function windowParts(
	items: readonly { index: number; start: number; end: number }[],
	order: readonly number[],
	from: number,
	end: number,
): WindowPart[] {
	const parts: WindowPart[] = [];
	let cursor = from;
	for (const item of [...items].sort((a, b) => a.index - b.index)) {
		if (item.start > cursor + 0.5)
			parts.push({ kind: 'gap', key: `before-${item.index}`, size: item.start - cursor });
		const row = order[item.index];
		if (row === undefined) continue;
		parts.push({ kind: 'row', index: item.index, row });
		cursor = Math.max(cursor, item.end);
	}
	if (end > cursor + 0.5) parts.push({ kind: 'gap', key: 'end', size: end - cursor });
	return parts;
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
