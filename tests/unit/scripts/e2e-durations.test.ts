import { describe, expect, it } from 'vitest';
import { durationsFrom, fileWeights, splitFiles } from '../../scripts/e2e-durations';

const test = (...durations: number[]) => ({ results: durations.map((duration) => ({ duration })) });

describe('durationsFrom', () => {
	it('sums each file over its tests, nested suites and retries, across shard reports', () => {
		const shard1 = {
			suites: [
				{ file: 'a.spec.ts', specs: [{ tests: [test(1000), test(2000, 500)] }] },
				{
					file: 'b.spec.ts',
					suites: [{ file: 'b.spec.ts', specs: [{ tests: [test(4000)] }] }],
				},
			],
		};
		const shard2 = { suites: [{ file: 'c.spec.ts', specs: [{ tests: [test(250)] }] }] };
		expect(durationsFrom([shard1, shard2])).toEqual({
			files: { 'a.spec.ts': 3.5, 'b.spec.ts': 4, 'c.spec.ts': 0.3 },
			perTest: 1.9,
		});
	});
});

describe('fileWeights', () => {
	it('takes a recorded file as recorded, and an unknown one at the mean per test', () => {
		const weigh = fileWeights({ files: { 'a.spec.ts': 40 }, perTest: 2.5 });
		expect(weigh('a.spec.ts', 3)).toBe(40);
		expect(weigh('new.spec.ts', 4)).toBe(10);
		// No record at all: the counts alone weigh.
		expect(fileWeights(null)('a.spec.ts', 7)).toBe(7);
	});
});

describe('splitFiles', () => {
	it('balances seconds, not files or tests', () => {
		const files = [
			{ file: 'slow', seconds: 60 },
			{ file: 'a', seconds: 20 },
			{ file: 'b', seconds: 20 },
			{ file: 'c', seconds: 15 },
			{ file: 'd', seconds: 5 },
		];
		const [one, two] = splitFiles(files, 2) ?? [];
		const seconds = (names: string[] = []) =>
			names.reduce((sum, name) => sum + (files.find((f) => f.file === name)?.seconds ?? 0), 0);
		expect(one).toEqual(['slow']);
		expect(seconds(one)).toBe(60);
		expect(seconds(two)).toBe(60);
		expect(splitFiles([{ file: 'only', seconds: 1 }], 2)).toBeNull();
	});

	it('keeps the files it is told to keep together in one shard', () => {
		const files = [
			{ file: 'a', seconds: 30 },
			{ file: 'x-subpath', seconds: 20 },
			{ file: 'b', seconds: 25 },
			{ file: 'y-subpath', seconds: 10 },
		];
		// Alone, the two would be split (a+y against x+b); kept together, they weigh 30 as one.
		expect(splitFiles(files, 2)?.map((shard) => shard.sort())).toEqual([
			['a', 'y-subpath'],
			['b', 'x-subpath'],
		]);
		const shards = splitFiles(files, 2, (file) => file.endsWith('subpath')) ?? [];
		expect(shards.map((shard) => shard.sort())).toEqual([
			['a', 'b'],
			['x-subpath', 'y-subpath'],
		]);
	});
});
