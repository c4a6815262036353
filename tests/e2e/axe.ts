import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.2 A and AA and axe's best practices: the rules every view is held to. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export type AxeOptions = {
	/** A CSS selector: only that part of the page is checked (a dialog, a region). */
	include?: string;
	/** Rule tags to run; `null`: every rule but the experimental ones. */
	tags?: string[] | null;
};

/**
 * axe-core's violations on the page as it is now. Only violations are collected in full: the passes
 * and the "needs review" results, which no test reads, are left out (a sixth to a third of axe's
 * time on the app's main view), which changes nothing about what counts as a violation
 * (a11y.spec.ts plants one to show it).
 *
 * axe runs in the page itself (`setLegacyMode`). The default runs it per frame and merges the
 * frames' results in a blank page it opens for each check, with axe injected there again: the app
 * has no frames, and that page cost more than the check (8 checks of the main view: 8.2 to 8.8 s,
 * and 3.5 to 3.7 s in the page, with the same violations).
 */
export async function axeViolations(page: Page, { include, tags }: AxeOptions = {}) {
	await transitionsSettled(page);
	// First: `options()` replaces what `withTags()` sets.
	let builder = new AxeBuilder({ page })
		.options({ resultTypes: ['violations'] })
		.setLegacyMode(true);
	if (tags) builder = builder.withTags(tags);
	if (include) builder = builder.include(include);
	return (await builder.analyze()).violations;
}

/**
 * Waits for the page's running finite animations and transitions to end (a paused one would never
 * end, a spinner never does). A theme switched just before (by `emulateMedia`) fades each button's
 * background over 120 ms: axe, reading colours mid-fade, saw the dark theme's text on a still
 * almost white button (contrast 1.21, a flaky failure).
 */
async function transitionsSettled(page: Page): Promise<void> {
	await page.evaluate(() =>
		Promise.all(
			document
				.getAnimations()
				.filter(
					(a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity,
				)
				.map((a) => a.finished.catch(() => undefined)),
		),
	);
}

/**
 * The serious and critical violations (of the WCAG_TAGS rules unless told), one line each: impact,
 * rule, what it asks for, and the first three elements with axe's summary of what is wrong.
 */
export async function seriousViolations(page: Page, options: AxeOptions = {}): Promise<string[]> {
	const violations = await axeViolations(page, { tags: WCAG_TAGS, ...options });
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.impact} ${v.id}: ${v.help} — ${v.nodes
					.slice(0, 3)
					.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`)
					.join(' | ')}`,
		);
}
