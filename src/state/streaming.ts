/**
 * What a send runs once it streams, as one chunk of its own: folding events into the answer, and
 * the raw body's log. The first view never needs it, so the first bundle does not carry it; it is
 * fetched in idle time after load (create-app.svelte.ts), long before a first Send usually comes.
 */
export { EMPTY_COMPLETION, finishCompletion, foldEventInto } from '../core/stream/accumulate';
export { RawLog } from '../core/stream/raw-log';
