import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../../src/core/money';

describe('formatUsd: cents for dollars, millionths and four significant digits below', () => {
	it.each([
		[0, '$0.00'],
		[1, '$1.00'],
		[1.234, '$1.23'],
		[12.345, '$12.35'],
		[1234.5, '$1234.50'],
		[0.5, '$0.50'],
		[0.05, '$0.05'],
		[0.012, '$0.012'],
		[0.0390006, '$0.039001'],
		[0.123456789, '$0.123457'],
		[0.0012, '$0.0012'],
		[0.000123456, '$0.0001235'],
		[0.00062, '$0.00062'],
		[0.00000015, '$0.00000015'],
		[0.0000000125, '$0.0000000125'],
		[0.99996, '$0.99996'],
		[0.9999996, '$1.00'],
		[1e-13, '<$0.000000000001'],
		[-0.25, '-$0.25'],
		[-3, '-$3.00'],
	])('%s → %s', (usd, text) => {
		expect(formatUsd(usd)).toBe(text);
	});

	it('never writes an exponent, at any size', () => {
		for (let e = -12; e <= 9; e++)
			for (const m of [1, 1.5, 9.999]) expect(formatUsd(m * 10 ** e)).not.toMatch(/e/i);
	});
});
