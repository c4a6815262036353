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

/** Whether there is anything to elide (cheap: stops at the first run). */
export function hasInlineData(code: string): boolean {
	return new RegExp(BASE64_RUN.source).test(code);
}
