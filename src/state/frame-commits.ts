/**
 * When a streaming answer's view is brought up to date. Events are folded into a draft as they
 * arrive (thousands a second on a fast stream); the view gets the draft in an animation frame, at
 * most once a frame, and no sooner than MIN_COMMIT_GAP_MS after its last update.
 *
 * The gap halves what a fast stream costs to show (on a 60 Hz screen the view updates about 30
 * times a second instead of 60; Svelte's effects and the markdown's open block run half as often:
 * benchmark B4), for at most one frame more before new text shows. A slow stream, a token every
 * few frames, is shown in the very next frame as before: the gap only holds back an update that
 * would come right after another.
 */

/** Runs a job in the next animation frame, with the frame's time (`requestAnimationFrame`). */
export type FrameSchedule = (job: (frameTime?: number) => void) => void;

/**
 * Below two 60 Hz frames (33.3 ms), so the view updates every other frame there; every third at
 * 120 Hz (25 ms).
 */
export const MIN_COMMIT_GAP_MS = 24;

export type FrameCommits = {
	/** Asks for an update: in the next frame, or the first frame the gap allows. */
	request(): void;
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
	const onFrame = (frameTime?: number) => {
		if (frameTime !== undefined) {
			if (!ended && frameTime - shownAt < MIN_COMMIT_GAP_MS) return schedule(onFrame);
			shownAt = frameTime;
		}
		pending = false;
		commit();
	};
	return {
		request() {
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
