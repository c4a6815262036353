import { describe, expect, it } from 'vitest';
import {
	addCase,
	appendCases,
	deleteCase,
	duplicateCase,
	EMPTY_TABLE,
	moveCase,
	setCaseValue,
	shownColumns,
} from '../../../../src/core/lab/cases';

const table = {
	columns: ['a', 'b'],
	rows: [
		['1', 'x'],
		['2', 'y'],
		['3', 'z'],
	],
};

describe('lab cases', () => {
	it('adds rows and columns by name', () => {
		const one = addCase(EMPTY_TABLE, new Map([['city', 'Lyon']]));
		expect(one).toEqual({ columns: ['city'], rows: [['Lyon']] });
		expect(setCaseValue(one, 0, 'day', 'Mon')).toEqual({
			columns: ['city', 'day'],
			rows: [['Lyon', 'Mon']],
		});
		expect(setCaseValue(one, 5, 'city', 'x')).toBe(one);
	});

	it('duplicates, deletes and moves rows, staying put at the ends', () => {
		expect(duplicateCase(table, 0).rows.map((r) => r[0])).toEqual(['1', '1', '2', '3']);
		expect(deleteCase(table, 1).rows.map((r) => r[0])).toEqual(['1', '3']);
		expect(moveCase(table, 2, -1).rows.map((r) => r[0])).toEqual(['1', '3', '2']);
		expect(moveCase(table, 0, -1)).toBe(table);
		expect(moveCase(table, 2, 1)).toBe(table);
	});

	it('appends imported rows matched by column name', () => {
		const imported = { columns: ['b', 'c'], rows: [['q', 'new']] };
		expect(appendCases(table, imported)).toEqual({
			columns: ['a', 'b', 'c'],
			rows: [
				['1', 'x', ''],
				['2', 'y', ''],
				['3', 'z', ''],
				['', 'q', 'new'],
			],
		});
	});

	it("shows the template's variables first, then the other columns", () => {
		expect(shownColumns(table, ['b', 'c'])).toEqual(['b', 'c', 'a']);
	});
});
