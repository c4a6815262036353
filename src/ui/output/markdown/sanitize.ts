/**
 * The second lock on model output: core/render/markdown.ts already emits only safe HTML, and this
 * allow-list sanitiser (DOMPurify) removes anything else before it reaches the DOM. It returns a
 * fragment, never a string, so the sanitised tree is not serialised and parsed again (mXSS).
 *
 * DOMPurify's checks cost about 10 µs a node, most of the script of a streamed 2 000-row table
 * (benchmark B4). So the HTML is first parsed into an inert template and checked by a strict walk
 * (`cleanFragment`): when every node is one DOMPurify would keep exactly as it is, the parsed tree
 * is what DOMPurify would return, and it is used; anything else, however small, goes to DOMPurify.
 */
import createDOMPurify, { type Config } from 'dompurify';

const purify = createDOMPurify(window);

const ALLOWED_TAGS = [
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
];
const ALLOWED_ATTR = [
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
];
// Only http(s) and mailto schemes; values without a scheme (class names, titles) are fine.
const ALLOWED_URI_REGEXP = /^(?:https?:|mailto:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const TAGS = new Set(ALLOWED_TAGS);
const ATTRS = new Set(ALLOWED_ATTR);
/** Attributes DOMPurify keeps without checking the value as a URL (its defaults and ours). */
const URI_SAFE = new Set(['class', 'title', 'data-src', 'data-alt']);
/** What DOMPurify strips before checking a value as a URL (its ATTR_WHITESPACE). */
// eslint-disable-next-line no-control-regex -- control characters are what it strips
const ATTR_WHITESPACE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;
const LINK_REL = 'noopener noreferrer nofollow';

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
	ALLOWED_TAGS,
	ALLOWED_ATTR,
	ALLOW_DATA_ATTR: false,
	ALLOW_ARIA_ATTR: false,
	ALLOWED_URI_REGEXP,
	// The placeholder's URL is checked again when it is clicked; it is never loaded by the browser.
	ADD_URI_SAFE_ATTR: ['data-src', 'data-alt'],
	SANITIZE_NAMED_PROPS: true,
	RETURN_DOM_FRAGMENT: true,
};

purify.addHook('afterSanitizeAttributes', (node) => {
	if (node.tagName === 'A') {
		if (node.hasAttribute('href')) {
			node.setAttribute('target', '_blank');
			node.setAttribute('rel', LINK_REL);
		} else node.removeAttribute('target');
	}
	if (node.tagName === 'BUTTON') node.setAttribute('type', 'button');
});

// Parsed once: a config passed to sanitize() is parsed again on every call (the allow-lists and
// DOMPurify's default sets rebuilt), which cost more than the sanitising itself for the small
// pieces a streaming answer adds every frame (B4: 0.85 s of 1.3 s script for a 2 000-row table).
purify.setConfig(CONFIG);

export function sanitizeToFragment(html: string): DocumentFragment {
	const template = document.createElement('template');
	template.innerHTML = html;
	return cleanFragment(template.content) ? template.content : purifyToFragment(html);
}

/** DOMPurify alone: what `sanitizeToFragment` gives for any HTML (the unit tests compare them). */
export function purifyToFragment(html: string): DocumentFragment {
	// With the config set above, DOMPurify returns a fragment (RETURN_DOM_FRAGMENT); its typings
	// only know that from a config passed in the call.
	return purify.sanitize(html) as unknown as DocumentFragment;
}

/**
 * True when DOMPurify, as configured here, would leave `root` exactly as it is: only allow-listed
 * HTML elements and text, only allow-listed attributes whose values it would neither trim, drop nor
 * rewrite, and links and buttons already as the hook above makes them. A value with `<` or `>` is
 * refused outright (DOMPurify drops some of those). DOMPurify's other checks cannot fire on such a
 * tree: its markup probe on leaf elements needs a `<` in their serialised text, which the
 * serialiser escapes in every element allowed here, and clobbering needs `form`, `id` or `name`.
 */
export function cleanFragment(root: DocumentFragment): boolean {
	for (let node: Node | null = root.firstChild; node;) {
		if (node.nodeType === Node.ELEMENT_NODE) {
			if (!cleanElement(node as Element)) return false;
		} else if (node.nodeType !== Node.TEXT_NODE) return false;
		// Depth first, without recursion: down, else along, else up and along.
		let next: Node | null = node.firstChild ?? node.nextSibling;
		for (let up: Node | null = node; !next && up && up !== root; up = up.parentNode)
			next = up.nextSibling;
		node = next;
	}
	return true;
}

function cleanElement(el: Element): boolean {
	if (el.namespaceURI !== HTML_NS || !TAGS.has(el.localName)) return false;
	for (const { name, value, namespaceURI } of el.attributes) {
		if (namespaceURI !== null || !ATTRS.has(name) || value !== value.trim()) return false;
		if (value.includes('<') || value.includes('>')) return false;
		if (!URI_SAFE.has(name) && !ALLOWED_URI_REGEXP.test(value.replace(ATTR_WHITESPACE, '')))
			return false;
	}
	if (el.localName === 'a')
		return el.hasAttribute('href')
			? el.getAttribute('target') === '_blank' && el.getAttribute('rel') === LINK_REL
			: !el.hasAttribute('target');
	return el.localName !== 'button' || el.getAttribute('type') === 'button';
}
