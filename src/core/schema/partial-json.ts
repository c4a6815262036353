/**
 * Parses the JSON a model has streamed so far. Complete values are returned as they are; an
 * unfinished object or array is returned with its finished members (and its unfinished last object
 * or array member, itself partial); an unfinished scalar (a string, number or literal cut by the end
 * of the text) is left out, since more text could change it.
 *
 * partial-json reads the value; it is lenient (it skips a missing `:` or `,`), so jsonc-parser's
 * strict scan says whether the text can still become JSON: every error it finds must lie at the
 * end, where more text may mend it.
 */
import { printParseErrorCode, visit, type ParseErrorCode } from 'jsonc-parser';
import { Allow, parse } from 'partial-json';

export type PartialJson =
	{ ok: true; value: unknown; complete: boolean } | { ok: false; message: string; offset: number };

// ParseErrorCode is a const enum, which isolated modules cannot read from a declaration file.
const [INVALID_SYMBOL, END_OF_STRING, END_OF_NUMBER, INVALID_UNICODE] = [
	1, 12, 13, 14,
] as ParseErrorCode[];
/** Errors in a token the end of the text cut short: more text may finish it. */
const CUT_TOKEN = new Set([END_OF_STRING, END_OF_NUMBER, INVALID_UNICODE]);

export function parsePartialJson(text: string): PartialJson {
	const end = text.trimEnd().length;
	if (end === 0) return { ok: true, value: undefined, complete: false };
	const problem = firstProblem(text, end);
	if (problem) return { ok: false, ...problem };
	try {
		const value: unknown = JSON.parse(text);
		// A number at the very end may still grow ("12" → "123").
		if (typeof value !== 'number' || end < text.length) return { ok: true, value, complete: true };
		return { ok: true, value: undefined, complete: false };
	} catch {
		// Unfinished: read what is settled below.
	}
	try {
		// Only objects and arrays may be partial: an unfinished string or number is left out.
		return { ok: true, value: parse(text, Allow.COLLECTION), complete: false };
	} catch {
		return { ok: true, value: undefined, complete: false }; // a lone unfinished scalar
	}
}

/**
 * The first error that no further text could mend: anything before the end of the text, and at
 * the end anything but a missing token or a token cut short (`"ab`, `1e`, `-`, `tr`).
 */
function firstProblem(text: string, end: number): { message: string; offset: number } | null {
	let found: { message: string; offset: number } | null = null;
	const mendable = (code: ParseErrorCode, offset: number, length: number) => {
		if (offset + length < end) return false;
		if (length === 0 || CUT_TOKEN.has(code)) return true;
		const word = text.slice(offset, offset + length);
		const literal = ['true', 'false', 'null', '-'].some((w) => w.startsWith(word));
		// ...unless a whole value stands before it: `{} t` can never become JSON.
		return code === INVALID_SYMBOL && literal && !isJson(text.slice(0, offset));
	};
	visit(
		text,
		{
			onError(code, offset, length) {
				if (found || mendable(code, offset, length)) return;
				const what = printParseErrorCode(code)
					.replace(/(?<=.)([A-Z])/g, ' $1')
					.toLowerCase();
				found = { message: `${what} at character ${offset + 1}`, offset };
			},
		},
		{ disallowComments: true, allowTrailingComma: false },
	);
	return found;
}

function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}
