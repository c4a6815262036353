/**
 * `use:trapFocus` on a modal `<dialog>`: Tab and Shift+Tab wrap around inside it. showModal() makes
 * the page inert, but Chromium still lets Tab leave for the browser's own UI; this keeps focus in the
 * dialog (WAI-ARIA dialog pattern). Focus goes back to the opener by the browser on close.
 */
const TABBABLE = [
	'a[href]',
	'button:not([disabled])',
	'input:not([disabled]):not([type="hidden"])',
	'select:not([disabled])',
	'textarea:not([disabled])',
	'summary',
	'[tabindex]:not([tabindex="-1"])',
].join(',');

function tabbables(root: HTMLElement): HTMLElement[] {
	return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
		(el) =>
			el.getClientRects().length > 0 &&
			// In a radio group only the checked one (or the first) takes Tab.
			!(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
	);
}

export function trapFocus(dialog: HTMLElement) {
	function onkeydown(event: KeyboardEvent) {
		if (event.key !== 'Tab') return;
		const items = tabbables(dialog);
		const first = items[0];
		const last = items.at(-1);
		if (!first || !last) return;
		const active = document.activeElement;
		const inside = active instanceof Node && dialog.contains(active);
		if (event.shiftKey && (active === first || !inside)) {
			event.preventDefault();
			last.focus();
		} else if (!event.shiftKey && (active === last || !inside)) {
			event.preventDefault();
			first.focus();
		}
	}
	dialog.addEventListener('keydown', onkeydown);
	return { destroy: () => dialog.removeEventListener('keydown', onkeydown) };
}
