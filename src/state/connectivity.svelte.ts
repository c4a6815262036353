import { ownNotice, type NoticeChannel } from './notices.svelte';

/** A new app version waiting to take over; applying it reloads the page. */
export type UpdateHandle = { apply(): void };

/** Whether the browser is online, and whether a new version of the app is waiting. */
export class Connectivity {
	#online = $state(true);
	update = $state.raw<UpdateHandle | null>(null);
	/** Told when offline use could not be set up (a quiet, dismissible notice). */
	readonly problem: NoticeChannel;

	constructor(online = true, problem: NoticeChannel = ownNotice('connectivity')) {
		this.#online = online;
		this.problem = problem;
	}

	get online(): boolean {
		return this.#online;
	}

	/** The browser's `online`/`offline` events, or a test, say where the page stands now. */
	setOnline(online: boolean): void {
		this.#online = online;
	}
}
