/**
 * The prompt lab's part of the composition root, loaded on first use (Lab pressed, a `#lab=` link,
 * or a request holding a `{{name}}` about to be sent): its state, its store and its check worker's
 * client arrive with one dynamic import, so the first-load bundle carries only that import.
 */
import { checkInPlace, runsPattern, type CheckAssertion } from '../core/lab/check';
import { openLabLink } from '../state/lab-files';
import type { Deflate } from '../core/share/codec';
import type { Catalog } from '../state/catalog.svelte';
import { Lab } from '../state/lab.svelte';
import type { Playground, SendFn } from '../state/playground.svelte';
import type { Settings } from '../state/settings.svelte';
import type { RunHistory } from '../state/history.svelte';
import type { Dialogs } from '../state/dialogs.svelte';
import type { NoticeChannel } from '../state/notices.svelte';
import { keepLab } from '../state/lab-keep.svelte';
import { createLabStore } from '../io/lab-store';
import type { LabStore } from '../core/lab/lab-keep';

/**
 * Opens the lab a `#lab=` link holds; inside another page's frame it is not even decoded (the
 * framing page chose it, core/framing.ts).
 */
export async function openLabFromLink(lab: Lab, hash: string, framed: boolean): Promise<void> {
	lab.show();
	if (framed) {
		lab.problem =
			'The playground is shown inside another page, so the lab in the link was not opened: open the playground in its own tab, then open the link there.';
		return;
	}
	const opened = await openLabLink(lab, hash, lab.deflate);
	if (opened.ok) lab.tell(opened.message);
	else lab.problem = opened.message;
}

export type LabApp = {
	send: SendFn;
	settings: Settings;
	playground: Playground;
	catalog: Catalog;
	deflate: Deflate;
	/** Where a grid run is kept once it ends. */
	history: Pick<RunHistory, 'keep'>;
	dialogs: Dialogs;
	notice: NoticeChannel;
};

/** What the app loads with the lab's chunk. */
export type LabModule = { createLab: typeof createLab; openLabFromLink: typeof openLabFromLink };

/**
 * The page's lab, built with the lab kept from the last visit put back. Only then are its
 * variables filled into every Send: a Send waiting for it fills the restored values.
 */
export function createLab(app: LabApp, store: LabStore = createLabStore()): Promise<Lab> {
	return buildLab(app, store);
}

async function buildLab(app: LabApp, store: LabStore): Promise<Lab> {
	const { playground, catalog, settings } = app;
	// The worker starts with the first regex or schema check, not with the lab.
	let checker: Promise<CheckAssertion> | undefined;
	const checkAssertion: CheckAssertion = async (assertion, cell) => {
		if (!runsPattern(assertion)) return checkInPlace(assertion, cell);
		checker ??= import('../io/lab-check/lab-checker').then((m) => m.createLabChecker());
		return (await checker)(assertion, cell);
	};
	const lab = new Lab({
		send: app.send,
		settings,
		deflate: app.deflate,
		request: () => playground.template,
		setRequest: (request) => (playground.text = `${JSON.stringify(request, null, 2)}\n`),
		loadPrices: () => catalog.priceList(),
		checkAssertion,
		keep: (record) => void app.history.keep(record),
		dialogs: app.dialogs,
		notice: app.notice,
	});
	await keepLab(lab, store, () => settings.readKey());
	playground.useBodyTransform(lab.fill);
	return lab;
}
