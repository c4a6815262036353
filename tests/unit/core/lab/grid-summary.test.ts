import { describe, expect, it } from 'vitest';
import { describeCell, gridTotals } from '../../../../src/core/lab/grid-summary';
import { planCells, type CellResult, type CellState } from '../../../../src/core/lab/scheduler';

const result = (more: Partial<CellResult>): CellResult => ({
	text: 'x',
	latencyMs: 1000,
	costUsd: 0.002,
	promptTokens: 10,
	completionTokens: 20,
	...more,
});

describe('gridTotals', () => {
	it('sums tokens, cost and time per column and overall, counting spent but failed cells', () => {
		const cells = planCells(3, ['a', 'b']);
		const states = new Map<string, CellState>([
			['0:a', { status: 'done', result: result({}) }],
			['1:a', { status: 'done', result: result({ costUsd: null, latencyMs: 500 }) }],
			['2:a', { status: 'stopped', result: result({ completionTokens: 3, costUsd: 0.001 }) }],
			['0:b', { status: 'error', message: 'no credits', httpStatus: 402, result: null }],
			['1:b', { status: 'waiting', until: 5, attempt: 2, message: 'rate limited' }],
			// 2:b has no state yet: queued.
		]);
		const { columns, overall } = gridTotals(cells, states);
		expect([...columns.keys()]).toEqual(['a', 'b']);
		expect(columns.get('a')).toEqual({
			cells: 3,
			done: 2,
			failed: 0,
			pending: 0,
			promptTokens: 30,
			completionTokens: 43,
			costUsd: 0.003,
			costUnknown: 1,
			latencyMs: 2500,
			timed: 3,
		});
		expect(columns.get('b')).toEqual({
			cells: 3,
			done: 0,
			failed: 1,
			pending: 2,
			promptTokens: 0,
			completionTokens: 0,
			costUsd: 0,
			costUnknown: 0,
			latencyMs: 0,
			timed: 0,
		});
		expect(overall).toMatchObject({ cells: 6, done: 2, failed: 1, pending: 2, costUnknown: 1 });
	});

	it('counts unknown tokens as none', () => {
		const cells = planCells(1, ['a']);
		const states = new Map<string, CellState>([
			['0:a', { status: 'done', result: result({ promptTokens: null, completionTokens: null }) }],
		]);
		expect(gridTotals(cells, states).overall).toMatchObject({
			promptTokens: 0,
			completionTokens: 0,
		});
	});
});

describe('describeCell', () => {
	it.each<[CellState, string]>([
		[{ status: 'queued' }, 'queued'],
		[{ status: 'running', attempt: 1, startedAt: 0 }, 'running'],
		[{ status: 'running', attempt: 3, startedAt: 0 }, 'running (attempt 3)'],
		[{ status: 'waiting', until: 12_300, attempt: 2, message: '' }, 'waiting 3 s (rate limited)'],
		[{ status: 'waiting', until: 9000, attempt: 2, message: '' }, 'waiting 0 s (rate limited)'],
		[{ status: 'done', result: result({}) }, 'done'],
		[{ status: 'error', message: 'boom', httpStatus: null, result: null }, 'error: boom'],
		[
			{ status: 'error', message: 'no credits', httpStatus: 402, result: null },
			'error 402: no credits',
		],
		[{ status: 'stopped', result: null }, 'stopped'],
		[{ status: 'cancelled' }, 'cancelled'],
	])('%j reads %j', (state, text) => {
		expect(describeCell(state, 10_000)).toBe(text);
	});
});
