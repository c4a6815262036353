import { describe, expect, it } from 'vitest';
import { keptLabRecord, readKeptLab, type KeptLab } from '../../../../src/core/lab/lab-keep';
import { MAX_LAB_FILE_CHARS } from '../../../../src/core/lab/lab-file';

// Key-shaped (so redaction applies) and plainly fake, like the other tests' keys.
const KEY = 'sk-or-v1-test-fake-lab-keep-key-0001';

const lab: KeptLab = {
	variables: new Map([
		['city', 'Lyon'],
		['__proto__', 'kept as a name'],
	]),
	cases: { columns: ['city'], rows: [['Oslo'], ['São Paulo, "quoted"\nline']] },
	columns: ['{}', '{"temperature": 0.2', '{"model": "a/b"}'],
	assertions: [
		{ kind: 'contains', value: 'Lyon', ignoreCase: true },
		{ kind: 'regex', pattern: '^Say', flags: 'i' },
		{ kind: 'max-cost', usd: 0.01 },
	],
	concurrency: 6,
	confirmAboveUsd: 2.5,
};

/** A stored record whose lab text is `data`, as a hostile or corrupt store could hold. */
const stored = (data: unknown) => ({ v: 1, text: JSON.stringify(data), savedAt: 1 });
const valid = () =>
	JSON.parse((keptLabRecord(lab, 1) as { text: string }).text) as Record<string, unknown>;

describe('kept lab', () => {
	it('reads back what it wrote, an unfinished column edit included', () => {
		const record = keptLabRecord(lab, 42);
		expect(record).toMatchObject({ v: 1, savedAt: 42 });
		const read = readKeptLab(structuredClone(record));
		expect(read).toEqual({ ok: true, lab });
	});

	it('never keeps the key, wherever it was typed', () => {
		const withKey = { ...lab, variables: new Map([['city', `my key ${KEY}`]]) };
		const record = keptLabRecord(withKey, 1, [KEY]);
		expect(record?.text).not.toContain(KEY);
		expect(readKeptLab(record).ok).toBe(true);
	});

	it('writes a sane concurrency and threshold whatever the fields held', () => {
		const odd = { ...lab, concurrency: Number.NaN, confirmAboveUsd: -1 };
		const read = readKeptLab(keptLabRecord(odd, 1));
		expect(read).toMatchObject({ ok: true, lab: { concurrency: 4, confirmAboveUsd: 0.1 } });
	});

	it('does not keep a lab too large to read back', () => {
		const big = { ...lab, variables: new Map([['city', 'x'.repeat(MAX_LAB_FILE_CHARS)]]) };
		expect(keptLabRecord(big, 1)).toBeNull();
	});

	it.each([
		['not an object', 'lab'],
		['another version', { v: 2, text: '{}', savedAt: 1 }],
		['text that is not JSON', { v: 1, text: '{"variables":', savedAt: 1 }],
		['text nested too deep', { v: 1, text: '['.repeat(500) + ']'.repeat(500), savedAt: 1 }],
		['text too large', { v: 1, text: ' '.repeat(MAX_LAB_FILE_CHARS + 1), savedAt: 1 }],
		['a variable that is not text', stored({ ...valid(), variables: { city: 1 } })],
		['a variable name no template has', stored({ ...valid(), variables: { 'a b': 'x' } })],
		[
			'cases whose rows do not match',
			stored({ ...valid(), cases: { columns: ['a'], rows: [[]] } }),
		],
		['no columns', stored({ ...valid(), columns: [] })],
		['a column that is not text', stored({ ...valid(), columns: [{}] })],
		['an unknown assertion', stored({ ...valid(), assertions: [{ kind: 'eval', code: '1' }] })],
		['a concurrency of 0', stored({ ...valid(), concurrency: 0 })],
		['a concurrency of 1e9', stored({ ...valid(), concurrency: 1e9 })],
		['a threshold that is not a number', stored({ ...valid(), confirmAboveUsd: '1' })],
	])('drops a stored lab with %s, and says why', (_, value) => {
		const read = readKeptLab(value);
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.why).toMatch(/\w/);
	});
});
