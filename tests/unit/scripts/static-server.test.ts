import { describe, expect, it } from 'vitest';
import { buildHeadersFile } from '../../../src/core/security/csp';
import { parseHeadersFile, ruleMatches } from '../../scripts/static-server';

describe('parseHeadersFile', () => {
	it('reads the _headers file the build writes', () => {
		const rules = parseHeadersFile(buildHeadersFile('https://openrouter.ai/api/v1'));
		expect(rules).toHaveLength(1);
		expect(rules[0]?.pattern).toBe('/*');
		const headers = Object.fromEntries(rules[0]?.headers ?? []);
		expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
		expect(headers['Content-Security-Policy']).toContain(
			"connect-src 'self' https://openrouter.ai",
		);
		expect(headers['Referrer-Policy']).toBe('no-referrer');
		expect(headers['X-Content-Type-Options']).toBe('nosniff');
	});

	it('keeps several rules apart and skips comments and blank lines', () => {
		const rules = parseHeadersFile(
			'# c\n/assets/*\n  Cache-Control: immutable\n\n/index.html\n  X-A: b: c\n',
		);
		expect(rules).toEqual([
			{ pattern: '/assets/*', headers: [['Cache-Control', 'immutable']] },
			{ pattern: '/index.html', headers: [['X-A', 'b: c']] },
		]);
	});
});

describe('ruleMatches', () => {
	it('matches splats as prefixes and other patterns exactly', () => {
		expect(ruleMatches('/*', '/assets/index.js')).toBe(true);
		expect(ruleMatches('/assets/*', '/assets/index.js')).toBe(true);
		expect(ruleMatches('/assets/*', '/index.html')).toBe(false);
		expect(ruleMatches('/index.html', '/index.html')).toBe(true);
		expect(ruleMatches('/index.html', '/other.html')).toBe(false);
	});
});
