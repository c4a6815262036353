import { describe, expect, it } from 'vitest';
import {
	buildExport,
	EXPORT_FORMAT,
	EXPORT_VERSION,
	newRuns,
	parseImport,
} from '../../../../src/core/history/transfer';
import { runRecord } from './fixtures';

const KEY = 'sk-or-v1-test-transfer-0001';
const at = Date.UTC(2026, 10, 25);

describe('buildExport / parseImport', () => {
	it('round-trips runs and presets in a versioned file', () => {
		const runs = [runRecord(), runRecord({ id: 'run-2', status: 'error', error: '500 boom' })];
		const presets = [{ v: 1, name: 'Terse', request: { temperature: 0 } }];
		const text = buildExport(runs, { exportedAt: at, presets, secret: KEY });
		const file = JSON.parse(text);
		expect(file).toMatchObject({
			format: EXPORT_FORMAT,
			v: EXPORT_VERSION,
			exportedAt: '2026-11-25T00:00:00.000Z',
		});
		expect(parseImport(text)).toEqual({
			ok: true,
			runs,
			presets,
			skipped: { count: 0, first: null },
		});
	});

	it('leaves presets out when there are none, and imports such a file', () => {
		const text = buildExport([runRecord()], { exportedAt: at });
		expect(JSON.parse(text)).not.toHaveProperty('presets');
		expect(parseImport(text)).toEqual({
			ok: true,
			runs: [runRecord()],
			presets: null,
			skipped: { count: 0, first: null },
		});
	});

	it('never carries the key, even one pasted into a message', () => {
		const leaky = runRecord({
			request: { model: 'x/y', messages: [{ role: 'user', content: `my key is ${KEY}` }] },
		});
		const text = buildExport([leaky], { exportedAt: at, secret: KEY });
		expect(text).not.toContain(KEY);
		expect(text).toContain('my key is [key removed]');
	});

	it('never carries a key-shaped string either, once the key was forgotten', () => {
		const quoted = `401 Authorization: Bearer ${KEY} is not valid`;
		const leaky = runRecord({ status: 'error', error: quoted });
		const text = buildExport([leaky], { exportedAt: at, secret: null });
		expect(text).not.toContain('sk-or-v1-test');
		expect(text).toContain('Bearer [key removed] is not valid');
	});

	it('migrates v1 runs found in an export', () => {
		const old = {
			v: 1,
			id: 'o',
			at: 5,
			request: { model: 'a/b' },
			answer: 'x',
			status: 'stopped',
			usage: null,
		};
		const text = JSON.stringify({ format: EXPORT_FORMAT, v: 1, exportedAt: 'x', runs: [old] });
		const result = parseImport(text);
		expect(result.ok && result.runs[0]).toMatchObject({
			v: 2,
			id: 'o',
			model: 'a/b',
			status: 'stopped',
		});
	});

	const file = (over: Record<string, unknown>) =>
		JSON.stringify({ format: EXPORT_FORMAT, v: 1, exportedAt: 'x', runs: [runRecord()], ...over });

	it.each([
		['not JSON', '{"format": ', 'not JSON'],
		['another kind of file', JSON.stringify({ hello: 1 }), 'not a playground export'],
		['a newer version', file({ v: 2 }), 'version 2, from a newer version of the app'],
		['no version', file({ v: 'one' }), 'no version number'],
		['no runs', file({ runs: undefined }), 'no "runs" list'],
		['bad presets', file({ presets: 'x' }), '"presets" are not a list'],
	])('refuses %s, says what is wrong and that nothing was imported', (_, text, message) => {
		const result = parseImport(text);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.message).toContain(message);
			expect(result.message).toContain('Nothing was imported.');
		}
	});
});

describe('hostile export files', () => {
	const hostile = [
		{ ...runRecord({ id: 'far' }), at: 1e16 },
		{ ...runRecord({ id: 'before' }), at: -1 },
		runRecord({ id: 'null-call', answer: { ...runRecord().answer, toolCalls: [null as never] } }),
		runRecord({
			id: 'same-index',
			answer: {
				...runRecord().answer,
				toolCalls: [0, 0].map((index) => ({
					index,
					id: 'c',
					type: 'function',
					name: 'f',
					arguments: '{}',
				})),
			},
		}),
		{ ...runRecord({ id: 'newer' }), v: 9 },
	];

	it('imports the good runs and counts the others, naming the first problem', () => {
		// Nested 10 000 levels: written as text, JSON.stringify could not write it.
		const deep = JSON.stringify(runRecord({ id: 'deep' })).replace(
			'"stream":true',
			`"metadata":${'['.repeat(10_000)}${']'.repeat(10_000)}`,
		);
		const good = JSON.stringify(runRecord({ id: 'good' })).replace(
			'{',
			'{"__proto__":{"status":"error"},',
		);
		const runs = [good, ...hostile.map((run) => JSON.stringify(run)), deep];
		const text = `{"format":"${EXPORT_FORMAT}","v":1,"exportedAt":"x","runs":[${runs.join(',')}]}`;
		const result = parseImport(text);
		if (!result.ok) throw new Error(result.message);
		expect(result.runs.map((r) => r.id)).toEqual(['good']);
		expect(result.runs[0]).toEqual(runRecord({ id: 'good' }));
		expect(Object.hasOwn(result.runs[0]!, '__proto__')).toBe(false);
		expect(result.skipped).toEqual({
			count: hostile.length + 1,
			first: 'Run 2: its time 10000000000000000 is not a date (0 to 8640000000000000 ms)',
		});
	});
});

describe('newRuns', () => {
	it('skips runs already in history and duplicates within the file', () => {
		const existing = [runRecord({ id: 'a' })];
		const imported = [runRecord({ id: 'a' }), runRecord({ id: 'b' }), runRecord({ id: 'b' })];
		expect(newRuns(existing, imported).map((r) => r.id)).toEqual(['b']);
	});
});
