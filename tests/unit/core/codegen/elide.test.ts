import { describe, expect, it } from 'vitest';
import {
	ELIDE_MIN_LENGTH,
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
