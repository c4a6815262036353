// @vitest-environment jsdom
/**
 * Highlighting rendered code blocks (ui/output/markdown/highlight-dom.ts): a long block is coloured
 * a slice per step, its text unchanged at every step, ending as the whole block coloured at once
 * would be; unhighlighting it midway stops the rest.
 */
import { describe, expect, it } from 'vitest';
import { highlight } from '../../../../src/core/codegen/highlight';
import {
	highlightCode,
	SLICE_CHARS,
	unhighlightCode,
} from '../../../../src/ui/output/markdown/highlight-dom';

const LINE = 'const x = "a <b> string"; // comment 42\n';

function block(text: string): HTMLElement {
	const root = document.createElement('div');
	const pre = document.createElement('pre');
	const code = document.createElement('code');
	code.className = 'language-ts';
	// Streamed code arrives as more than one text node.
	code.append(text.slice(0, 7), text.slice(7));
	pre.append(code);
	root.append(pre);
	return root;
}

/** A scheduler the test runs by hand. */
function queue() {
	const jobs: (() => void)[] = [];
	return { schedule: (job: () => void) => void jobs.push(job), jobs };
}

describe('highlightCode', () => {
	it('colours a short block at once', () => {
		const root = block(LINE.repeat(3));
		const { schedule, jobs } = queue();
		highlightCode(root, schedule);
		expect(jobs).toHaveLength(0);
		expect(root.querySelectorAll('span.tok-keyword')).toHaveLength(3);
	});

	it("colours a long block a slice per step, into the highlighter's tokens", () => {
		const text = LINE.repeat(Math.ceil((SLICE_CHARS * 3.5) / LINE.length));
		const root = block(text);
		const { schedule, jobs } = queue();
		highlightCode(root, schedule);
		const code = root.querySelector('code') as HTMLElement;
		let steps = 0;
		while (jobs.length) {
			(jobs.shift() as () => void)();
			steps++;
			expect(code.textContent).toBe(text);
			if (jobs.length) expect(code.lastChild?.nodeType).toBe(Node.TEXT_NODE);
		}
		expect(steps).toBe(4);
		const kinds = [...code.childNodes].map((n) => [
			n instanceof Element ? n.className.replace('tok-', '') : 'plain',
			n.textContent,
		]);
		expect(kinds).toEqual(highlight(text, 'typescript').map((t) => [t.kind, t.text]));
		expect(code.querySelectorAll('span.tok-keyword')).toHaveLength(text.split('\n').length - 1);
	});

	it('stops when the block is made plain again to grow', () => {
		const text = LINE.repeat(Math.ceil((SLICE_CHARS * 3) / LINE.length));
		const root = block(text);
		const { schedule, jobs } = queue();
		highlightCode(root, schedule);
		(jobs.shift() as () => void)();
		unhighlightCode(root);
		const code = root.querySelector('code') as HTMLElement;
		code.append('more');
		while (jobs.length) (jobs.shift() as () => void)();
		expect(code.childNodes).toHaveLength(2);
		expect(code.textContent).toBe(`${text}more`);
		expect(code.querySelector('span')).toBeNull();
	});
});
