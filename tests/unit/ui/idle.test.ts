import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type WhenQuiet = typeof import('../../../src/ui/idle').whenQuiet;
let whenQuiet: WhenQuiet;

/** A page after its load event, with or without an open dialog, and the keys pressed and scrolls in it. */
function page() {
	const listeners: Record<string, (() => void)[]> = {};
	const state = { dialogOpen: false };
	vi.stubGlobal('window', {}); // no requestIdleCallback: idle work runs when its timer fires
	vi.stubGlobal('document', {
		readyState: 'complete',
		querySelector: (selector: string) =>
			selector === 'dialog[open]' && state.dialogOpen ? {} : null,
	});
	vi.stubGlobal('addEventListener', (type: string, listener: () => void) => {
		const of = (listeners[type] ??= []);
		if (!of.includes(listener)) of.push(listener);
	});
	const fire = (type: string) => () => listeners[type]?.forEach((l) => l());
	return { state, key: fire('keydown'), scroll: fire('scroll') };
}

describe('whenQuiet: heavy work nobody asked for waits while the user is busy', () => {
	beforeEach(async () => {
		vi.useFakeTimers();
		// The module remembers the last key pressed: each test gets it fresh, so none depends on
		// the keys of the test before it.
		vi.resetModules();
		({ whenQuiet } = await import('../../../src/ui/idle'));
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('runs after its delay on a page nobody is using', async () => {
		page();
		const task = vi.fn();
		whenQuiet(task, 1500, 4000);
		await vi.advanceTimersByTimeAsync(1499);
		expect(task).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		expect(task).toHaveBeenCalledOnce();
	});

	it('waits while a dialog is open, and runs once it is closed', async () => {
		const { state } = page();
		state.dialogOpen = true;
		const task = vi.fn();
		whenQuiet(task, 1500, 4000);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(task).not.toHaveBeenCalled();
		state.dialogOpen = false;
		await vi.advanceTimersByTimeAsync(1000);
		expect(task).toHaveBeenCalledOnce();
	});

	// A key every 200 ms (typing); a scroll event every frame (a scroll, the answer's auto-scroll).
	it.each([
		['keys are being pressed', 'key', 200],
		['the page scrolls', 'scroll', 16],
	] as const)('waits while %s, and runs a second after the last', async (_, event, everyMs) => {
		const fire = page()[event];
		const task = vi.fn();
		whenQuiet(task, 1500, 4000);
		for (let t = 0; t < 10_000; t += everyMs) {
			fire();
			await vi.advanceTimersByTimeAsync(everyMs);
		}
		expect(task).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(2000);
		expect(task).toHaveBeenCalledOnce();
	});

	it('does nothing once cancelled, even while it was waiting', async () => {
		const { state } = page();
		state.dialogOpen = true;
		const task = vi.fn();
		const cancel = whenQuiet(task, 1500, 4000);
		await vi.advanceTimersByTimeAsync(5000);
		cancel();
		state.dialogOpen = false;
		await vi.advanceTimersByTimeAsync(10_000);
		expect(task).not.toHaveBeenCalled();
	});
});
