/**
 * `use:modal={{ open, onopen }}` on a `<dialog>`: the one way the app shows and hides its dialogs.
 * While `open` is true the dialog is shown with showModal() (the page behind goes inert, Esc
 * closes it, focus returns to the opener on close) and Tab stays inside it (`trapFocus`); when
 * `open` turns false it is closed. `onopen` runs each time it is shown, in the same task, so a form
 * is reset or a field focused before anything is painted. A dialog the user closed (Esc, a
 * `method="dialog"` button) tells its owner through its `close` event.
 */
import { untrack } from 'svelte';
import { trapFocus } from './trap-focus';

export type ModalParams = { open: boolean; onopen?: () => void };

export function modal(dialog: HTMLDialogElement, params: ModalParams) {
	const trap = trapFocus(dialog);
	// The browser fires a dialog's `close` event a task after it closed, and input goes ahead of
	// such tasks: after Esc, an Enter on the opener could ask for the dialog while its owner still
	// thought it open (nothing to do), and the late event then closed it for good. So the owner is
	// told as the dialog closes, before the next task (a mutation observer), and the browser's own
	// event, always late, is dropped. Told a microtask later still: an opener clicked in the same
	// task as the close has its state applied first, and a dialog open again by then is not closed.
	let shown = false;
	let told: Event | null = null;
	const tell = () => {
		if (!shown || dialog.open) return;
		shown = false;
		told = new Event('close');
		dialog.dispatchEvent(told);
	};
	const observer = new MutationObserver(() => {
		if (dialog.open) shown = true;
		else if (shown) queueMicrotask(tell);
	});
	observer.observe(dialog, { attributes: true, attributeFilter: ['open'] });
	const lateClose = (event: Event) => {
		if (event !== told) event.stopImmediatePropagation();
	};
	dialog.addEventListener('close', lateClose, { capture: true });
	const apply = ({ open, onopen }: ModalParams) => {
		if (open && !dialog.open) {
			dialog.showModal();
			shown = true;
			// What it reads is not a reason to run again: only `open` is.
			if (onopen) untrack(onopen);
		} else if (!open && dialog.open) dialog.close();
	};
	apply(params);
	return {
		update: apply,
		destroy() {
			observer.disconnect();
			dialog.removeEventListener('close', lateClose, { capture: true });
			trap.destroy();
		},
	};
}
