/**
 * URL checks for untrusted model output. A link or image URL is accepted only after decoding the
 * character references a browser would decode in an attribute and removing the whitespace and control
 * characters a browser ignores in a scheme (`jav&#x09;ascript:`, `java\nscript:`), so what we check
 * is what the browser would follow. Everything else is rendered as text.
 */

const NAMED: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	colon: ':',
	tab: '\t',
	newline: '\n',
	sol: '/',
	lpar: '(',
	rpar: ')',
	nbsp: '\u00a0',
};

/** Decodes numeric and the common named character references, as an HTML attribute would. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
		if (ref[0] === '#') {
			const code =
				ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
			return Number.isFinite(code) && code > 0 && code <= 0x10ffff
				? String.fromCodePoint(code)
				: '\ufffd';
		}
		return NAMED[ref.toLowerCase()] ?? whole;
	});
}

// Browsers drop these from a URL's scheme, so `java\tscript:` is still javascript:.
const IGNORED_IN_SCHEME =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u205f\u3000\ufeff]/g;

/** The URL a browser would use, if it is absolute http(s) (and mailto: when `mail` is set); else null. */
export function safeUrl(
	raw: string,
	allow: { mail?: boolean; dataImage?: boolean } = {},
): string | null {
	const decoded = decodeEntities(raw).trim();
	const schemePart = decoded.replace(IGNORED_IN_SCHEME, '');
	let url: URL;
	try {
		url = new URL(schemePart);
	} catch {
		return null;
	}
	if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
	if (allow.mail && url.protocol === 'mailto:') return url.href;
	if (
		allow.dataImage &&
		url.protocol === 'data:' &&
		/^data:image\/(png|jpe?g|gif|webp);base64,[a-z0-9+/=]+$/i.test(schemePart)
	)
		return schemePart;
	return null;
}

/** Escapes text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

export function hostOf(url: string): string {
	try {
		return new URL(url).host || new URL(url).protocol.replace(':', '');
	} catch {
		return '';
	}
}
