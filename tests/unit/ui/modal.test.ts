// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { modal } from '../../../src/ui/dialog/modal';

/**
 * A <dialog> that shows and closes as a browser's does (jsdom has neither method): `open` is the
 * attribute, and the `close` event comes in a later task, after input the user gave meanwhile
 * (a browser runs input first): here 5 ms later, after any task queued at once.
 */
function browserDialog() {
	const el = document.createElement('dialog');
	let shown = 0;
	el.showModal = () => {
		el.setAttribute('open', '');
		shown++;
	};
	el.close = () => {
		if (!el.open) return;
		el.removeAttribute('open');
		setTimeout(() => el.dispatchEvent(new Event('close')), 5);
	};
	document.body.append(el);
	return { el, shown: () => shown };
}

/** The next task: input the user gives after a close runs then, before the close event. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve));
/** By then the browser's own `close` event has come. */
const closeEventCame = () => new Promise((resolve) => setTimeout(resolve, 20));

/** An owner as the app's are: state that opens the dialog, and a `close` listener that clears it. */
function owned(el: HTMLDialogElement, initially: boolean) {
	let open = initially;
	const closes = vi.fn();
	const action = modal(el, { open });
	el.addEventListener('close', () => {
		closes();
		open = false;
		action.update({ open });
	});
	return {
		action,
		closes,
		isOpen: () => open,
		/** The opener: asks for the dialog, which changes nothing if the state says it is open. */
		ask() {
			if (open) return;
			open = true;
			action.update({ open });
		},
	};
}

describe('modal: the one way dialogs are shown and hidden', () => {
	it('shows the dialog while open, runs onopen once it is shown, and closes it when open turns false', () => {
		const { el, shown } = browserDialog();
		const onopen = vi.fn(() => expect(el.open).toBe(true));
		const action = modal(el, { open: false, onopen });
		expect(el.open).toBe(false);
		action.update({ open: true, onopen });
		expect(el.open).toBe(true);
		expect(onopen).toHaveBeenCalledOnce();
		action.update({ open: true, onopen });
		expect(shown()).toBe(1);
		expect(onopen).toHaveBeenCalledOnce();
		action.update({ open: false, onopen });
		expect(el.open).toBe(false);
		action.destroy();
	});

	it('shows a dialog the user closed again when asked again (a new request while open stays true)', () => {
		const { el, shown } = browserDialog();
		const action = modal(el, { open: true });
		expect(shown()).toBe(1);
		el.close(); // Esc, or a method="dialog" button
		action.update({ open: true });
		expect(el.open).toBe(true);
		expect(shown()).toBe(2);
		action.destroy();
	});

	it('tells its owner of a close before the next task, and once', async () => {
		const { el } = browserDialog();
		const owner = owned(el, true);
		el.close(); // Esc
		await nextTask();
		expect(owner.closes).toHaveBeenCalledOnce();
		expect(owner.isOpen()).toBe(false);
		await closeEventCame();
		expect(owner.closes).toHaveBeenCalledOnce();
		owner.action.destroy();
	});

	it('a quick Esc, Enter: asked for again before the browser’s close event, it opens and stays', async () => {
		const { el } = browserDialog();
		const owner = owned(el, true);
		el.close(); // Esc
		await nextTask();
		owner.ask(); // Enter on the opener, ahead of the task that fires `close`
		expect(el.open).toBe(true);
		await closeEventCame();
		expect(el.open).toBe(true);
		expect(owner.isOpen()).toBe(true);
		owner.action.destroy();
	});

	it('closed and asked for again in one task (state applied in a microtask), it stays open', async () => {
		const { el } = browserDialog();
		let request = 1;
		const action = modal(el, { open: true });
		el.addEventListener('close', () => {
			request = 0;
			action.update({ open: false });
		});
		el.close();
		request = 2; // a new request, applied as Svelte applies state: in a microtask
		queueMicrotask(() => action.update({ open: request > 0 }));
		await closeEventCame();
		expect(el.open).toBe(true);
		expect(request).toBe(2);
		action.destroy();
	});

	it('lets go of the dialog on destroy: later closes are the browser’s own again', async () => {
		const { el } = browserDialog();
		const owner = owned(el, true);
		owner.action.destroy();
		el.close();
		await nextTask();
		expect(owner.closes).not.toHaveBeenCalled();
		await closeEventCame();
		expect(owner.closes).toHaveBeenCalledOnce();
	});
});
