/** The keyboard shortcuts the app answers to, listed by the `?` dialog. Add a row when adding a key. */
export const SHORTCUTS = [
	{ keys: ['Ctrl', 'Enter'], alt: ['⌘', 'Enter'], does: 'Send the request' },
	{ keys: ['Tab'], does: 'In the request editor: indent' },
	{ keys: ['Shift', 'Alt', 'F'], does: 'In the request editor: format the JSON' },
	{ keys: ['Esc', 'Tab'], does: 'Leave the request editor (Tab alone indents)' },
	{ keys: ['Esc'], does: 'Close a dialog' },
	{ keys: ['?'], does: 'Show this list (outside text fields)' },
] as const satisfies readonly { keys: readonly string[]; alt?: readonly string[]; does: string }[];

/** `?` must not open the list while the person is typing: text fields and editors keep the key. */
export function isTextEntry(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	if (target.isContentEditable) return true;
	if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
	if (!(target instanceof HTMLInputElement)) return false;
	return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(
		target.type,
	);
}
