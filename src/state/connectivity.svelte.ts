/** A new app version waiting to take over; applying it reloads the page. */
export type UpdateHandle = { apply(): void };

/** Whether the browser is online, and whether a new version of the app is waiting. */
export class Connectivity {
	online = $state(true);
	update = $state.raw<UpdateHandle | null>(null);
	/** Set when offline use could not be set up (a quiet, dismissible notice). */
	problem = $state<string | null>(null);

	constructor(online = true) {
		this.online = online;
	}
}
