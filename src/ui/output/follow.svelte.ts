import type { Attachment } from 'svelte/attachments';

/** How close to the bottom (px) still counts as "at the bottom": a line of slack for rounding. */
const SLACK = 32;

export type Follow = {
	/** True while the view sticks to the newest text; false once the user scrolls up. */
	readonly following: boolean;
	/** Scrolls to the newest text and follows it again ("Jump to latest"). */
	jump(): void;
	/** A new answer starts: follow it. */
	reset(): void;
	/** On the scrolling element. */
	scroller: Attachment<HTMLElement>;
	/** On the element that grows as text streams in. */
	content: Attachment<HTMLElement>;
};

/**
 * Keeps a scrolling pane pinned to its newest text while the user is at the bottom, as a chat or a
 * terminal does: scrolling up stops following (the text stays where the user is reading), scrolling
 * back down or `jump()` resumes it. Growth is seen by a ResizeObserver, so it costs nothing per token.
 */
export function createFollow(active: () => boolean): Follow {
	let following = $state(true);
	let scroller: HTMLElement | null = null;
	const toBottom = () => {
		if (scroller) scroller.scrollTop = scroller.scrollHeight;
	};
	return {
		get following() {
			return following;
		},
		jump() {
			following = true;
			toBottom();
		},
		reset() {
			following = true;
		},
		scroller: (element) => {
			scroller = element;
			const onscroll = () => {
				const gap = element.scrollHeight - element.scrollTop - element.clientHeight;
				following = gap <= SLACK;
			};
			element.addEventListener('scroll', onscroll, { passive: true });
			return () => {
				element.removeEventListener('scroll', onscroll);
				scroller = null;
			};
		},
		content: (element) => {
			const observer = new ResizeObserver(() => {
				if (following && active()) toBottom();
			});
			observer.observe(element);
			return () => observer.disconnect();
		},
	};
}
