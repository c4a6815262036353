import { describe, expect, it } from 'vitest';
import { applyBound, boundNotice } from '../../../../src/core/history/bound';
import {
	filterRuns,
	modelsOf,
	NO_FILTER,
	sortNewestFirst,
} from '../../../../src/core/history/filter';
import { runRecord } from './fixtures';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 25, 12);
const runs = [
	runRecord({ id: 'today', at: now - 60_000 }),
	runRecord({
		id: 'week',
		at: now - 3 * DAY,
		model: 'deepseek/deepseek-chat',
		status: 'error',
		error: '502 Provider returned error',
		request: {
			model: 'deepseek/deepseek-chat',
			messages: [{ role: 'user', content: 'Write a haiku about rain' }],
		},
		answer: { text: '', reasoning: '', refusal: '', toolCalls: [], finishReason: null },
	}),
	runRecord({ id: 'old', at: now - 60 * DAY, status: 'stopped' }),
];
const ids = (filter: Partial<typeof NO_FILTER>) =>
	filterRuns(runs, { ...NO_FILTER, ...filter }, now).map((r) => r.id);

describe('filterRuns', () => {
	it('with no filter keeps everything in order', () => {
		expect(ids({})).toEqual(['today', 'week', 'old']);
	});
	it('searches prompts, answers, models and errors, every word, any case', () => {
		expect(ids({ query: 'HAIKU rain' })).toEqual(['week']);
		expect(ids({ query: 'danube' })).toEqual(['today', 'old']);
		expect(ids({ query: 'provider returned' })).toEqual(['week']);
		expect(ids({ query: 'haiku danube' })).toEqual([]);
	});
	it('filters by model, status and date, together', () => {
		expect(ids({ model: 'deepseek/deepseek-chat' })).toEqual(['week']);
		expect(ids({ status: 'stopped' })).toEqual(['old']);
		expect(ids({ since: 'day' })).toEqual(['today']);
		expect(ids({ since: 'week' })).toEqual(['today', 'week']);
		expect(ids({ since: 'month', model: 'openai/gpt-4o-mini' })).toEqual(['today']);
	});
	it('lists each model once, sorted, and sorts runs newest first', () => {
		expect(modelsOf(runs)).toEqual(['deepseek/deepseek-chat', 'openai/gpt-4o-mini']);
		expect(sortNewestFirst([runs[2]!, runs[0]!, runs[1]!]).map((r) => r.id)).toEqual([
			'today',
			'week',
			'old',
		]);
	});
});

describe('the size bound', () => {
	it('drops the oldest runs beyond the bound', () => {
		const many = Array.from({ length: 5 }, (_, i) => runRecord({ id: `r${i}` }));
		const { kept, dropped } = applyBound(many, 3);
		expect(kept.map((r) => r.id)).toEqual(['r0', 'r1', 'r2']);
		expect(dropped.map((r) => r.id)).toEqual(['r3', 'r4']);
	});
	it('warns before anything is dropped, then says it is full', () => {
		expect(boundNotice(179, 200, 180)).toBeNull();
		expect(boundNotice(190, 200, 180)).toContain('After 10 more, the oldest runs are dropped');
		expect(boundNotice(200, 200, 180)).toContain('History is full (200 runs)');
	});
});
