/** The app's dialogs that state opens and closes (the model browser and the lab's own are local). */
export type DialogId = 'key' | 'settings' | 'history' | 'compare' | 'lab';

/**
 * Which dialogs are open, in the order they were opened: the one place that knows. A dialog opened
 * over another (the key dialog asked for from Compare) closes back to it.
 */
export class Dialogs {
	#open = $state.raw<readonly DialogId[]>([]);

	isOpen(id: DialogId): boolean {
		return this.#open.includes(id);
	}

	/** The dialog in front, or null when none is open. */
	get top(): DialogId | null {
		return this.#open.at(-1) ?? null;
	}

	open(id: DialogId): void {
		if (!this.isOpen(id)) this.#open = [...this.#open, id];
	}

	close(id: DialogId): void {
		if (this.isOpen(id)) this.#open = this.#open.filter((open) => open !== id);
	}
}
