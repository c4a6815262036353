// @vitest-environment jsdom
/**
 * The DOM side of streaming markdown (ui/output/markdown/markdown-dom.ts) in a DOM: fed an answer
 * piece by piece, the element holds what a full render of the same text gives, at every cut, for
 * every block kind that grows in place (code, table, list, paragraph) and for emphasis that never
 * closes; and whatever hostile text arrives, at any cut, nothing outside the allow-list is in it.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../src/core/render/markdown';
import { SLICE_CHARS } from '../../../../src/ui/output/markdown/highlight-dom';
import {
	CODE_PART_CHARS,
	HELD_TABLE,
	mountMarkdown,
	TABLE_CHUNK_ROWS,
	WARM_TEXT,
	warmMarkdown,
} from '../../../../src/ui/output/markdown/markdown-dom';
import { purifyToFragment, sanitizeToFragment } from '../../../../src/ui/output/markdown/sanitize';
import { XSS_GROUPS } from '../../../fixtures/xss/payloads';

/**
 * The element's content, compared as a full render would lay it out: the chunk boxes unwrapped,
 * code blocks as plain text (settled ones are highlighted), a long table held while it streams as
 * the one table it is, and no whitespace-only text between elements (rows and items are appended
 * without the line breaks a full render puts between them).
 */
function normal(root: ParentNode): string {
	const copy = document.createElement('div');
	for (const box of root.childNodes) copy.append(...[...box.cloneNode(true).childNodes]);
	for (const table of copy.querySelectorAll<HTMLTableElement>(`table.${HELD_TABLE}`)) {
		const [first, ...rest] = table.tBodies;
		for (const body of rest) first?.append(...body.childNodes);
		for (const body of rest) body.remove();
		table.removeAttribute('class');
		table.removeAttribute('style');
	}
	for (const code of copy.querySelectorAll('pre > code')) {
		code.textContent = code.textContent ?? '';
		code.classList.remove('hl');
		if (!code.classList.length) code.removeAttribute('class');
	}
	const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
	const blank: Text[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const text = node as Text;
		if (!text.data.trim() && !text.parentElement?.closest('pre')) blank.push(text);
	}
	for (const text of blank) text.remove();
	return copy.innerHTML;
}

/** A full render, sanitised by DOMPurify alone (the view's quick check must change nothing). */
function expected(text: string): string {
	const box = document.createElement('div');
	box.append(purifyToFragment(renderMarkdown(text)));
	const root = document.createElement('div');
	root.append(box);
	return normal(root);
}

/**
 * Feeds `text` to a mounted view at every cut, and calls `check` after the cuts `checkAt` picks
 * (and after the last): a check reads the whole element, so checking at every cut of a long text
 * would cost its square, where feeding costs only the new text (and jsdom is slow).
 */
function stream(
	text: string,
	step: number,
	checkAt: (index: number) => boolean,
	check: (prefix: string, root: HTMLElement) => void,
) {
	const root = document.createElement('div');
	const view = mountMarkdown(root);
	for (
		let end = 1;
		end <= text.length;
		end = end === text.length ? end + 1 : Math.min(text.length, end + step)
	) {
		const prefix = text.slice(0, end);
		view.update(prefix, end === text.length);
		if (checkAt(end) || end === text.length) check(prefix, root);
	}
	view.destroy();
}

/** About `samples` cuts of `text` to check at: evenly spread, and a quarter more at random. */
function sampled(text: string, samples: number, seed: number) {
	const every = Math.max(1, Math.floor(text.length / samples));
	const random = new Set<number>();
	let state = seed;
	for (let i = 0; i < samples / 4; i++) {
		state = (state * 1103515245 + 12345) % 2 ** 31;
		random.add(1 + (state % text.length));
	}
	return (end: number) => end % every < 3 || random.has(end);
}

const FIXTURES: Record<string, string> = {
	code: `Intro.\n\n\`\`\`ts\n${'const x = "<b>" + `t`; // ~~ | no fence\n\n'.repeat(12)}\`\`\`\n\nAfter.`,
	'long code': `\`\`\`\n${Array.from({ length: 160 }, (_, i) => `let line${i} = "<i>${i}</i>"; // ${'x'.repeat(i % 40)}`).join('\n')}\n\`\`\`\n\nAfter.`,
	table: `| n | name | value |\n| ---: | :-- | --- |\n${Array.from({ length: 8 }, (_, i) => `| ${i} | **n${i}** \\| <b onclick=x()> | \`a|b\` |\n`).join('')}\nAfter the table.`,
	// Plain-text rows (split without the lexer), odd ones among them, then one with markdown.
	'plain table': `| n | name | note |\n| ---: | :-: | --- |\n${Array.from({ length: 10 }, (_, i) => ['| 1 | "quoted" it\'s | 2.5 |', '|||', '| a | b | c | d | e |', '| only |', '|   | x |', '| café | 日本語 | #3 (ok) |', '| nul \0 here | 1 | 2 |'][i % 7]).join('\n')}\n| **b** | \`c\` | y |\n| 9 | 10 | 11 |\n\nAfter.`,
	list: `Steps:\n\n${Array.from({ length: 7 }, (_, i) => (i % 4 === 3 ? `- item ${i} **b**\n  - nested <i>${i}</i>\n` : `${'-'} item ${i} [l](https://example.org/${i}) _e_\n`)).join('')}\nAfter the list.`,
	paragraph: `${'Words with **strong**, _em_, `code` and <img src=x onerror=alert(1)> here. '.repeat(12)}and a *star that never closes`,
	paragraphs: `${'Plain words, and **strong** ones, kept when the paragraph settles. '.repeat(10)}\n\nA second paragraph.`,
	unclosed: `# Title\n\n- a\n- b\n\n> quote\n\nThe end: **this emphasis never closes, and every word after it must stay visible`,
};

