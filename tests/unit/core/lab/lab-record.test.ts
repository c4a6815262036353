import { describe, expect, it } from 'vitest';
import { migrateRecord } from '../../../../src/core/history/record';
import {
	MAX_CELL_TEXT,
	MAX_RUN_TEXT,
	labRun,
	labRunRecord,
	type LabRun,
	type LabRunInput,
} from '../../../../src/core/lab/lab-record';
import {
	endedGrid,
	keptAnswer,
	keptResult,
	keptState,
	openedCells,
	readLabRun,
} from '../../../../src/core/lab/lab-run-open';
import type { CellState } from '../../../../src/core/lab/scheduler';
import type { Verdict } from '../../../../src/core/lab/assertions';

const result = (text: string, costUsd: number | null = 0.001) => ({
	text,
	latencyMs: 120.4,
	costUsd,
	promptTokens: 4,
	completionTokens: 2,
});
const pass = { pass: true, reason: 'contains "a"' };
const fail = { pass: false, reason: 'expected to contain "a"' };

function input(
	states: (CellState | undefined)[],
	verdicts: (Verdict[] | null)[] = states.map(() => [pass]),
): LabRunInput {
	return {
		variables: new Map([['word', 'x']]),
		cases: { columns: ['word'], rows: [['a'], ['b']] },
		columns: [
			{ patch: '{}', label: 'base request' },
			{ patch: '{"temperature":0.2}', label: 'temperature 0.2' },
		],
		assertions: [{ kind: 'contains', value: 'a' }],
		grid: { status: 'finished' },
		rows: 2,
		cells: states.map((state, i) => ({
			row: Math.floor(i / 2),
			column: i % 2,
			state,
			verdicts: verdicts[i] ?? null,
		})),
	};
}

const finished: CellState[] = [
	{ status: 'done', result: result('a one') },
	{ status: 'done', result: result('a two') },
	{ status: 'done', result: result('b three') },
	{ status: 'error', message: 'Error during the stream', httpStatus: 502, result: null },
];

describe('labRun', () => {
	it('keeps every cell as it ended, with its numbers and verdicts', () => {
		const run = labRun(input(finished, [[pass], [pass], [fail], null])) as LabRun;
		expect(run.cells[0]).toEqual({
			row: 0,
			column: 0,
			status: 'done',
			text: 'a one',
			truncated: false,
			promptTokens: 4,
			completionTokens: 2,
			costUsd: 0.001,
			latencyMs: 120,
			error: null,
			httpStatus: null,
			verdicts: [pass],
		});
		expect(run.cells[3]).toMatchObject({ status: 'error', error: 'Error during the stream' });
		expect(run.variables).toEqual({ word: 'x' });
		expect(run.ended).toBe('finished');
	});

	it('is nothing when no cell came back', () => {
		expect(
			labRun(input([{ status: 'cancelled' }, { status: 'stopped', result: null }])),
		).toBeNull();
	});

	it('bounds each answer, then the whole run', () => {
		const long = 'a'.repeat(MAX_CELL_TEXT + 10);
		const many = Array.from({ length: 120 }, (): CellState => ({
			status: 'done',
			result: result(long),
		}));
		const run = labRun({ ...input(many), rows: 60 }) as LabRun;
		expect(run.cells[0]).toMatchObject({ truncated: true });
		expect(run.cells[0]?.text).toHaveLength(MAX_CELL_TEXT);
		const total = run.cells.reduce((sum, c) => sum + c.text.length, 0);
		expect(total).toBe(MAX_RUN_TEXT);
		expect(run.cells.at(-1)).toMatchObject({ text: '', truncated: true, costUsd: 0.001 });
	});
});

