/**
 * A word-level diff (LCS over words and the spaces between them) of two answers, for showing how
 * a replay differed from the original. Model output is untrusted: this returns plain text pieces.
 */
export type DiffPiece = { op: 'same' | 'added' | 'removed'; text: string };

/** Words with their trailing whitespace, so joining the pieces gives the text back exactly. */
export function splitWords(text: string): string[] {
	return text.match(/\s+|[^\s]+\s*/g) ?? [];
}

/** Above this many words on both sides the table would be large; fall back to a coarse diff. */
const MAX_CELLS = 4_000_000;

export function diffWords(before: string, after: string): DiffPiece[] {
	const a = splitWords(before);
	const b = splitWords(after);
	if (a.length * b.length > MAX_CELLS)
		return [
			{ op: 'removed', text: before },
			{ op: 'added', text: after },
		].filter((p) => p.text) as DiffPiece[];
	// lcs[i][j]: longest common subsequence of a[i..] and b[j..].
	const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
	for (let i = a.length - 1; i >= 0; i--)
		for (let j = b.length - 1; j >= 0; j--)
			(lcs[i] as Uint32Array)[j] =
				a[i] === b[j]
					? ((lcs[i + 1] as Uint32Array)[j + 1] as number) + 1
					: Math.max(
							(lcs[i + 1] as Uint32Array)[j] as number,
							(lcs[i] as Uint32Array)[j + 1] as number,
						);
	const pieces: DiffPiece[] = [];
	const push = (op: DiffPiece['op'], text: string) => {
		const last = pieces[pieces.length - 1];
		if (last?.op === op) last.text += text;
		else pieces.push({ op, text });
	};
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			push('same', a[i] as string);
			i++;
			j++;
		} else if (
			((lcs[i + 1] as Uint32Array)[j] as number) >= ((lcs[i] as Uint32Array)[j + 1] as number)
		)
			push('removed', a[i++] as string);
		else push('added', b[j++] as string);
	}
	while (i < a.length) push('removed', a[i++] as string);
	while (j < b.length) push('added', b[j++] as string);
	return pieces;
}

/** How many answers equal the original exactly. */
export function countMatches(original: string, outputs: readonly string[]): number {
	return outputs.filter((output) => output === original).length;
}
