/**
 * The prompt lab's composition root, loaded on first use: its state, its dialog and its check
 * worker's client arrive with the one dynamic import App.svelte makes, so the first-load bundle
 * carries only that import.
 */
import { checkInPlace, runsPattern, type CheckAssertion } from './core/lab/check';
import { openLabLink } from './state/lab-files';
import type { Deflate } from './core/share/codec';
import type { Catalog } from './state/catalog.svelte';
import { Lab } from './state/lab.svelte';
import type { Playground, SendFn } from './state/playground.svelte';
import type { Settings } from './state/settings.svelte';

export { default as LabDialog } from './ui/lab/LabDialog.svelte';

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
	if (opened.ok) lab.notice = opened.message;
	else lab.problem = opened.message;
}

/** The lab, wired to the app: once it exists, its variables are filled into every Send. */
export function createLab(app: {
	send: SendFn;
	settings: Settings;
	playground: Playground;
	catalog: Catalog;
	deflate: Deflate;
}): Lab {
	const { playground, catalog } = app;
	// The worker starts with the first regex or schema check, not with the lab.
	let checker: Promise<CheckAssertion> | undefined;
	const checkAssertion: CheckAssertion = async (assertion, cell) => {
		if (!runsPattern(assertion)) return checkInPlace(assertion, cell);
		checker ??= import('./io/lab-check/lab-checker').then((m) => m.createLabChecker());
		return (await checker)(assertion, cell);
	};
	const lab = new Lab({
		send: app.send,
		settings: app.settings,
		deflate: app.deflate,
		request: () => playground.template,
		setRequest: (request) => (playground.text = `${JSON.stringify(request, null, 2)}\n`),
		loadPrices: () => catalog.priceList(),
		checkAssertion,
	});
	playground.useBodyTransform(lab.fill);
	return lab;
}
