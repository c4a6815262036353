/**
 * Paint timeline for B3/B4, the same script in the app and in the baseline page.
 *
 * What is painted: the benchmark answers carry unique marker words (tests/emulator/bench-text.ts)
 * that every renderer shows unchanged, so the probe does not depend on how markdown changes the
 * text. A MutationObserver scans what changed inside the answer element (added nodes, or the new
 * end of a text node) for markers it has not seen.
 *
 * When: everything changed before a frame's layout is painted in that frame. A ResizeObserver
 * callback runs in every frame's rendering update after the animation-frame callbacks (and their
 * microtasks, where Svelte and the baseline commit) and after layout, so the probe's own rAF loop
 * nudges a hidden 1 px box each frame to get one callback per frame. From there a posted message
 * runs once that frame's rendering update (paint included) is over: its time is the paint time of
 * every marker found before that frame's layout.
 *
 * Also per painted frame the number of commits to the answer's DOM (MutationObserver callbacks that
 * changed it: one per batch of changes; other parts of the page are not counted), and every frame's
 * start (rAF timestamps) for the longest frame.
 */
import type { Page } from '@playwright/test';

export type PaintedFrame = { t: number; commits: number; markers: number };
export type PaintProbe = {
	/** marker → wall-clock ms (performance.timeOrigin + now, the same clock as the emulator's). */
	painted: Record<string, number>;
	frames: PaintedFrame[];
	/** Wall-clock start of every frame while the probe ran. */
	ticks: number[];
};

/** Plain JavaScript: tsx would add `__name()` helpers to a function passed here, absent in the page. */
const PROBE = `
(() => {
	const SELECTOR = __SELECTOR__;
	const probe = { painted: {}, frames: [], ticks: [] };
	window.__paint = probe;
	const wall = () => performance.timeOrigin + performance.now();
	const seen = new Set();
	let pending = [];
	let commits = 0;
	const scan = (text, from) => {
		const re = /zq\\d{6}/g;
		re.lastIndex = Math.max(0, from);
		for (let m = re.exec(text); m; m = re.exec(text))
			if (!seen.has(m[0])) { seen.add(m[0]); pending.push(m[0]); }
	};
	const answerOf = (node) => {
		const el = node.nodeType === 1 ? node : node.parentElement;
		return el && el.closest(SELECTOR);
	};
	new MutationObserver((records) => {
		let touched = false;
		for (const r of records) {
			const inside = answerOf(r.target);
			if (inside) touched = true;
			if (r.type === 'characterData') {
				if (inside) scan(r.target.data, (r.oldValue || '').length - 16);
				continue;
			}
			for (const node of r.addedNodes) {
				if (inside) scan(node.textContent || '', 0);
				else if (node.nodeType === 1) {
					const answer = node.matches(SELECTOR) ? node : node.querySelector(SELECTOR);
					if (answer) {
						touched = true;
						scan(answer.textContent || '', 0);
					}
				}
			}
		}
		if (touched) commits++;
	}).observe(document, { subtree: true, childList: true, characterData: true, characterDataOldValue: true });

	const box = document.createElement('div');
	box.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;visibility:hidden;contain:strict;pointer-events:none';
	const channel = new MessageChannel();
	let done = [];
	channel.port1.onmessage = () => {
		const t = wall();
		for (const id of done) probe.painted[id] = t;
		done = [];
	};
	new ResizeObserver(() => {
		if (commits > 0 || pending.length > 0) {
			probe.frames.push({ t: wall(), commits, markers: pending.length });
			done = done.concat(pending);
			pending = [];
			commits = 0;
			channel.port2.postMessage(0);
		}
	}).observe(box);
	let wide = false;
	const tick = () => {
		probe.ticks.push(wall());
		wide = !wide;
		box.style.width = wide ? '2px' : '1px';
		requestAnimationFrame(tick);
	};
	addEventListener('DOMContentLoaded', () => {
		document.body.append(box);
		requestAnimationFrame(tick);
	});
})();
`;

export async function installPaintProbe(page: Page, answerSelector: string): Promise<void> {
	await page.addInitScript({
		content: PROBE.replace('__SELECTOR__', JSON.stringify(answerSelector)),
	});
}

/** Forgets what was recorded so far (call right before the stream starts). */
export const resetPaintProbe = (page: Page): Promise<void> =>
	page.evaluate(() => {
		const probe = (window as unknown as { __paint: PaintProbe }).__paint;
		probe.frames = [];
		probe.ticks = [];
	});

export const readPaintProbe = (page: Page): Promise<PaintProbe> =>
	page.evaluate(() => (window as unknown as { __paint: PaintProbe }).__paint);
