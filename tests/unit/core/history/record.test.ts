import { describe, expect, it } from 'vitest';
import { recordFromRun } from '../../../../src/core/history/from-run';
import { migrateRecord, RECORD_VERSION } from '../../../../src/core/history/record';
import { EMPTY_COMPLETION } from '../../../../src/core/stream/accumulate';
import { runRecord } from './fixtures';

const v1 = {
	v: 1,
	id: 'old-1',
	at: 1_700_000_000_000,
	request: { model: 'deepseek/deepseek-chat', messages: [{ role: 'user', content: 'hi' }] },
	answer: 'Hello!',
	status: 'done',
	usage: { prompt_tokens: 3, completion_tokens: 2, cost: 0.000001 },
};

describe('migrateRecord', () => {
	it('brings a v1 record to the current version, keeping what it had and filling the rest', () => {
		const result = migrateRecord(v1);
		expect(result).toEqual({
			ok: true,
			record: {
				v: RECORD_VERSION,
				id: 'old-1',
				at: 1_700_000_000_000,
				request: v1.request,
				model: 'deepseek/deepseek-chat',
				servedModel: null,
				provider: null,
				status: 'done',
				answer: { text: 'Hello!', reasoning: '', refusal: '', toolCalls: [], finishReason: null },
				usage: v1.usage,
				timings: { ttftMs: null, totalMs: null, tokensPerSecond: null },
				error: null,
				generationId: null,
				httpStatus: null,
			},
		});
		// The migrated record is itself a valid current record.
		if (result.ok) expect(migrateRecord(result.record)).toEqual(result);
	});

	it('passes a current record through unchanged', () => {
		const record = runRecord();
		expect(migrateRecord(record)).toEqual({ ok: true, record });
	});

	it('marks a record from a newer app as newer, not broken', () => {
		const result = migrateRecord({ ...runRecord(), v: RECORD_VERSION + 1 });
		expect(result).toMatchObject({ ok: false, newer: true });
		if (!result.ok) expect(result.reason).toContain(`record version ${RECORD_VERSION + 1}`);
	});

	it.each([
		['not an object', 'x', 'not an object'],
		['no version', { ...runRecord(), v: undefined }, 'no known version'],
		['no id', { ...runRecord(), id: '' }, 'no id'],
		['bad time', { ...runRecord(), at: 'yesterday' }, 'no time'],
		['no request', { ...runRecord(), request: null }, 'no request'],
		['unknown status', { ...runRecord(), status: 'streaming' }, 'status "streaming"'],
		[
			'answer text missing',
			{ ...runRecord(), answer: { ...runRecord().answer, text: 3 } },
			'no text',
		],
		['timings not numbers', { ...runRecord(), timings: { ttftMs: '1' } }, 'timings'],
		['v1 without answer', { ...v1, answer: null }, 'no answer'],
	])('refuses a record with %s and says why', (_, value, reason) => {
		const result = migrateRecord(value);
		expect(result).toMatchObject({ ok: false, newer: false });
		if (!result.ok) expect(result.reason).toContain(reason);
	});
});

describe('recordFromRun', () => {
	const run = {
		status: 'done',
		completion: {
			...EMPTY_COMPLETION,
			text: 'Hi there',
			model: 'openai/gpt-4o-mini-2024-07-18',
			provider: 'OpenAI',
			finishReason: 'stop',
			usage: { prompt_tokens: 5, completion_tokens: 10, cost: 0.00001 },
			images: ['data:image/png;base64,AAAA'],
		},
		body: { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
		startedAt: 1000,
		firstTokenAt: 1200,
		endedAt: 1700,
		generationId: 'gen-9',
		httpStatus: 200,
	};

	it('keeps the body as posted, the answer, usage, timings, model and provider', () => {
		const record = recordFromRun(run, 'id-1', 42);
		expect(record).toMatchObject({
			v: 2,
			id: 'id-1',
			at: 42,
			request: run.body,
			model: 'openai/gpt-4o-mini',
			servedModel: 'openai/gpt-4o-mini-2024-07-18',
			provider: 'OpenAI',
			status: 'done',
			answer: { text: 'Hi there', finishReason: 'stop' },
			usage: run.completion.usage,
			timings: { ttftMs: 200, totalMs: 700, tokensPerSecond: 20 },
			generationId: 'gen-9',
		});
		expect(JSON.stringify(record)).not.toContain('base64');
		expect(migrateRecord(record)).toEqual({ ok: true, record });
	});

	it('keeps the error as the user saw it, and never a run still streaming', () => {
		const failed = {
			...run,
			status: 'error',
			completion: { ...run.completion, error: { kind: 'network' as const, message: 'reset' } },
		};
		expect(recordFromRun(failed, 'e', 1)?.error).toBe('Connection lost: reset');
		expect(recordFromRun({ ...run, status: 'streaming' }, 's', 1)).toBeNull();
	});
});
