/** The smallest single replacement turning `before` into `after`: offsets into `before`. */
export type TextEdit = { start: number; end: number; text: string };

export function minimalEdit(before: string, after: string): TextEdit | null {
	if (before === after) return null;
	let start = 0;
	const max = Math.min(before.length, after.length);
	while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
	let tail = 0;
	while (
		tail < max - start &&
		before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
	)
		tail++;
	return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}
