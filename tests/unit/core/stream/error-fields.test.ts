import { describe, expect, it } from 'vitest';
import { rawDetail } from '../../../../src/core/stream/error-fields';

describe('rawDetail', () => {
	it('keeps a string as sent', () => {
		const raw = '{"error":{"code":500,"message":"Internal error encountered."}}';
		expect(rawDetail({ provider_name: 'Google', raw })).toBe(raw);
	});

	it('shows an object as compact JSON, as Nebius sent it inside choices[0].error', () => {
		expect(rawDetail({ provider_name: 'Nebius', raw: { retryable: true } })).toBe(
			'{"retryable":true}',
		);
		expect(rawDetail({ raw: [1, 'two'] })).toBe('[1,"two"]');
		expect(rawDetail({ raw: 0 })).toBe('0');
	});

	it('is null when there is nothing to show', () => {
		expect(rawDetail(null)).toBeNull();
		expect(rawDetail({ provider_name: 'xAI' })).toBeNull();
		expect(rawDetail({ raw: null })).toBeNull();
		expect(rawDetail({ raw: '' })).toBeNull();
	});

	it('does not throw on a value JSON cannot hold', () => {
		const loop: Record<string, unknown> = {};
		loop.self = loop;
		expect(rawDetail({ raw: loop })).toBe('[object Object]');
	});
});
