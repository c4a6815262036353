import { describe, expect, it } from 'vitest';
import { anchorIndex, moveCell, orderRows, placeRows } from '../../../../src/core/lab/grid-rows';

const t = (pass: number, fail: number, cells = 2) => ({ pass, fail, cells });

describe('orderRows', () => {
	const tallies = [t(2, 0), t(0, 2), t(1, 0), t(1, 1), t(0, 0)];

	it('keeps case order with no filter', () => {
		expect(orderRows(tallies, 'all', 'case')).toEqual([0, 1, 2, 3, 4]);
	});

	it('filters rows with a failure, and rows where every cell passed', () => {
		expect(orderRows(tallies, 'failing', 'case')).toEqual([1, 3]);
		// Row 2 has a cell not checked yet: it does not pass (yet).
		expect(orderRows(tallies, 'passing', 'case')).toEqual([0]);
	});

	it('sorts by failures or passes, ties in case order', () => {
		expect(orderRows(tallies, 'all', 'failing')).toEqual([1, 3, 0, 2, 4]);
		expect(orderRows(tallies, 'all', 'passing')).toEqual([0, 2, 3, 1, 4]);
		expect(orderRows(tallies, 'failing', 'failing')).toEqual([1, 3]);
	});

	it('shows nothing of an empty grid', () => {
		expect(orderRows([], 'all', 'failing')).toEqual([]);
		expect(orderRows([t(0, 0, 0)], 'passing', 'case')).toEqual([]);
	});
});

describe('anchorIndex', () => {
	it('follows the anchored case to its new place', () => {
		expect(anchorIndex([0, 1, 2, 3], [3, 2, 1, 0], 2)).toBe(1);
	});

	it('falls to the next case still shown, then to the one before', () => {
		expect(anchorIndex([0, 1, 2, 3, 4], [0, 4], 2)).toBe(1);
		expect(anchorIndex([0, 1, 2, 3, 4], [0, 1], 3)).toBe(1);
	});

	it('is -1 with nothing shown, and 0 for a case it never saw', () => {
		expect(anchorIndex([0, 1], [], 1)).toBe(-1);
		expect(anchorIndex([0, 1], [5, 6], 9)).toBe(0);
	});
});

describe('placeRows', () => {
	const item = (index: number, size = 100, from = 40) => ({ index, start: from + index * size });

	it('places each rendered row at its offset from the first row', () => {
		const order = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
		expect(placeRows([item(3), item(4)], order, 40)).toEqual([
			{ index: 3, row: 6, top: 300 },
			{ index: 4, row: 5, top: 400 },
		]);
	});

	it('keeps a far row (the focused one) at its own place', () => {
		const order = Array.from({ length: 60 }, (_, i) => i);
		expect(placeRows([item(50), item(51), item(2)], order, 40).map((p) => p.top)).toEqual([
			5000, 5100, 200,
		]);
	});

	it('leaves out an item the order no longer has (a window worked out before a filter)', () => {
		expect(placeRows([item(0), item(1)], [7], 40)).toEqual([{ index: 0, row: 7, top: 0 }]);
	});
});

describe('moveCell', () => {
	const at = { index: 2, column: 1 };

	it('moves one cell per arrow, clamped to the grid', () => {
		expect(moveCell(at, 'ArrowUp', 10, 3)).toEqual({ index: 1, column: 1 });
		expect(moveCell(at, 'ArrowDown', 3, 3)).toEqual({ index: 2, column: 1 });
		expect(moveCell(at, 'ArrowLeft', 10, 3)).toEqual({ index: 2, column: 0 });
		expect(moveCell({ index: 2, column: 2 }, 'ArrowRight', 10, 3)).toEqual({
			index: 2,
			column: 2,
		});
	});

	it('jumps with Home, End and the page keys, and ignores other keys', () => {
		expect(moveCell(at, 'Home', 10, 3)).toEqual({ index: 2, column: 0 });
		expect(moveCell(at, 'End', 10, 3, true)).toEqual({ index: 9, column: 2 });
		expect(moveCell(at, 'PageDown', 10, 3)).toEqual({ index: 7, column: 1 });
		expect(moveCell(at, 'PageUp', 10, 3)).toEqual({ index: 0, column: 1 });
		expect(moveCell(at, 'Enter', 10, 3)).toBeNull();
	});
});
