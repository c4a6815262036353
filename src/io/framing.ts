/**
 * True when this window is inside a frame. Reading `window.top` across origins is allowed, but a
 * sandbox or an odd embedder may throw: that counts as framed.
 */
export function isFramed(win: Window = window): boolean {
	try {
		return win.top !== win.self;
	} catch {
		return true;
	}
}
