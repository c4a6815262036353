import { describe, expect, it } from 'vitest';
import { buildCsp, buildHeadersFile, inlineScripts } from '../../../../src/core/security/csp';

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

describe('inline scripts', () => {
	it('are listed with their exact text; scripts with a src and modules are not inline', () => {
		const html = `<head><script>a();</script><script type="module" src="./m.js"></script>
			<script src="x.js"></script><script type="module">b();</script><SCRIPT nonce="n">
c();
</SCRIPT></head>`;
		expect(inlineScripts(html)).toEqual(['a();', '\nc();\n']);
	});

	it('are allowed by their hashes in script-src, and nothing else inline is', () => {
		const csp = buildCsp('https://openrouter.ai/api/v1', { scriptHashes: ['sha256-abc='] });
		expect(csp).toContain("script-src 'self' 'sha256-abc='; ");
		expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
	});
});

describe('public/_headers', () => {
	it('is the header policy for the default API (the build rewrites it for other APIs)', async () => {
		const { readFileSync } = await import('node:fs');
		const { createHash } = await import('node:crypto');
		const file = readFileSync(new URL('../../../../public/_headers', import.meta.url), 'utf8');
		const page = readFileSync(new URL('../../../../index.html', import.meta.url), 'utf8');
		const hashes = inlineScripts(page).map(
			(text) => `sha256-${createHash('sha256').update(text).digest('base64')}`,
		);
		expect(hashes).toHaveLength(1); // the theme, before the first paint
		expect(file).toBe(buildHeadersFile('https://openrouter.ai/api/v1', [], hashes));
	});

	it('extra allowed origins join connect-src', () => {
		expect(
			buildCsp('https://openrouter.ai/api/v1', { extraOrigins: ['http://localhost:8787'] }),
		).toContain("connect-src 'self' https://openrouter.ai http://localhost:8787");
	});
});
