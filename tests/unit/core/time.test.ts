import { describe, expect, it } from 'vitest';
import { isoTime, shortTime } from '../../../src/core/time';

// Local dates, so the test holds in any time zone the machine is set to.
const at = (...parts: [number, number, number, number, number]) => new Date(...parts).getTime();

describe('shortTime', () => {
	it('is the clock alone on the day it is shown, padded to two digits', () => {
		expect(shortTime(at(2026, 11, 7, 9, 5), at(2026, 11, 7, 23, 59))).toBe('09:05');
		expect(shortTime(at(2026, 11, 7, 0, 0), at(2026, 11, 7, 0, 1))).toBe('00:00');
		expect(shortTime(at(2026, 11, 7, 14, 30), at(2026, 11, 7, 14, 30))).toBe('14:30');
	});

	it('adds the date on any other day, in the same month and day of another year too', () => {
		expect(shortTime(at(2026, 11, 6, 23, 59), at(2026, 11, 7, 0, 0))).toBe('2026-12-06 23:59');
		expect(shortTime(at(2025, 11, 7, 8, 0), at(2026, 11, 7, 8, 0))).toBe('2025-12-07 08:00');
		expect(shortTime(at(2026, 0, 7, 8, 0), at(2026, 11, 7, 8, 0))).toBe('2026-01-07 08:00');
		// A time after now (a clock set back) is dated too.
		expect(shortTime(at(2026, 11, 8, 1, 2), at(2026, 11, 7, 8, 0))).toBe('2026-12-08 01:02');
	});

	it('is empty for a time that is none', () => {
		expect(shortTime(Number.NaN)).toBe('');
		expect(shortTime(8.64e15 + 1)).toBe('');
	});
});

describe('isoTime', () => {
	it('is the ISO form of a valid time and undefined otherwise', () => {
		expect(isoTime(Date.UTC(2026, 11, 7, 14, 5))).toBe('2026-12-07T14:05:00.000Z');
		expect(isoTime(Number.NaN)).toBeUndefined();
	});
});
