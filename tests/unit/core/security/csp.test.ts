import { describe, expect, it } from 'vitest';
import { buildCsp, buildHeadersFile } from '../../../../src/core/security/csp';

describe('buildCsp', () => {
	it('allows scripts only from the app and connections only to the app and the API origin', () => {
		const csp = buildCsp('https://openrouter.ai/api/v1');
		expect(csp).toContain("script-src 'self'");
		expect(csp).toContain("connect-src 'self' https://openrouter.ai");
		expect(csp).not.toContain('unsafe-eval');
		expect(csp).not.toContain('frame-ancestors');
	});

	it('follows the build-time base URL', () => {
		expect(buildCsp('http://127.0.0.1:8787/api/v1')).toContain(
			"connect-src 'self' http://127.0.0.1:8787",
		);
	});

	it('the header form forbids framing and sets the other security headers', () => {
		const file = buildHeadersFile('https://openrouter.ai/api/v1');
		expect(file).toContain("frame-ancestors 'none'");
		expect(file).toContain('Referrer-Policy: no-referrer');
		expect(file).toContain('X-Content-Type-Options: nosniff');
	});
});

describe('public/_headers', () => {
	it('is the header policy for the default API (the build rewrites it for other APIs)', async () => {
		const { readFileSync } = await import('node:fs');
		const file = readFileSync(new URL('../../../../public/_headers', import.meta.url), 'utf8');
		expect(file).toBe(buildHeadersFile('https://openrouter.ai/api/v1'));
	});

	it('extra allowed origins join connect-src', () => {
		expect(
			buildCsp('https://openrouter.ai/api/v1', { extraOrigins: ['http://localhost:8787'] }),
		).toContain("connect-src 'self' https://openrouter.ai http://localhost:8787");
	});
});
