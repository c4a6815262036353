import type { DialogId } from './dialogs.svelte';

/** Who told the user something; each says one thing at a time, and a new word replaces the old. */
export type NoticeSource =
	'playground' | 'settings' | 'history' | 'presets' | 'lab' | 'connectivity';

export type Notice = { readonly source: NoticeSource; readonly text: string };

/**
 * The dialog a source's notice is shown in while that dialog is open (it is about what the dialog
 * shows); otherwise it is shown with the others above the panes.
 */
export const NOTICE_DIALOG: Readonly<Record<NoticeSource, DialogId | null>> = {
	playground: null,
	settings: 'key',
	history: 'history',
	presets: null,
	lab: 'lab',
	connectivity: null,
};

/** One source's side of the notices: what a state class holds instead of a field of its own. */
export type NoticeChannel = {
	readonly text: string | null;
	/** Shows `text` (replacing this source's last notice), or takes it away with null. */
	set(text: string | null): void;
};

/**
 * Everything the app is telling the user that is not an error of a run: one list, in the order it
 * was said, each dismissible. State classes write through their channel; the UI reads the list.
 */
export class Notices {
	#list = $state.raw<readonly Notice[]>([]);

	get list(): readonly Notice[] {
		return this.#list;
	}

	of(source: NoticeSource): string | null {
		return this.#list.find((notice) => notice.source === source)?.text ?? null;
	}

	show(source: NoticeSource, text: string | null): void {
		const others = this.#list.filter((notice) => notice.source !== source);
		this.#list = text ? [...others, { source, text }] : others;
	}

	dismiss(source: NoticeSource): void {
		this.show(source, null);
	}

	channel(source: NoticeSource): NoticeChannel {
		const of = () => this.of(source);
		return {
			get text() {
				return of();
			},
			set: (text) => this.show(source, text),
		};
	}
}

/** A channel of a list of its own, for state built without the app's (tests, a lone view). */
export const ownNotice = (source: NoticeSource): NoticeChannel => new Notices().channel(source);
