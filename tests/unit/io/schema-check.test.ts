/**
 * The page's side of the schema worker, with a worker that answers from the real validator on
 * request: a check that runs past its limit once started has the worker terminated and reports a
 * time-out; the next check gets a fresh worker; waiting checks of one key give way to the newest.
 */
import { describe, expect, it, vi } from 'vitest';
import {
	createCheckAnswerer,
	type CheckReply,
	type CheckRequest,
} from '../../../src/core/schema/check';
import { createSchemaChecker, type CheckWorker } from '../../../src/io/schema-check/client';

/** A worker whose checks start and finish when the test says so. */
function fakeWorkers() {
	const made: (CheckWorker & { inbox: CheckRequest[]; terminated: boolean })[] = [];
	const createWorker = () => {
		const worker = {
			inbox: [] as CheckRequest[],
			terminated: false,
			onmessage: null as CheckWorker['onmessage'],
			onerror: null as CheckWorker['onerror'],
			postMessage(request: CheckRequest) {
				this.inbox.push(request);
			},
			terminate() {
				this.terminated = true;
			},
		};
		made.push(worker);
		return worker;
	};
	const reply = (worker: CheckWorker, data: CheckReply) =>
		worker.onmessage?.({ data } as MessageEvent<CheckReply>);
	/** Starts and finishes the oldest request with the real validator. */
	const answer = (worker: (typeof made)[number]) => {
		const request = worker.inbox.shift() as CheckRequest;
		createCheckAnswerer((data) => reply(worker, data))(request);
	};
	return { made, createWorker, reply, answer };
}

const SCHEMA = { type: 'object', properties: { city: { type: 'string', pattern: '^(a+)+$' } } };

describe('createSchemaChecker', () => {
	it('answers with the issues the worker found', async () => {
		const fake = fakeWorkers();
		const check = createSchemaChecker({ createWorker: fake.createWorker });
		const outcome = check(SCHEMA, { city: 'aab' });
		fake.answer(fake.made[0]!);
		expect(await outcome).toEqual({
			state: 'checked',
			issues: [{ path: ['city'], keyword: 'pattern', message: 'must match ^(a+)+$' }],
		});
	});

	it('terminates a worker whose check runs past the limit, then starts a fresh one', async () => {
		vi.useFakeTimers();
		try {
			const fake = fakeWorkers();
			const check = createSchemaChecker({ createWorker: fake.createWorker, limitMs: 250 });
			// An exponential pattern against 30 characters that almost match: the worker never answers.
			const slow = check(SCHEMA, { city: `${'a'.repeat(30)}!` });
			const first = fake.made[0]!;
			const request = first.inbox.shift()!;
			fake.reply(first, { id: request.id, started: true });
			vi.advanceTimersByTime(249);
			expect(first.terminated).toBe(false);
			vi.advanceTimersByTime(1);
			expect(await slow).toEqual({ state: 'timed-out', message: 'pattern check timed out' });
			expect(first.terminated).toBe(true);

			const next = check(SCHEMA, { city: 'aaa' });
			expect(fake.made).toHaveLength(2);
			fake.answer(fake.made[1]!);
			expect(await next).toEqual({ state: 'checked', issues: [] });
		} finally {
			vi.useRealTimers();
		}
	});

	it('does not count a slow worker start-up against the pattern', async () => {
		vi.useFakeTimers();
		try {
			const fake = fakeWorkers();
			const check = createSchemaChecker({ createWorker: fake.createWorker, limitMs: 250 });
			const outcome = check(SCHEMA, { city: 'a' });
			vi.advanceTimersByTime(5_000);
			fake.answer(fake.made[0]!);
			expect(await outcome).toEqual({ state: 'checked', issues: [] });
		} finally {
			vi.useRealTimers();
		}
	});

	it('drops waiting checks of the same key for the newest, keeps other keys, in order', async () => {
		const fake = fakeWorkers();
		const check = createSchemaChecker({ createWorker: fake.createWorker });
		const running = check(SCHEMA, { city: 'a' }, { key: 'structured' });
		const stale = check(SCHEMA, { city: 'b' }, { key: 'structured' });
		const tool = check(SCHEMA, { city: 'c' }, { key: 'tool:0' });
		const newest = check(SCHEMA, { city: 'aa' }, { key: 'structured' });
		expect(await stale).toEqual({ state: 'superseded' });
		const worker = fake.made[0]!;
		fake.answer(worker);
		expect(await running).toMatchObject({ state: 'checked', issues: [] });
		fake.answer(worker);
		expect(await tool).toMatchObject({ state: 'checked', issues: [{ keyword: 'pattern' }] });
		fake.answer(worker);
		expect(await newest).toMatchObject({ state: 'checked', issues: [] });
		expect(fake.made).toHaveLength(1);
	});
});
