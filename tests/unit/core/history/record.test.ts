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

	it('keeps only the known fields: a "__proto__" field neither survives nor pollutes', () => {
		const stored = JSON.parse(
			JSON.stringify(runRecord()).replace('{', '{"__proto__":{"polluted":1},"extra":2,'),
		);
		const result = migrateRecord(stored);
		if (!result.ok) throw new Error(result.reason);
		expect(result.record).toEqual(runRecord());
		expect(Object.keys(result.record)).toEqual(Object.keys(runRecord()));
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
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
		['a time past what a Date holds', { ...runRecord(), at: 1e16 }, 'is not a date'],
		['a time before the epoch', { ...runRecord(), at: -1 }, 'is not a date'],
		['an id that is no uuid', { ...runRecord(), id: 'x'.repeat(201) }, 'id is too long'],
		[
			'a null tool call',
			{ ...runRecord(), answer: { ...runRecord().answer, toolCalls: [null] } },
			'tool call 1 is not an object',
		],
		[
			'a repeated tool call index',
			{
				...runRecord(),
				answer: {
					...runRecord().answer,
					toolCalls: [1, 1].map((index) => ({
						index,
						id: 'c',
						type: 'function',
						name: 'f',
						arguments: '',
					})),
				},
			},
			'repeat index 1',
		],
		[
			'a tool call with a numeric name',
			{
				...runRecord(),
				answer: {
					...runRecord().answer,
					toolCalls: [{ index: 0, id: 'c', type: 'function', name: 7, arguments: '' }],
				},
			},
			"tool call 1's name is not text",
		],
		[
			'a speed that is text',
			{ ...runRecord(), timings: { ttftMs: 1, totalMs: 2, tokensPerSecond: '3' } },
			'tokensPerSecond',
		],
		['a negative cost', { ...runRecord(), usage: { cost: -1 } }, "usage's cost"],
		['an HTTP status of 1e9', { ...runRecord(), httpStatus: 1e9 }, 'HTTP status'],
		[
			'a request nested 10 000 levels',
			{ ...runRecord(), request: { m: JSON.parse('['.repeat(10_000) + ']'.repeat(10_000)) } },
			'nests over 100 levels',
		],
		[
			'an answer whose text is only inherited',
			{ ...runRecord(), answer: JSON.parse('{"__proto__":{"text":"x"}}') },
			'no text',
		],
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
			chunks: 4,
		},
		body: {
			model: 'openai/gpt-4o-mini',
			messages: [{ role: 'user', content: 'hi' }],
			stream: true,
		},
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

	it('keeps no first-token time or speed for an answer that came in one body', () => {
		const single = {
			...run,
			body: { ...run.body, stream: false },
			completion: { ...run.completion, chunks: 1 },
		};
		expect(recordFromRun(single, 'one', 1)?.timings).toEqual({
			ttftMs: null,
			totalMs: 700,
			tokensPerSecond: null,
		});
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

describe('a record with branches', () => {
	const tree = {
		roots: [
			{
				message: { role: 'user', content: 'Q' },
				at: 1,
				children: [
					{ message: { role: 'assistant', content: 'A' }, at: 1, children: [] },
					{ message: { role: 'assistant', content: 'B' }, at: 2, children: [] },
				],
			},
		],
	};

	it('keeps them through a store round trip; a run without any has none', () => {
		const record = { ...runRecord(), branches: tree };
		const read = migrateRecord(JSON.parse(JSON.stringify(record)));
		expect(read).toEqual({ ok: true, record });
		const plain = migrateRecord(runRecord());
		expect(plain.ok && 'branches' in plain.record).toBe(false);
	});

	it('refuses branches that are not a tree at all; the nodes are read where they are used', () => {
		expect(migrateRecord({ ...runRecord(), branches: 'x' }).ok).toBe(false);
		expect(migrateRecord({ ...runRecord(), branches: { roots: {} } }).ok).toBe(false);
		const made = recordFromRun(
			{
				status: 'done',
				completion: EMPTY_COMPLETION,
				body: { model: 'm', messages: [] },
				startedAt: 0,
				firstTokenAt: null,
				endedAt: 1,
				generationId: null,
				httpStatus: 200,
			},
			'id-1',
			5,
			tree,
		);
		expect(made?.branches).toBe(tree);
	});
});

describe('a record with a lab grid run', () => {
	it('keeps the grid as an outline, read in full where it is opened (core/lab/lab-record.ts)', () => {
		const lab = { v: 1, cells: [], anything: 'checked when opened' };
		const migrated = migrateRecord({ ...runRecord(), lab });
		expect(migrated.ok && migrated.record.lab).toEqual(lab);
	});

	it('drops a lab that is not even an object, and keeps the run', () => {
		for (const lab of [null, 'lab', 3, ['cells']]) {
			const migrated = migrateRecord({ ...runRecord(), lab });
			expect(migrated.ok).toBe(true);
			expect(migrated.ok && 'lab' in migrated.record).toBe(false);
		}
	});
});