describe('labRunRecord', () => {
	it('is a history record that says what the grid did, and survives the history reader', () => {
		const run = labRun(input(finished, [[pass], [pass], [fail], null])) as LabRun;
		const request = { model: 'a/model', messages: [{ role: 'user', content: 'Say {{word}}' }] };
		const record = labRunRecord(run, request, { id: 'r1', at: 1_000, totalMs: 2_500.4 });
		expect(record).toMatchObject({
			model: 'a/model',
			status: 'done',
			answer: { text: 'Lab · 2 × 2 · 2/4 passed' },
			usage: { prompt_tokens: 12, completion_tokens: 6, total_tokens: 18 },
			timings: { totalMs: 2_500 },
		});
		expect(record.usage?.cost).toBeCloseTo(0.003);
		const migrated = migrateRecord(JSON.parse(JSON.stringify(record)));
		expect(migrated.ok && migrated.record.lab).toEqual(run);
		expect(readLabRun(migrated.ok ? migrated.record.lab : null)).toEqual({ ok: true, run });
	});

	it('without assertions counts what is done; a stop is kept as stopped', () => {
		const run = labRun({ ...input(finished), assertions: [], grid: { status: 'stopped' } });
		const record = labRunRecord(run as LabRun, {}, { id: 'r', at: 0, totalMs: 0 });
		expect(record).toMatchObject({ status: 'stopped', answer: { text: 'Lab · 2 × 2 · 3/4 done' } });
	});
});

describe('readLabRun', () => {
	const good = () =>
		JSON.parse(JSON.stringify(labRun(input(finished)))) as Record<string, unknown> & {
			cells: Record<string, unknown>[];
		};
	const withCell = (patch: Record<string, unknown>) => {
		const run = good();
		run.cells[0] = { ...run.cells[0], ...patch };
		return run;
	};

	it.each([
		['no version', { ...good(), v: 2 }],
		['a cell outside the grid', withCell({ row: 2 })],
		['a cell in a column that is not there', withCell({ column: 5 })],
		['a cell with an unknown status', withCell({ status: 'running' })],
		['an answer over the bound', withCell({ text: 'x'.repeat(MAX_CELL_TEXT + 1) })],
		['a negative cost', withCell({ costUsd: -1 })],
		['an HTTP status that is not one', withCell({ httpStatus: 99 })],
		['a verdict without a reason', withCell({ verdicts: [{ pass: true }] })],
		['a cell twice', { ...good(), cells: [good().cells[0], good().cells[0]] }],
		['more cells than the grid has', { ...good(), rows: 1 }],
		['a column without a label', { ...good(), columns: [{ patch: '{}' }] }],
		['an unknown assertion', { ...good(), assertions: [{ kind: 'eval' }] }],
		['a grid of a billion cells', { ...good(), rows: 1e9 }],
	])('refuses a kept run with %s, saying why', (_, value) => {
		const read = readLabRun(value);
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.why).toMatch(/^The lab of this run cannot be opened: /);
	});
});

describe('a kept cell, opened again', () => {
	const run = labRun(input(finished)) as LabRun;
	it('comes back as the state, answer and numbers the grid shows', () => {
		const [done, , , error] = run.cells;
		const r = keptResult(done!);
		expect(keptState(done!, r)).toEqual({
			status: 'done',
			result: { ...result('a one'), latencyMs: 120 },
		});
		expect(keptAnswer(done!)).toMatchObject({
			text: 'a one',
			usage: { prompt_tokens: 4, completion_tokens: 2, cost: 0.001 },
			complete: true,
		});
		expect(keptState(error!, keptResult(error!))).toEqual({
			status: 'error',
			message: 'Error during the stream',
			httpStatus: 502,
			result: null,
		});
	});

	it("a 402 grid says the API's message", () => {
		const paid = {
			...run,
			ended: 'payment-required' as const,
			cells: [{ ...run.cells[3]!, httpStatus: 402, error: 'More credits' }],
		};
		expect(endedGrid(paid)).toEqual({ status: 'payment-required', message: 'More credits' });
	});
});

describe('openedCells', () => {
	it('puts each kept cell under its grid id, with a verdict only on a checked answer', () => {
		const run = labRun(input(finished, [[pass], [fail], null, [pass]])) as LabRun;
		const cells = openedCells(run, ['c1', 'c2']);
		expect([...cells.keys()]).toEqual(['0:c1', '0:c2', '1:c1', '1:c2']);
		expect(cells.get('0:c2')?.verdict).toEqual({ pass: false, verdicts: [fail] });
		expect(cells.get('1:c1')?.verdict).toBeNull();
		expect(cells.get('1:c2')).toMatchObject({ state: { status: 'error' }, verdict: null });
		expect(openedCells(run, ['c1']).size).toBe(2);
	});
});