describe('streamed into the DOM, the answer equals a full render', () => {
	it.each(Object.keys(FIXTURES))(
		'%s: fed at every cut (the paragraph every third), checked at about 60 of them',
		(name) => {
			const text = FIXTURES[name] as string;
			stream(
				text,
				name === 'paragraph' || name === 'long code' ? 3 : 1,
				sampled(text, 60, name.length),
				(prefix, root) => expect(normal(root), prefix.slice(-60)).toBe(expected(prefix)),
			);
		},
		// jsdom is slow, and slower beside the other test files on a 2-core machine.
		120_000,
	);
});

describe('a long open code block grows in parts', () => {
	const body = Array.from({ length: 400 }, (_, i) => `row(${i}, "${'y'.repeat(i % 50)}");`).join(
		'\n',
	);

	it('whole lines move into blocks of their own while it streams, and stay when it ends', () => {
		const root = document.createElement('div');
		const view = mountMarkdown(root, () => undefined);
		const text = `\`\`\`\n${body}\n`;
		for (let end = 8; end <= text.length; end += 37) view.update(text.slice(0, end));
		view.update(text);
		const code = root.querySelector('pre > code') as HTMLElement;
		const parts = () => [...code.querySelectorAll(':scope > .md-code-part')];
		expect(parts().length).toBeGreaterThan(3);
		for (const part of parts()) {
			// Whole lines only: each part ends with its line break, so the text reads (and is
			// selected and copied) as one.
			expect(part.textContent?.endsWith('\n')).toBe(true);
			expect(part.textContent?.length).toBeGreaterThanOrEqual(CODE_PART_CHARS - 200);
			expect(part.textContent?.length).toBeLessThan(CODE_PART_CHARS + 64);
		}
		expect(code.textContent).toBe(`${body}\n`);
		const before = parts();
		view.update(text, true);
		expect(parts()).toEqual(before);
		expect(code.textContent).toBe(`${body}\n`);
	});

	it('a closed fence colours the block part by part, a few parts a step', () => {
		const root = document.createElement('div');
		const work: (() => void)[] = [];
		const view = mountMarkdown(root, (step) => work.push(step));
		const text = `\`\`\`js\n${body}\n\`\`\`\n\nAfter.`;
		for (let end = 8; end <= text.length; end += 41) view.update(text.slice(0, end));
		view.update(text, true);
		const code = root.querySelector('pre > code.hl') as HTMLElement;
		const parts = [...code.querySelectorAll(':scope > .md-code-part')];
		expect(parts.length).toBeGreaterThan(3);
		let steps = 0;
		while (work.length) {
			const coloured = parts.filter((p) => p.querySelector('.tok-string'));
			work.shift()?.();
			steps++;
			const now = parts.filter((p) => p.querySelector('.tok-string'));
			// In order, and never more than a slice of parts at once.
			expect(now.slice(0, coloured.length)).toEqual(coloured);
			expect(now.length - coloured.length).toBeLessThanOrEqual(
				SLICE_CHARS / (CODE_PART_CHARS - 200) + 1,
			);
			expect(code.textContent).toBe(`${body}\n`);
		}
		expect(steps).toBeGreaterThan(1);
		expect(parts.every((p) => p.parentNode === code && p.querySelector('.tok-string'))).toBe(true);
		expect(code.textContent).toBe(`${body}\n`);
	});
});

