import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MarkdownStream, renderMarkdown } from '../../../../src/core/render/markdown';

const CORPUS = readFileSync(
	new URL('../../../fixtures/markdown/corpus.txt', import.meta.url),
	'utf8',
);

/** Feeds `text` in pieces and returns the HTML the DOM would hold after each piece. */
function feed(text: string, cuts: number[]): { prefix: string; html: string }[] {
	const stream = new MarkdownStream();
	let settled = '';
	const out: { prefix: string; html: string }[] = [];
	for (const end of cuts) {
		const prefix = text.slice(0, end);
		const update = stream.update(prefix);
		if (update.reset) settled = '';
		settled += update.settled;
		out.push({ prefix, html: settled + update.tail });
	}
	return out;
}

function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('incremental markdown', () => {
	it('equals a full render at every prefix, one character at a time', () => {
		const cuts = Array.from({ length: CORPUS.length }, (_, i) => i + 1);
		for (const { prefix, html } of feed(CORPUS, cuts))
			expect(html, prefix).toBe(renderMarkdown(prefix));
	});

	it.each([1, 7, 2025])('equals a full render at random cuts (seed %i)', (seed) => {
		const next = seeded(seed);
		const cuts: number[] = [];
		for (let at = 0; at < CORPUS.length;)
			cuts.push((at = Math.min(CORPUS.length, at + 1 + Math.floor(next() * 40))));
		for (const { prefix, html } of feed(CORPUS, cuts))
			expect(html, prefix).toBe(renderMarkdown(prefix));
	});

	it('settles blocks so later updates do not re-parse them', () => {
		const stream = new MarkdownStream();
		const first = stream.update('# Title\n\nFirst paragraph.\n\nSecond');
		expect(first.settled).toContain('<h1>Title</h1>');
		expect(first.settled).toContain('First paragraph.');
		expect(first.tail).toBe('<p>Second</p>\n');
		const settledAt = stream.settledLength;
		const next = stream.update('# Title\n\nFirst paragraph.\n\nSecond grows');
		expect(next.settled).toBe('');
		expect(next.tail).toBe('<p>Second grows</p>\n');
		expect(stream.settledLength).toBe(settledAt);
	});

	it('starts again when the text is replaced', () => {
		const stream = new MarkdownStream();
		stream.update('one\n\ntwo');
		const update = stream.update('other');
		expect(update.reset).toBe(true);
		expect(update.settled + update.tail).toBe('<p>other</p>\n');
	});

	it('costs the open block, not the whole answer', () => {
		const stream = new MarkdownStream();
		let text = '';
		for (let i = 0; i < 2000; i++) {
			text += `Paragraph ${i} with some words.\n\n`;
			stream.update(text);
		}
		expect(text.length - stream.settledLength).toBeLessThan(40);
	});
});

describe('untrusted markdown stays inert', () => {
	const html = renderMarkdown(CORPUS);

	it('shows raw HTML as text', () => {
		expect(html).not.toMatch(/<script|<img|<div>|<b /i);
		expect(html).toContain('&lt;b onclick=&quot;x()&quot;&gt;');
	});

	it('keeps only http(s) and mailto links, opening in a new tab without opener or referrer', () => {
		const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
		expect(hrefs.length).toBeGreaterThan(2);
		for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:)/);
		for (const a of html.match(/<a [^>]*>/g) ?? [])
			expect(a).toContain('rel="noopener noreferrer nofollow"');
		expect(html).not.toMatch(/javascript:alert\(\d\)"/);
	});

	it.each([
		'[x](javascript:alert(1))',
		'[x](JaVaScRiPt:alert(1))',
		'[x](jav&#x09;ascript:alert(1))',
		'[x](jav&#97;script:alert(1))',
		'[x](&#106;avascript:alert(1))',
		'[x](java\tscript:alert(1))',
		'[x](vbscript:msgbox(1))',
		'[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
		'<javascript:alert(1)>',
		'<vbscript:alert(1)>',
		'[x](  javascript:alert(1))',
		'[x](<javascript:alert(1)>)',
		'[x](/relative)',
		'[x](//attacker.example/)',
	])('%s is not a link', (text) => {
		expect(renderMarkdown(text)).not.toContain('href');
	});

	it('turns images into a click-to-load placeholder, never an <img>', () => {
		const out = renderMarkdown('![beacon](https://attacker.example/p.gif?k=1)');
		expect(out).not.toContain('<img');
		expect(out).toContain('data-src="https://attacker.example/p.gif?k=1"');
		expect(out).toContain('attacker.example');
		expect(renderMarkdown('![x](javascript:alert(1))')).not.toContain('data-src');
	});

	it('renders task boxes as text and code blocks with a copy button', () => {
		expect(renderMarkdown('- [x] done')).not.toContain('<input');
		const code = renderMarkdown('```js\n<b>&</b>\n```');
		expect(code).toContain('class="md-copy"');
		expect(code).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
	});
});
