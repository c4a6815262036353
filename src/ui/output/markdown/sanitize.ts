/**
 * The second lock on model output: core/render/markdown.ts already emits only safe HTML, and this
 * allow-list sanitiser (DOMPurify) removes anything else before it reaches the DOM. It returns a
 * fragment, never a string, so the sanitised tree is not serialised and parsed again (mXSS).
 */
import createDOMPurify, { type Config } from 'dompurify';

const purify = createDOMPurify(window);

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
	ALLOWED_TAGS: [
		'p',
		'br',
		'hr',
		'h1',
		'h2',
		'h3',
		'h4',
		'h5',
		'h6',
		'ul',
		'ol',
		'li',
		'blockquote',
		'pre',
		'code',
		'em',
		'strong',
		'del',
		'a',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td',
		'div',
		'span',
		'button',
	],
	ALLOWED_ATTR: [
		'href',
		'title',
		'target',
		'rel',
		'class',
		'data-src',
		'data-alt',
		'aria-label',
		'type',
		'align',
		'start',
	],
	ALLOW_DATA_ATTR: false,
	ALLOW_ARIA_ATTR: false,
	// Only http(s) and mailto schemes; values without a scheme (class names, titles) are fine.
	ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
	// The placeholder's URL is checked again when it is clicked; it is never loaded by the browser.
	ADD_URI_SAFE_ATTR: ['data-src', 'data-alt'],
	SANITIZE_NAMED_PROPS: true,
	RETURN_DOM_FRAGMENT: true,
};

purify.addHook('afterSanitizeAttributes', (node) => {
	if (node.tagName === 'A') {
		if (node.hasAttribute('href')) {
			node.setAttribute('target', '_blank');
			node.setAttribute('rel', 'noopener noreferrer nofollow');
		} else node.removeAttribute('target');
	}
	if (node.tagName === 'BUTTON') node.setAttribute('type', 'button');
});

// Parsed once: a config passed to sanitize() is parsed again on every call (the allow-lists and
// DOMPurify's default sets rebuilt), which cost more than the sanitising itself for the small
// pieces a streaming answer adds every frame (B4: 0.85 s of 1.3 s script for a 2 000-row table).
purify.setConfig(CONFIG);

export function sanitizeToFragment(html: string): DocumentFragment {
	// With the config set above, DOMPurify returns a fragment (RETURN_DOM_FRAGMENT); its typings
	// only know that from a config passed in the call.
	return purify.sanitize(html) as unknown as DocumentFragment;
}
