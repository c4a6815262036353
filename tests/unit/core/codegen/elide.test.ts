import { describe, expect, it } from 'vitest';
import {
	DISPLAY_MAX_CHARS,
	ELIDE_MIN_LENGTH,
	clipForDisplay,
	elideInlineData,
	hasInlineData,
} from '../../../../src/core/codegen/elide';

describe('elideInlineData', () => {
	const data = 'iVBORw0KGgo'.repeat(1000) + '==';

	it('shortens base64 runs and says how much it hid', () => {
		const code = `{"url": "data:image/png;base64,${data}", "text": "short"}`;
		const { text, runs, hiddenChars } = elideInlineData(code);
		expect(text).toBe(
			`{"url": "data:image/png;base64,iVBORw0KGgoiVBORw0KGgoiV…[${(data.length - 24).toLocaleString('en-US')} characters hidden]", "text": "short"}`,
		);
		expect(runs).toBe(1);
		expect(hiddenChars).toBe(data.length - 24);
		expect(hasInlineData(code)).toBe(true);
	});

	it('leaves ordinary text, and shorter runs, alone', () => {
		const code = `{"text": "${'word '.repeat(5000)}", "id": "${'a'.repeat(ELIDE_MIN_LENGTH - 1)}"}`;
		expect(elideInlineData(code)).toEqual({ text: code, runs: 0, hiddenChars: 0 });
		expect(hasInlineData(code)).toBe(false);
	});
});

describe('hasInlineData', () => {
	it('needs one unbroken run of base64 characters of the minimum length', () => {
		const run = 'aZ09+/'.repeat(ELIDE_MIN_LENGTH / 6 + 1).slice(0, ELIDE_MIN_LENGTH);
		expect(hasInlineData(`x ${run} y`)).toBe(true);
		expect(hasInlineData(`x ${run.slice(1)} y`)).toBe(false);
		expect(hasInlineData(`${run.slice(0, 100)}-${run.slice(101)}`)).toBe(false);
	});
});

describe('clipForDisplay', () => {
	it('shows a snippet up to the limit whole', () => {
		const code = 'x'.repeat(DISPLAY_MAX_CHARS);
		expect(clipForDisplay(code)).toEqual({ text: code, hiddenLines: 0 });
	});

	it('cuts a long snippet at a line end and counts the lines left out', () => {
		const code = Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\n'); // 7 chars + \n each
		const clipped = clipForDisplay(code, 20);
		expect(clipped.text).toBe('line 0\nline 1\n');
		expect(clipped.hiddenLines).toBe(8);
		expect(clipped.text + code.slice(clipped.text.length)).toBe(code);
	});

	it('does not count a final newline as a line, and cuts one long line at the limit', () => {
		expect(clipForDisplay('aaaa\nbbbb\ncccc\n', 6)).toEqual({ text: 'aaaa\n', hiddenLines: 2 });
		expect(clipForDisplay('a'.repeat(30), 10)).toEqual({ text: 'a'.repeat(10), hiddenLines: 1 });
	});

	it('keeps a 1 MB request to the limit', () => {
		const code = `${'{"role": "user", "content": "hello"},\n'.repeat(30_000)}`;
		const clipped = clipForDisplay(code);
		expect(clipped.text.length).toBeLessThanOrEqual(DISPLAY_MAX_CHARS);
		expect(clipped.hiddenLines).toBe(30_000 - clipped.text.split('\n').length + 1);
	});
});
