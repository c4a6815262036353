/**
 * What Enter does while the editor's suggestion list is open. VS Code users expect Enter to take the
 * highlighted suggestion; JSON typed fast expects Enter to be a new line. The list opens by itself
 * after `"`, `:` and a space, so it is often open when a finished token is followed by Enter. The
 * rule: Enter takes the suggestion only while the word it completes is unfinished, that is inside
 * an open string (`"temp`) or a partly typed literal (`tru`); after a closing quote, a comma, a
 * colon, a bracket, a space or a whole literal it is a new line. Tab always takes the suggestion.
 */
const LITERALS = ['true', 'false', 'null'] as const;

/** `before`: the text of the cursor's line before the cursor. */
export function enterTakesSuggestion(before: string): boolean {
	let open = false;
	for (let i = 0; i < before.length; i++) {
		const char = before[i];
		if (open && char === '\\') i++;
		else if (char === '"') open = !open;
	}
	if (open) return true;
	const word = /[A-Za-z]+$/.exec(before)?.[0];
	return (
		word !== undefined && LITERALS.some((literal) => literal.startsWith(word) && literal !== word)
	);
}
