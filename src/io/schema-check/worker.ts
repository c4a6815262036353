/// <reference lib="webworker" />
/**
 * Runs JSON Schema checks off the page's thread, so that a user's catastrophic `pattern` can only
 * stall this worker, which the page terminates (see ./client.ts).
 */
import { createCheckAnswerer, type CheckRequest } from '../../core/schema/check';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const answer = createCheckAnswerer((reply) => scope.postMessage(reply));
scope.onmessage = (event: MessageEvent<CheckRequest>) => answer(event.data);
