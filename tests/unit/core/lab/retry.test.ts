import { describe, expect, it } from 'vitest';
import {
	BACKOFF_CAP_MS,
	backoffDelay,
	headerDelay,
	retryDelay,
} from '../../../../src/core/lab/retry';

const NOW = Date.parse('2025-10-07T14:00:00Z');

describe('headerDelay', () => {
	it.each<[string, [string, string][], number | null]>([
		['Retry-After in seconds', [['Retry-After', '3']], 3000],
		['Retry-After with a fraction', [['retry-after', ' 1.5 ']], 1500],
		['Retry-After as an HTTP date', [['Retry-After', 'Tue, 07 Oct 2025 14:00:20 GMT']], 20_000],
		['Retry-After in the past', [['Retry-After', 'Tue, 07 Oct 2025 13:00:00 GMT']], 0],
		['X-RateLimit-Reset in epoch ms', [['X-RateLimit-Reset', String(NOW + 4200)]], 4200],
		['X-RateLimit-Reset in epoch seconds', [['x-ratelimit-reset', String(NOW / 1000 + 9)]], 9000],
		['X-RateLimit-Reset passed', [['X-RateLimit-Reset', String(NOW - 5)]], 0],
		[
			'Retry-After before X-RateLimit-Reset',
			[
				['X-RateLimit-Reset', String(NOW + 9000)],
				['Retry-After', '2'],
			],
			2000,
		],
		[
			'an unreadable Retry-After falls back to the reset',
			[
				['Retry-After', 'soon'],
				['X-RateLimit-Reset', String(NOW + 100)],
			],
			100,
		],
		['nothing useful', [['X-RateLimit-Remaining', '0']], null],
		['no headers', [], null],
		['a negative number', [['Retry-After', '-3']], null],
	])('%s', (_name, headers, delay) => {
		expect(headerDelay(headers, NOW)).toBe(delay);
	});
});

describe('backoffDelay', () => {
	it('doubles from one second up to the cap', () => {
		expect([0, 1, 2, 3, 4, 5, 6, 7, 100].map(backoffDelay)).toEqual([
			1000,
			1000,
			2000,
			4000,
			8000,
			16_000,
			BACKOFF_CAP_MS,
			BACKOFF_CAP_MS,
			BACKOFF_CAP_MS,
		]);
	});
});

describe('retryDelay', () => {
	it('takes the headers when they say something, else backs off by attempt', () => {
		expect(retryDelay([['Retry-After', '7']], NOW, 3)).toBe(7000);
		expect(retryDelay([], NOW, 3)).toBe(4000);
	});
});
