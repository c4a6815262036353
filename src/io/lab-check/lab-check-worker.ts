/// <reference lib="webworker" />
/**
 * Runs the lab's regex and schema checks off the page's thread, so that a user's catastrophic
 * pattern can only stall this worker, which the page terminates (see ./lab-checker.ts).
 */
import { createLabCheckAnswerer, type LabCheckRequest } from '../../core/lab/check';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const answer = createLabCheckAnswerer((reply) => scope.postMessage(reply));
scope.onmessage = (event: MessageEvent<LabCheckRequest>) => answer(event.data);
