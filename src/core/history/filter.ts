import type { RunRecord, RunRecordStatus } from './record';

const DAY = 24 * 60 * 60 * 1000;

/** The date filter's choices: how far back, in ms (null: no limit). */
export const DATE_RANGES = [
	{ id: 'any', label: 'Any time', ms: null },
	{ id: 'day', label: 'Last 24 hours', ms: DAY },
	{ id: 'week', label: 'Last 7 days', ms: 7 * DAY },
	{ id: 'month', label: 'Last 30 days', ms: 30 * DAY },
] as const;
export type DateRangeId = (typeof DATE_RANGES)[number]['id'];

export type HistoryFilter = {
	query: string;
	/** '' for every model. */
	model: string;
	status: RunRecordStatus | '';
	since: DateRangeId;
};

export const NO_FILTER: HistoryFilter = { query: '', model: '', status: '', since: 'any' };

/** The text a search looks through: the request's messages, the answer and the model. */
function searchable(run: RunRecord): string {
	const messages = JSON.stringify(run.request.messages ?? '');
	return `${run.model}\n${run.servedModel ?? ''}\n${messages}\n${run.answer.text}\n${run.error ?? ''}`.toLowerCase();
}

/** Runs matching every part of the filter, in the order given. `now` anchors the date range. */
export function filterRuns(runs: RunRecord[], filter: HistoryFilter, now: number): RunRecord[] {
	const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
	const range = DATE_RANGES.find((r) => r.id === filter.since)?.ms ?? null;
	return runs.filter(
		(run) =>
			(!filter.model || run.model === filter.model) &&
			(!filter.status || run.status === filter.status) &&
			(range === null || run.at >= now - range) &&
			(words.length === 0 || words.every((word) => searchable(run).includes(word))),
	);
}

/** Every model in the runs, sorted, for the model filter. */
export function modelsOf(runs: RunRecord[]): string[] {
	return [...new Set(runs.map((run) => run.model).filter(Boolean))].sort();
}

/** Newest first; ties keep their order. */
export function sortNewestFirst(runs: RunRecord[]): RunRecord[] {
	return runs.slice().sort((a, b) => b.at - a.at);
}

/** Imported runs not already in history (same id), so importing twice adds nothing. */
export function newRuns(existing: RunRecord[], imported: RunRecord[]): RunRecord[] {
	const ids = new Set(existing.map((run) => run.id));
	return imported.filter((run) => !ids.has(run.id) && (ids.add(run.id), true));
}
