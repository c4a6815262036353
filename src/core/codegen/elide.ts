/**
 * Large inline data (base64 images, audio, PDFs) shortened for reading. Only the displayed text is
 * shortened: Copy and Download always take the full snippet, so what runs is never elided.
 */
const KEEP = 24;
/** A run of base64 this long is data, not prose: 4 KB of it is about 3 KB of bytes. */
export const ELIDE_MIN_LENGTH = 4096;
const BASE64_RUN = new RegExp(`[A-Za-z0-9+/]{${ELIDE_MIN_LENGTH},}={0,2}`, 'g');

export type Elided = { text: string; runs: number; hiddenChars: number };

export function elideInlineData(code: string): Elided {
	let runs = 0;
	let hiddenChars = 0;
	const text = code.replace(BASE64_RUN, (run) => {
		runs += 1;
		hiddenChars += run.length - KEEP;
		return `${run.slice(0, KEEP)}…[${(run.length - KEEP).toLocaleString('en-US')} characters hidden]`;
	});
	return { text, runs, hiddenChars };
}

/** Whether there is anything to elide: one pass, stops at the first run (a 1 MB snippet in ~2 ms). */
export function hasInlineData(code: string): boolean {
	let run = 0;
	for (let i = 0; i < code.length; i++) {
		const c = code.charCodeAt(i);
		const base64 =
			(c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 47 && c <= 57) || c === 43;
		run = base64 ? run + 1 : 0;
		if (run >= ELIDE_MIN_LENGTH) return true;
	}
	return false;
}

/** Past this many characters a snippet is shown in part: laying out 1 MB of code takes ~200 ms. */
export const DISPLAY_MAX_CHARS = 60_000;

export type Clipped = { text: string; hiddenLines: number };

/** The first lines of `code` that fit in `maxChars` (cut at a line end), and how many are left out. */
export function clipForDisplay(code: string, maxChars = DISPLAY_MAX_CHARS): Clipped {
	if (code.length <= maxChars) return { text: code, hiddenLines: 0 };
	const end = code.lastIndexOf('\n', maxChars - 1);
	const text = code.slice(0, end > 0 ? end + 1 : maxChars);
	const rest = code.slice(text.length);
	const hiddenLines = rest.split('\n').length - (rest.endsWith('\n') ? 1 : 0);
	return { text, hiddenLines };
}
