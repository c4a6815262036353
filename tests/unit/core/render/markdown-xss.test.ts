/**
 * Reasoning summaries and citation excerpts go through the answer's markdown renderer
 * (ui/output/markdown/MarkdownView.svelte): whatever hostile text a model or a search result puts
 * there, whole or streamed piece by piece, comes out as HTML with only the allowed tags and
 * attributes, no event handler and no link but http(s) or mailto. (The UI then sanitises again.)
 */
import { describe, expect, it } from 'vitest';
import { MarkdownStream, renderMarkdown } from '../../../../src/core/render/markdown';
import { XSS_GROUPS } from '../../../fixtures/xss/payloads';

const TAGS = new Set(
	'p br hr h1 h2 h3 h4 h5 h6 ul ol li blockquote pre code em strong del a table thead tbody tr th td div span button'.split(
		' ',
	),
);
const ATTRIBUTES = new Set(['href', 'title', 'target', 'rel', 'class', 'data-src', 'data-alt']);
const ATTRIBUTES_TOO = new Set(['aria-label', 'type', 'align', 'start']);

function problemsIn(html: string): string[] {
	const problems: string[] = [];
	for (const [, name = '', attrs = ''] of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
		if (!TAGS.has(name.toLowerCase())) problems.push(`<${name}>`);
		for (const [, attr = '', value = ''] of attrs.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) {
			if (!ATTRIBUTES.has(attr) && !ATTRIBUTES_TOO.has(attr)) problems.push(`${attr} on <${name}>`);
			if (attr === 'href' && !/^(https?:|mailto:)/.test(value)) problems.push(`href="${value}"`);
		}
	}
	return problems;
}

describe('hostile reasoning and excerpts render inert', () => {
	for (const [group, payloads] of Object.entries(XSS_GROUPS)) {
		const text = `**Thinking** about it:\n\n${payloads.join('\n\n')}`;

		it(`${group}: rendered whole`, () => {
			const html = renderMarkdown(text);
			expect(problemsIn(html)).toEqual([]);
			expect(html).toContain('<strong>Thinking</strong>');
		});

		it(`${group}: streamed in small pieces`, () => {
			const stream = new MarkdownStream();
			for (let end = 1; end <= text.length; end += 7) {
				const update = stream.update(text.slice(0, end));
				const tail = update.tail;
				const pieces = [
					update.settled,
					tail.kind === 'html' ? tail.html : '',
					tail.kind === 'rows' ? tail.rows + tail.live : '',
					tail.kind === 'items' ? tail.items + tail.live : '',
					tail.kind === 'inline' ? tail.frozen + tail.live : '',
				];
				for (const piece of pieces) expect(problemsIn(piece)).toEqual([]);
			}
		});
	}
});
