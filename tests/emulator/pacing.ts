/**
 * Token pacing. Delays of 4 ms and more sleep before each token, as before. Shorter delays (a rate
 * above 250 tok/s, down to fractions of a millisecond) follow a schedule instead: token i is due at
 * start + i × delay, and every token already due is written at once, so 5 000 tok/s arrives as a few
 * tokens per millisecond tick, as a fast provider's stream does, without timer drift piling up.
 */
export type Pacer = () => Promise<void>;

export function createPacer(
	delayMs: number,
	now: () => number = () => performance.now(),
	sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Pacer {
	if (!(delayMs > 0)) return () => Promise.resolve();
	if (delayMs >= 4) return () => sleep(delayMs);
	let due: number | null = null;
	return async () => {
		due = (due ?? now()) + delayMs;
		const wait = due - now();
		if (wait >= 1) await sleep(Math.floor(wait));
	};
}
