/**
 * The lab's checks that run the user's patterns (a regex, a JSON schema's `pattern`) go to a worker
 * the page terminates after a time limit (io/lab-check), as core/schema/check.ts does for schemas:
 * a pattern such as `(a+)+$` takes exponential time on an answer that almost matches, and no limit
 * on input length can stop a match once it runs. The other checks are linear and run in place.
 */
import { evaluate, type Assertion, type AssertionCell, type Verdict } from './assertions';

/** Kinds that run a user's pattern. */
const PATTERN_KINDS: ReadonlySet<Assertion['kind']> = new Set(['regex', 'json-schema']);
export const runsPattern = (assertion: Assertion): boolean => PATTERN_KINDS.has(assertion.kind);

export type CheckAssertion = (assertion: Assertion, cell: AssertionCell) => Promise<Verdict>;

/** Without a worker (Node tests), everything runs in place. */
export const checkInPlace: CheckAssertion = async (assertion, cell) => evaluate(assertion, cell);

/** What the worker is asked and answers; it says when it starts, so its own loading is not timed. */
export type LabCheckRequest = { id: number; assertion: Assertion; cell: AssertionCell };
export type LabCheckReply = { id: number; started: true } | { id: number; verdict: Verdict };

export function createLabCheckAnswerer(post: (reply: LabCheckReply) => void) {
	return (request: LabCheckRequest): void => {
		post({ id: request.id, started: true });
		post({ id: request.id, verdict: evaluate(request.assertion, request.cell) });
	};
}

export const timedOut = (ms: number): Verdict => ({
	pass: false,
	reason: `check stopped after ${ms} ms: the pattern takes too long on this answer`,
});
