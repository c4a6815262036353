/**
 * A moment as people read it at a glance, in local time: `14:05` on the day it is shown, and
 * `2026-12-06 09:15` on any other. Built from the date's own fields rather than `toLocaleString`:
 * the page's first Intl call starts ICU's date formatting, about 13 ms on the main thread, which
 * the model list's "fetched at" line paid on every load.
 */
const two = (n: number) => String(n).padStart(2, '0');

/** `at` (ms since the epoch) for a line of text, shown at `now`; '' for no valid time. */
export function shortTime(at: number, now: number = Date.now()): string {
	const date = new Date(at);
	if (Number.isNaN(date.getTime())) return '';
	const clock = `${two(date.getHours())}:${two(date.getMinutes())}`;
	const today = new Date(now);
	const sameDay =
		date.getFullYear() === today.getFullYear() &&
		date.getMonth() === today.getMonth() &&
		date.getDate() === today.getDate();
	if (sameDay) return clock;
	return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${clock}`;
}

/** `at` for `<time datetime>`; undefined for no valid time. */
export function isoTime(at: number): string | undefined {
	const date = new Date(at);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
