import type { Attachment } from 'svelte/attachments';

type Field = HTMLInputElement | HTMLTextAreaElement;

/** What `read` returns for text that stands for no value yet (`0.`, `1e`, unfinished JSON). */
export const UNFINISHED = Symbol('unfinished');

/**
 * The value attribute of a form control that commits on every keystroke (`oninput`), so Send,
 * Ctrl/⌘+Enter, Share, Copy and the Code panel always see what is typed.
 *
 * Writing the request's value back into the box on every keystroke would fight the typing: `0.`
 * on the way to `0.9` is no number yet, `openai, ` before the next slug and `0.90` are spelt
 * differently from what the request holds. So while the box has the focus, its text is replaced
 * only when it stands for another value than the request's, that is when the request was changed
 * from elsewhere (the JSON editor, a preset, undo). On blur the box takes the request's spelling,
 * unless it holds text that stands for nothing (that stays, with the field's message).
 *
 * `read` turns the typed text into the value it stands for, as the field's commit does.
 */
export function typedValue(
	shown: string,
	value: unknown,
	read: (typed: string, field: Field) => unknown,
): Attachment<Field> {
	return (field) => {
		const typed = () => read(field.value, field);
		const focused = field.ownerDocument.activeElement === field;
		if (field.value !== shown && !(focused && keeps(typed(), value))) field.value = shown;
		const settle = () => {
			const now = typed();
			if (field.value !== shown && now !== UNFINISHED && sameJson(now, value)) field.value = shown;
		};
		field.addEventListener('blur', settle);
		return () => field.removeEventListener('blur', settle);
	};
}

/** While typing, the box keeps text that stands for nothing yet or for the request's own value. */
const keeps = (typed: unknown, value: unknown) => typed === UNFINISHED || sameJson(typed, value);

/** Two values the same once written as JSON (list and object fields compare by content). */
export const sameJson = (a: unknown, b: unknown): boolean =>
	JSON.stringify(a) === JSON.stringify(b);

/** A number box's text: a number, nothing (empty: the field is removed), or not a number yet. */
export function readNumber(
	text: string,
	field: { validity: ValidityState },
): number | undefined | typeof UNFINISHED {
	// `0.` or `1e` on the way to a number: the browser reports them as bad input with value ''.
	if (field.validity.badInput) return UNFINISHED;
	const trimmed = text.trim();
	if (trimmed === '') return undefined;
	const n = Number(trimmed);
	return Number.isFinite(n) ? n : UNFINISHED;
}
