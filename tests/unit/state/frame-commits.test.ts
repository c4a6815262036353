import { describe, expect, it } from 'vitest';
import { FAST_CHARS, frameCommits, MIN_COMMIT_GAP_MS } from '../../../src/state/frame-commits';

const FRAME_60HZ = 1000 / 60;

/** Animation frames the test runs by hand, each with its time, as requestAnimationFrame does. */
function frames(interval: number) {
	let queue: ((frameTime?: number) => void)[] = [];
	let time = 0;
	return {
		schedule: (job: (frameTime?: number) => void) => void queue.push(job),
		/** Runs the next frame; its time is `interval` after the last one. */
		run() {
			time += interval;
			const jobs = queue;
			queue = [];
			for (const job of jobs) job(time);
		},
		get waiting() {
			return queue.length;
		},
		/** The time of the frame running now, or of the last one. */
		get time() {
			return time;
		},
	};
}

/** The frame times at which a stream bringing a line of text (FAST_CHARS) every frame is shown. */
function fastStreamShown(interval: number, frameCount: number): number[] {
	const clock = frames(interval);
	const shown: number[] = [];
	// Output characters so far, as the playground counts them.
	let total = 0;
	const commits = frameCommits(clock.schedule, () => shown.push(clock.time));
	for (let frame = 0; frame < frameCount; frame++) {
		commits.request((total += FAST_CHARS));
		clock.run();
	}
	return shown;
}

/**
 * A frameCommits at 60 Hz that counts its updates; `grow(n)` asks for one with n more characters of
 * output, as the playground does per event (it gives the running total).
 */
function counted() {
	const clock = frames(FRAME_60HZ);
	let shown = 0;
	let total = 0;
	const commits = frameCommits(clock.schedule, () => shown++);
	return {
		clock,
		commits,
		grow: (chars: number) => commits.request((total += chars)),
		get shown() {
			return shown;
		},
	};
}

describe('frameCommits', () => {
	it('a stream that brings a line of text every frame is shown every other frame at 60 Hz', () => {
		const shown = fastStreamShown(FRAME_60HZ, 12);
		// The first update is not held back; after it one every 33 ms, never two frames in a row.
		expect(shown[0]).toBeCloseTo(FRAME_60HZ);
		expect(shown).toHaveLength(6);
		for (let i = 1; i < shown.length; i++)
			expect((shown[i] as number) - (shown[i - 1] as number)).toBeCloseTo(2 * FRAME_60HZ);
	});

	it('every third frame at 120 Hz: no update comes sooner than the gap after the last', () => {
		const shown = fastStreamShown(1000 / 120, 30);
		expect(shown).toHaveLength(10);
		for (let i = 1; i < shown.length; i++)
			expect((shown[i] as number) - (shown[i - 1] as number)).toBeGreaterThanOrEqual(
				MIN_COMMIT_GAP_MS,
			);
	});

	it('a stream of a few words a frame is shown in every frame, word by word', () => {
		const c = counted();
		const { clock } = c;
		for (let frame = 1; frame <= 12; frame++) {
			// Three words of five characters and a space, each in an event of its own.
			for (let word = 0; word < 3; word++) c.grow(6);
			clock.run();
			expect(c.shown).toBe(frame);
		}
	});

	it('a fast stream that slows down is shown in every frame again', () => {
		const c = counted();
		const { clock } = c;
		for (let frame = 0; frame < 6; frame++) {
			c.grow(FAST_CHARS * 2);
			clock.run();
		}
		expect(c.shown).toBe(3);
		for (let frame = 0; frame < 6; frame++) {
			c.grow(10);
			clock.run();
		}
		// The held-back update of the fast part, then one per frame.
		expect(c.shown).toBe(9);
	});

	it('a lone update is shown in the very next frame, however large', () => {
		const c = counted();
		const { clock, commits } = c;
		for (let token = 1; token <= 5; token++) {
			c.grow(FAST_CHARS * 10);
			clock.run();
			expect(c.shown).toBe(token);
			expect(commits.pending).toBe(false);
			// Three quiet frames before the next token.
			for (let i = 0; i < 3; i++) clock.run();
		}
	});

	it('many requests before a frame make one update, and pending says one is owed', () => {
		const c = counted();
		const { clock, commits } = c;
		for (let i = 0; i < 100; i++) c.grow(FAST_CHARS);
		expect(commits.pending).toBe(true);
		expect(clock.waiting).toBe(1);
		clock.run();
		expect(c.shown).toBe(1);
		expect(commits.pending).toBe(false);
	});

	it('once the stream ended, an update held back by the gap goes in the next frame', () => {
		const c = counted();
		const { clock, commits } = c;
		c.grow(FAST_CHARS);
		clock.run();
		c.grow(FAST_CHARS);
		clock.run();
		// Held back: the last update was one frame ago.
		expect(c.shown).toBe(1);
		expect(commits.pending).toBe(true);
		commits.end();
		clock.run();
		expect(c.shown).toBe(2);
		expect(commits.pending).toBe(false);
	});

	it('a scheduler without frame times (tests in Node) updates as soon as it runs the job', () => {
		let shown = 0;
		let total = 0;
		const commits = frameCommits(
			(job) => job(),
			() => shown++,
		);
		for (let i = 0; i < 5; i++) commits.request((total += FAST_CHARS));
		expect(shown).toBe(5);
	});
});
