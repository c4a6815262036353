/**
 * The page's side of the lab's check worker: patterns go to the worker, a check that runs past its
 * limit once started has the worker terminated and fails with a reason, the next check gets a fresh
 * worker; checks without a pattern never start one.
 */
import { describe, expect, it, vi } from 'vitest';
import {
	createLabCheckAnswerer,
	type LabCheckReply,
	type LabCheckRequest,
} from '../../../src/core/lab/check';
import { createLabChecker, type LabCheckWorker } from '../../../src/io/lab-check/lab-checker';

function fakeWorkers() {
	const made: (LabCheckWorker & { inbox: LabCheckRequest[]; terminated: boolean })[] = [];
	const createWorker = () => {
		const worker = {
			inbox: [] as LabCheckRequest[],
			terminated: false,
			onmessage: null as LabCheckWorker['onmessage'],
			onerror: null as LabCheckWorker['onerror'],
			postMessage(request: LabCheckRequest) {
				this.inbox.push(request);
			},
			terminate() {
				this.terminated = true;
			},
		};
		made.push(worker);
		return worker;
	};
	const reply = (worker: LabCheckWorker, data: LabCheckReply) =>
		worker.onmessage?.({ data } as MessageEvent<LabCheckReply>);
	const answer = (worker: (typeof made)[number]) => {
		const request = worker.inbox.shift() as LabCheckRequest;
		createLabCheckAnswerer((data) => reply(worker, data))(request);
	};
	return { made, createWorker, reply, answer };
}

const cell = { text: 'Paris is lovely', latencyMs: 10, costUsd: null };

describe('createLabChecker', () => {
	it('runs a regex in the worker and a plain check in place', async () => {
		const fake = fakeWorkers();
		const check = createLabChecker({ createWorker: fake.createWorker });
		expect(await check({ kind: 'contains', value: 'Paris' }, cell)).toMatchObject({ pass: true });
		expect(fake.made).toHaveLength(0);
		const verdict = check({ kind: 'regex', pattern: '^Par' }, cell);
		fake.answer(fake.made[0]!);
		expect(await verdict).toEqual({ pass: true, reason: 'matches /^Par/' });
	});

	it('terminates a worker whose check runs past the limit, then starts a fresh one', async () => {
		vi.useFakeTimers();
		try {
			const fake = fakeWorkers();
			const check = createLabChecker({ createWorker: fake.createWorker, limitMs: 250 });
			const slow = check({ kind: 'regex', pattern: '(a+)+$' }, cell);
			const next = check({ kind: 'regex', pattern: 'lovely$' }, cell);
			const first = fake.made[0]!;
			const request = first.inbox.shift()!;
			fake.reply(first, { id: request.id, started: true });
			vi.advanceTimersByTime(250);
			expect(await slow).toEqual({
				pass: false,
				reason: 'check stopped after 250 ms: the pattern takes too long on this answer',
			});
			expect(first.terminated).toBe(true);
			fake.answer(fake.made[1]!);
			expect(await next).toMatchObject({ pass: true });
		} finally {
			vi.useRealTimers();
		}
	});
});
