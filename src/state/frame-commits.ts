/**
 * When a streaming answer's view is brought up to date. Events are folded into a draft as they
 * arrive (thousands a second on a fast stream); the view gets the draft in an animation frame, at
 * most once a frame.
 *
 * A fast stream, one that brings more than about a line of text each frame, is shown no sooner than
 * MIN_COMMIT_GAP_MS after its last update: every other frame on a 60 Hz screen. Nobody reads a line
 * a frame, and the view's work (Svelte's effects, the markdown's open block) then runs half as
 * often: benchmark B4 measured the script time of such streams down by a third, for at most one
 * frame more before new text shows. A slower stream, a word or a few each frame as most models
 * send, is shown in every frame, word by word, as before.
 */

/** Runs a job in the next animation frame, with the frame's time (`requestAnimationFrame`). */
export type FrameSchedule = (job: (frameTime?: number) => void) => void;

/**
 * Below two 60 Hz frames (33.3 ms), so a fast stream updates every other frame there; every third
 * at 120 Hz (25 ms).
 */
export const MIN_COMMIT_GAP_MS = 24;

/**
 * Characters of output (text, reasoning) between two updates from which a stream counts as fast:
 * about a line of the answer pane. 500 tokens a second bring some 40 a frame, 5 000 some 400.
 */
export const FAST_CHARS = 120;

/** What `request` is given: the characters of an answer's text and reasoning so far. */
export const outputChars = (completion: { text: string; reasoning: string }): number =>
	completion.text.length + completion.reasoning.length;

export type FrameCommits = {
	/**
	 * Asks for an update of the answer, `chars` characters of output so far (`outputChars`): in the
	 * next frame, or for a fast stream the first frame the gap allows.
	 */
	request(chars?: number): void;
	/** True from a request until its update ran. */
	readonly pending: boolean;
	/** The stream is over: an update asked for runs in the next frame, whatever the gap. */
	end(): void;
};

/**
 * `commit` brings the view up to date. A scheduler that gives no frame time (the unit tests'
 * synchronous one) gets no gap: each update runs when it is scheduled.
 */
export function frameCommits(schedule: FrameSchedule, commit: () => void): FrameCommits {
	let pending = false;
	let ended = false;
	let shownAt = -Infinity;
	/** Output characters asked for last, and at the last update. */
	let chars = 0;
	let shownChars = 0;
	const onFrame = (frameTime?: number) => {
		if (frameTime !== undefined) {
			const fast = chars - shownChars >= FAST_CHARS;
			if (fast && !ended && frameTime - shownAt < MIN_COMMIT_GAP_MS) return schedule(onFrame);
			shownAt = frameTime;
		}
		pending = false;
		shownChars = chars;
		commit();
	};
	return {
		request(total = chars) {
			chars = total;
			if (pending) return;
			pending = true;
			schedule(onFrame);
		},
		get pending() {
			return pending;
		},
		end() {
			ended = true;
		},
	};
}
