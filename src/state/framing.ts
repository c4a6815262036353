import { FRAMED_MESSAGE } from '../core/framing';
import type { SendFn } from './playground.svelte';

/**
 * Every Send of the app (the playground, compare, replay) goes through this: while framed it ends
 * at once with an error that says why, before the key is read into a request.
 */
export function refuseWhenFramed(send: SendFn, framed: boolean): SendFn {
	if (!framed) return send;
	return async function* () {
		yield { type: 'error', error: { kind: 'refused', message: FRAMED_MESSAGE } };
	};
}
