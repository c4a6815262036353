/**
 * Being shown inside another page's frame. Static hosts such as GitHub Pages cannot send
 * `frame-ancestors` (browsers ignore it in a `<meta>` CSP), so any site can frame the app, preload
 * a request through `#r=`/`#z=` and lure the user into sending it with their key (clickjacking).
 * When framed, the app loads nothing from a link and sends nothing; it offers its own tab instead.
 */
export const FRAMED_MESSAGE =
	'The playground is shown inside another page. It does not send requests or open links to requests there: open it in its own tab.';

export const FRAMED_LINK_MESSAGE =
	'The playground is shown inside another page, so the request in the link was not loaded: open the playground in its own tab, then open the link there.';

/** The app's own address to open in a tab of its own: no fragment (a framing page chose it). */
export function ownTabUrl(href: string): string {
	const url = new URL(href);
	url.hash = '';
	return url.href;
}

/** Whether an address fragment holds a request or a model for the app to load (`#r=`, `#z=`, `#model=`). */
export function carriesRequest(hash: string): boolean {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	return params.has('r') || params.has('z') || params.has('model');
}
