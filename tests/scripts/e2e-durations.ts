/**
 * How long each spec file's tests took in a full run, for balancing the browser test shards
 * (e2e.ts). `tsx tests/scripts/e2e-durations.ts` after a full `npm run test:e2e` (or `npm test`)
 * rewrites tests/e2e/durations.json from the shard reports in `.reports/`. The times only steer
 * which shard runs which file: stale ones cost balance, never a test.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const DURATIONS_FILE = 'tests/e2e/durations.json';

/** Seconds per spec file (its path under tests/e2e), and the mean seconds per test behind them. */
export type Durations = { files: Record<string, number>; perTest: number };

/** A suite of a Playwright JSON report (a listing has no results). */
export type Suite = {
	file: string;
	specs?: { tests: { results?: { duration: number }[] }[] }[];
	suites?: Suite[];
};

/** Summed test durations (ms) and test count of one suite of a Playwright JSON report. */
export function suiteTotals(suite: Suite): { ms: number; tests: number } {
	let ms = 0;
	let tests = 0;
	for (const spec of suite.specs ?? [])
		for (const test of spec.tests) {
			tests++;
			ms += (test.results ?? []).reduce((sum, result) => sum + result.duration, 0);
		}
	for (const inner of suite.suites ?? []) {
		const part = suiteTotals(inner);
		ms += part.ms;
		tests += part.tests;
	}
	return { ms, tests };
}

/** Durations from Playwright JSON reports (one per shard). */
export function durationsFrom(reports: { suites?: Suite[] }[]): Durations {
	const ms: Record<string, number> = {};
	let tests = 0;
	for (const report of reports)
		for (const suite of report.suites ?? []) {
			const part = suiteTotals(suite);
			ms[suite.file] = (ms[suite.file] ?? 0) + part.ms;
			tests += part.tests;
		}
	/** Milliseconds as seconds to a tenth. */
	const seconds = (value: number) => Math.round(value / 100) / 10;
	const files = Object.entries(ms).sort(([a], [b]) => a.localeCompare(b));
	const total = files.reduce((sum, [, value]) => sum + value, 0);
	return {
		files: Object.fromEntries(files.map(([file, value]) => [file, seconds(value)])),
		perTest: tests ? seconds(total / tests) : 0,
	};
}

export function readDurations(path = DURATIONS_FILE): Durations | null {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as Durations;
	} catch {
		return null;
	}
}

/**
 * A spec file's expected seconds: as recorded, or its test count times the recorded mean (any
 * positive mean will do without a record: then only the counts weigh).
 */
export function fileWeights(durations: Durations | null) {
	const perTest = durations?.perTest || 1;
	return (file: string, tests: number): number => durations?.files[file] ?? tests * perTest;
}

/**
 * Files to shards, about the same seconds in each: longest first, each to the shard with the least
 * so far. The files `together` picks go to one shard as one unit (they need a server only that
 * shard then starts). Null when a shard would get no file.
 */
export function splitFiles(
	files: { file: string; seconds: number }[],
	shards: number,
	together: (file: string) => boolean = () => false,
): string[][] | null {
	const joined = files.filter(({ file }) => together(file));
	const units = files
		.filter(({ file }) => !together(file))
		.map(({ file, seconds }) => ({ files: [file], seconds }));
	if (joined.length > 0)
		units.push({
			files: joined.map(({ file }) => file),
			seconds: joined.reduce((sum, { seconds }) => sum + seconds, 0),
		});
	const load = Array.from({ length: shards }, () => ({ seconds: 0, files: [] as string[] }));
	for (const unit of units.sort((a, b) => b.seconds - a.seconds)) {
		const emptiest = load.reduce((min, shard) => (shard.seconds < min.seconds ? shard : min));
		emptiest.seconds += unit.seconds;
		emptiest.files.push(...unit.files);
	}
	return load.every((shard) => shard.files.length > 0) ? load.map((shard) => shard.files) : null;
}

/** The reports of the last run: `.reports/e2e.json` itself, or the shards' it names (e2e.ts). */
function lastReports(): { suites?: Suite[] }[] {
	const read = (path: string) =>
		existsSync(path)
			? (JSON.parse(readFileSync(path, 'utf8')) as { suites?: Suite[]; shards?: string[] })
			: null;
	const report = read('.reports/e2e.json');
	const reports = report?.shards ? report.shards.map(read) : [report];
	return reports.filter((r): r is { suites: Suite[] } => Array.isArray(r?.suites));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const reports = lastReports();
	if (!reports.length) {
		console.error('No Playwright report in .reports/: run the browser tests first.');
		process.exit(1);
	}
	const durations = durationsFrom(reports);
	const comment =
		'Seconds per spec file in the last recorded full run, for balancing the shards (tests/scripts/e2e-durations.ts).';
	writeFileSync(DURATIONS_FILE, `${JSON.stringify({ comment, ...durations }, null, '\t')}\n`);
	console.log(
		`${DURATIONS_FILE}: ${Object.keys(durations.files).length} files, ${durations.perTest} s a test on average.`,
	);
}
