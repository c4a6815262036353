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
	// A dialog's `close` event comes a task after it closed: one closed by Esc and opened again
	// before then (a quick Esc, Enter) would be closed by its owner for the old close. Captured on
	// the dialog itself, this runs before the owner's listener and drops a close it outlived.
	const staleClose = (event: Event) => {
		if (dialog.open) event.stopImmediatePropagation();
	};
	dialog.addEventListener('close', staleClose, { capture: true });
	const apply = ({ open, onopen }: ModalParams) => {
		if (open && !dialog.open) {
			dialog.showModal();
			// What it reads is not a reason to run again: only `open` is.
			if (onopen) untrack(onopen);
		} else if (!open && dialog.open) dialog.close();
	};
	apply(params);
	return {
		update: apply,
		destroy() {
			dialog.removeEventListener('close', staleClose, { capture: true });
			trap.destroy();
		},
	};
}
