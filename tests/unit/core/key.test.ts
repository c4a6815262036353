import { describe, expect, it } from 'vitest';
import { cleanKey, isStoredKey, looksLikeOpenRouterKey, maskKey } from '../../../src/core/key';

describe('maskKey', () => {
	it.each([
		['sk-or-v1-test-fake-cdef', 'sk-or-…cdef'],
		['short', '…hort'],
		['other-provider-key-1234', 'oth…1234'],
	])('%s → %s', (key, masked) => {
		expect(maskKey(key)).toBe(masked);
	});
});

describe('cleanKey', () => {
	it.each([
		['  sk-or-v1-abc  ', 'sk-or-v1-abc'],
		['Bearer sk-or-v1-abc', 'sk-or-v1-abc'],
		['', null],
		['sk-or v1', null],
	])('%j → %j', (input, cleaned) => {
		expect(cleanKey(input)).toBe(cleaned);
	});
});

describe('isStoredKey', () => {
	it('accepts only version 1 records with a key', () => {
		expect(isStoredKey({ v: 1, key: 'k', savedAt: 1 })).toBe(true);
		expect(isStoredKey({ v: 2, key: 'k' })).toBe(false);
		expect(isStoredKey({ v: 1, key: '' })).toBe(false);
		expect(isStoredKey('sk-or-v1-raw')).toBe(false);
	});
});

describe('looksLikeOpenRouterKey', () => {
	it.each([
		['sk-or-v1-test-fake-long-key-used-only-in-tests-not-a-secret-0000000000', true],
		['sk-or-v1-test-playground-e2e-0001', true],
		['hello', false],
		['sk-or-', false],
		['sk-proj-test-fake-0000', false],
		['sk-or-v1-abc/def+ghi', false],
	])('%s → %s', (key, expected) => {
		expect(looksLikeOpenRouterKey(key)).toBe(expected);
	});
});
