// @vitest-environment jsdom
/**
 * The sanitiser's quick path (ui/output/markdown/sanitize.ts): HTML that DOMPurify would leave as
 * it is skips DOMPurify, and gives the very tree DOMPurify gives; anything DOMPurify would change,
 * however little, goes through DOMPurify.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../src/core/render/markdown';
import {
	cleanFragment,
	purifyToFragment,
	sanitizeToFragment,
} from '../../../../src/ui/output/markdown/sanitize';
import { XSS_GROUPS } from '../../../fixtures/xss/payloads';

const parsed = (html: string) => {
	const template = document.createElement('template');
	template.innerHTML = html;
	return template.content;
};
const htmlOf = (fragment: DocumentFragment) => {
	const box = document.createElement('div');
	box.append(fragment);
	return box.innerHTML;
};

const RENDERED = [
	'Some **strong**, _em_, ~~del~~, `code <b>` and a [link](https://example.org/a?b=1&c=2 "a title").',
	'| a | b |\n| :- | -: |\n| 1 | **2** |\n| <b onclick=x()> | `|` |',
	'- one\n- two [mail](mailto:someone@example.org)\n  - nested\n\n3. three\n4. four',
	'```ts\nconst x = "<script>x()</script>";\n```',
	'> quote with ![an image](https://example.org/i.png) and ![data](data:image/png;base64,AAAA)',
	'# Heading\n\n---\n\nline  \nbreak and <img src=x onerror=alert(1)> as text',
];

describe('the quick path', () => {
	it.each(RENDERED)('takes rendered markdown as it is, equal to DOMPurify: %s', (text) => {
		const html = renderMarkdown(text);
		expect(cleanFragment(parsed(html))).toBe(true);
		expect(htmlOf(sanitizeToFragment(html))).toBe(htmlOf(purifyToFragment(html)));
	});

	it.each([
		['a disallowed element', '<p>a<img src="x">b</p>'],
		['an event handler', '<p onclick="x()">a</p>'],
		['a script', '<script>x()</script>'],
		['a comment', '<p>a<!-- b --></p>'],
		[
			'a javascript: link',
			'<a href="javascript:x()" target="_blank" rel="noopener noreferrer nofollow">l</a>',
		],
		['a link without the rel the hook sets', '<a href="https://example.org/">l</a>'],
		['a target without a link', '<a target="_blank">l</a>'],
		['a button without type="button"', '<button>b</button>'],
		[
			'an attribute DOMPurify trims',
			'<a href="https://example.org/" title=" t" target="_blank" rel="noopener noreferrer nofollow">l</a>',
		],
		['a value breaking out of markup', '<span title="--&gt;">x</span>'],
		['an attribute not allowed', '<span style="color:red" id="x">x</span>'],
		[
			'svg',
			'<svg><a href="https://example.org/" target="_blank" rel="noopener noreferrer nofollow">l</a></svg>',
		],
		['math', '<math><mi>x</mi></math>'],
		['a template', '<template><p>x</p></template>'],
		['a form', '<form><p>x</p></form>'],
	])('hands %s to DOMPurify', (_, html) => {
		expect(cleanFragment(parsed(html))).toBe(false);
		expect(htmlOf(sanitizeToFragment(html))).toBe(htmlOf(purifyToFragment(html)));
	});

	it('gives DOMPurify’s tree for every hostile payload, raw and rendered', () => {
		for (const payload of Object.values(XSS_GROUPS).flat())
			for (const html of [payload, renderMarkdown(payload)])
				expect(htmlOf(sanitizeToFragment(html)), html).toBe(htmlOf(purifyToFragment(html)));
	});
});