describe('a long open table is held while it streams', () => {
	const rows = 2 * TABLE_CHUNK_ROWS + 37;
	const text = `| n | name |\n| ---: | --- |\n${Array.from({ length: rows }, (_, i) => `| ${i} | **r${i}** <i>x</i> |\n`).join('')}`;

	it('past a chunk of rows: bodies of a chunk each, held widths, and so when final', () => {
		const root = document.createElement('div');
		const view = mountMarkdown(root, () => undefined);
		let held = 0;
		for (let end = 1; end <= text.length; end += 29) {
			view.update(text.slice(0, end));
			const table = root.querySelector('table');
			if (!table?.classList.contains(HELD_TABLE)) continue;
			held++;
			// Every body is full but the last, and the widths are the table's own property.
			const counts = [...table.tBodies].map((body) => body.rows.length);
			expect(counts.slice(0, -1).every((n) => n === TABLE_CHUNK_ROWS)).toBe(true);
			expect(counts.at(-1)).toBeLessThanOrEqual(TABLE_CHUNK_ROWS);
			expect(table.style.getPropertyValue('--md-columns')).toMatch(/^[\d.]+px [\d.]+px$/);
			if (held % 25 === 1) expect(normal(root)).toBe(expected(text.slice(0, end)));
		}
		expect(held).toBeGreaterThan(10);
		const table = root.querySelector('table') as HTMLTableElement;
		view.update(text);
		const bodies = [...table.tBodies];
		expect(bodies.length).toBe(3);
		// Final: it stays held, nothing laid out again (as a long code block's parts stay), and it
		// reads as a full render does.
		view.update(text, true);
		expect(root.querySelector('table')).toBe(table);
		expect([...table.tBodies]).toEqual(bodies);
		expect(table.classList.contains(HELD_TABLE)).toBe(true);
		expect(normal(root)).toBe(expected(text));
	});

	it('a table of one chunk or less is never held', () => {
		const root = document.createElement('div');
		const view = mountMarkdown(root, () => undefined);
		const short = text
			.split('\n')
			.slice(0, TABLE_CHUNK_ROWS + 2)
			.join('\n');
		for (let end = 1; end <= short.length; end += 13) view.update(short.slice(0, end));
		expect(root.querySelector(`.${HELD_TABLE}`)).toBeNull();
		expect(root.querySelector('table')?.tBodies.length).toBe(1);
	});
});

const ALLOWED = new Set(
	'P BR HR H1 H2 H3 H4 H5 H6 UL OL LI BLOCKQUOTE PRE CODE EM STRONG DEL A TABLE THEAD TBODY TR TH TD DIV SPAN BUTTON'.split(
		' ',
	),
);

function unsafe(root: HTMLElement): string[] {
	const problems: string[] = [];
	for (const el of root.querySelectorAll('*')) {
		if (!ALLOWED.has(el.tagName)) problems.push(`<${el.tagName}>`);
		for (const attr of el.attributes) {
			// The view's own style: the column widths of a table it holds while it streams.
			if (attr.name === 'style' && el.matches(`table.${HELD_TABLE}`)) {
				if (!/^--md-columns: [\d.px ]*;?$/.test(attr.value)) problems.push(`style="${attr.value}"`);
				continue;
			}
			if (/^on/i.test(attr.name) || attr.name === 'style' || attr.name === 'src')
				problems.push(`${attr.name} on <${el.tagName}>`);
			if (attr.name === 'href' && !/^(https?:|mailto:)/i.test(attr.value))
				problems.push(`href="${attr.value}"`);
		}
	}
	return problems;
}

describe('hostile text fed five characters at a time leaves nothing outside the allow-list', () => {
	it.each(Object.keys(XSS_GROUPS))(
		'%s',
		(group) => {
			const payloads = XSS_GROUPS[group] as string[];
			// Inside a table and a list too (the first few), where rows and items are added in place.
			const few = payloads.slice(0, 6).map((p) => p.replace(/\n/g, ' '));
			const text = [
				payloads.join('\n\n'),
				`| a | b |\n| - | - |\n${few.map((p) => `| ${p.replace(/\|/g, '\\|')} | x |`).join('\n')}`,
				few.map((p) => `- ${p}`).join('\n'),
			].join('\n\n');
			stream(text, 5, sampled(text, 60, group.length), (prefix, root) =>
				expect(unsafe(root), prefix.slice(-80)).toEqual([]),
			);
		},
		// jsdom is slow, and slower beside the other test files on a 2-core machine.
		120_000,
	);

	it('the sanitiser itself keeps only the allow-list (the renderer is not its only lock)', () => {
		const fragment = sanitizeToFragment(
			'<p onclick="x()">a<img src=x onerror=y()><script>z()</script><a href="javascript:w()">l</a><a href="https://example.org/">ok</a><button>b</button></p>',
		);
		const root = document.createElement('div');
		root.append(fragment);
		expect(unsafe(root)).toEqual([]);
		expect(root.innerHTML).toBe(
			'<p>a<a>l</a><a href="https://example.org/" target="_blank" rel="noopener noreferrer nofollow">ok</a><button type="button">b</button></p>',
		);
	});

	it('the warm-up text takes every path a first answer may: each block kind, grown and final', () => {
		const root = document.createElement('div');
		const view = mountMarkdown(root, () => undefined);
		view.update(WARM_TEXT, true);
		for (const selector of [
			'h1',
			'p strong',
			'p em',
			'p del',
			'p code',
			'p a',
			'ul > li em',
			'ol > li',
			'blockquote',
			'table td code',
			'pre > code.language-ts',
		])
			expect(root.querySelector(selector), selector).not.toBeNull();
		// Warming renders off the page and leaves nothing behind.
		const before = document.body.innerHTML;
		warmMarkdown();
		expect(document.body.innerHTML).toBe(before);
	});
});
