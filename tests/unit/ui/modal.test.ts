import { describe, expect, it, vi } from 'vitest';
import { modal } from '../../../src/ui/dialog/modal';

/** What `modal` uses of a <dialog>: open, showModal, close and its keydown listener. */
function fakeDialog() {
	const listeners = new Set<unknown>();
	const dialog = {
		open: false,
		shown: 0,
		showModal() {
			this.open = true;
			this.shown++;
		},
		close() {
			this.open = false;
		},
		addEventListener: (_type: string, l: unknown) => void listeners.add(l),
		removeEventListener: (_type: string, l: unknown) => void listeners.delete(l),
	};
	return { dialog, listeners, el: dialog as unknown as HTMLDialogElement };
}

describe('modal: the one way dialogs are shown and hidden', () => {
	it('shows the dialog while open, runs onopen once it is shown, and closes it when open turns false', () => {
		const { dialog, el } = fakeDialog();
		const onopen = vi.fn(() => expect(dialog.open).toBe(true));
		const action = modal(el, { open: false, onopen });
		expect(dialog.open).toBe(false);
		action.update({ open: true, onopen });
		expect(dialog.open).toBe(true);
		expect(onopen).toHaveBeenCalledOnce();
		action.update({ open: true, onopen });
		expect(dialog.shown).toBe(1);
		expect(onopen).toHaveBeenCalledOnce();
		action.update({ open: false, onopen });
		expect(dialog.open).toBe(false);
	});

	it('shows a dialog the user closed again when asked again (a new request while open stays true)', () => {
		const { dialog, el } = fakeDialog();
		const action = modal(el, { open: true });
		expect(dialog.shown).toBe(1);
		dialog.close(); // Esc, or a method="dialog" button
		action.update({ open: true });
		expect(dialog.open).toBe(true);
		expect(dialog.shown).toBe(2);
	});

	it('keeps Tab inside (and drops stale close events) while mounted, and lets go on destroy', () => {
		const { listeners, el } = fakeDialog();
		const action = modal(el, { open: false });
		expect(listeners.size).toBe(2);
		action.destroy();
		expect(listeners.size).toBe(0);
	});
});
