import { describe, expect, it } from 'vitest';
import { checkBaseUrl, parseOriginList } from '../../../src/core/api-origin';

const ALLOWED = ['https://openrouter.ai', 'http://localhost:8787'];

describe('checkBaseUrl', () => {
	it.each([
		['https://openrouter.ai/api/v1/', 'https://openrouter.ai/api/v1'],
		['  http://localhost:8787/api/v1 ', 'http://localhost:8787/api/v1'],
	])('accepts %j', (input, baseUrl) => {
		expect(checkBaseUrl(input, ALLOWED)).toMatchObject({ ok: true, baseUrl });
	});

	it.each([
		['not a url', 'full URL'],
		['http://openrouter.ai/api/v1', 'https'],
		['https://user:pw@openrouter.ai/api/v1', 'credentials'],
		['https://openrouter.ai/api/v1?key=x', 'query'],
		['https://evil.example/api/v1', "evil.example is not in this build's list"],
		['javascript:alert(1)', 'https'],
		['https://openrouter.ai.evil.example/api/v1', 'not in this build'],
	])('refuses %j', (input, reason) => {
		const check = checkBaseUrl(input, ALLOWED);
		expect(check.ok).toBe(false);
		expect(check.ok ? '' : check.message).toContain(reason);
	});
});

describe('parseOriginList', () => {
	it('keeps origins only and drops junk', () => {
		expect(parseOriginList(' https://a.example/x , nope, http://localhost:1/api ,')).toEqual([
			'https://a.example',
			'http://localhost:1',
		]);
		expect(parseOriginList(undefined)).toEqual([]);
	});
});
