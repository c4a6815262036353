import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHeadersFile } from '../../../src/core/security/csp';
import { parseHeadersFile, ruleMatches, startStaticServer } from '../../scripts/static-server';

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

describe('startStaticServer', () => {
	const open: { server: Server; root: string }[] = [];
	afterEach(async () => {
		for (const { server, root } of open.splice(0)) {
			await new Promise((resolve) => server.close(resolve));
			rmSync(root, { recursive: true, force: true });
		}
	});

	async function serve(headersFile?: boolean, spa?: boolean) {
		const root = mkdtempSync(join(tmpdir(), 'static-server-'));
		mkdirSync(join(root, 'assets'));
		writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
		writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1);');
		writeFileSync(join(root, '_headers'), '/*\n  X-Frame-Options: DENY\n');
		const server = await startStaticServer({ root, base: '/tools/', headersFile, spa });
		open.push({ server, root });
		const { port } = server.address() as AddressInfo;
		return { root, url: (path: string) => `http://127.0.0.1:${port}/tools/${path}` };
	}

	it('sends what _headers says, or nothing of it when told to', async () => {
		const withRules = await serve();
		expect(await fetch(withRules.url(''))).toMatchObject({ status: 200 });
		expect((await fetch(withRules.url(''))).headers.get('x-frame-options')).toBe('DENY');
		const without = await serve(false);
		const bare = await fetch(without.url(''));
		expect(bare.status).toBe(200);
		expect(bare.headers.get('x-frame-options')).toBeNull();
		expect(await bare.text()).toContain('<title>app</title>');
	});

	it('gzips when asked, and serves a file changed on disk anew', async () => {
		const { root, url } = await serve();
		// The raw bytes (fetch would undo the gzip itself).
		const get = (gzip: boolean) =>
			new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) =>
				httpGet(
					url('assets/app.js'),
					{ headers: { 'accept-encoding': gzip ? 'gzip' : 'identity' } },
					(res) => {
						const parts: Buffer[] = [];
						res.on('data', (part: Buffer) => parts.push(part));
						res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(parts) }));
					},
				).on('error', reject),
			);
		const text = async (gzip: boolean) => {
			const { headers, body } = await get(gzip);
			expect(headers['content-encoding']).toBe(gzip ? 'gzip' : undefined);
			return (gzip ? gunzipSync(body) : body).toString();
		};
		expect(await text(true)).toBe('console.log(1);');
		expect(await text(false)).toBe('console.log(1);');
		const file = join(root, 'assets', 'app.js');
		writeFileSync(file, 'console.log(2);');
		utimesSync(file, new Date(), new Date(Date.now() + 5000));
		expect(await text(false)).toBe('console.log(2);');
		expect(await text(true)).toBe('console.log(2);');
	});
	it('answers 404 outside the base and for a path that climbs out of the root', async () => {
		const { url } = await serve();
		expect((await fetch(url('missing.js'))).status).toBe(404);
		expect((await fetch(url('..%2f..%2fetc%2fpasswd'))).status).toBe(404);
		expect((await fetch(url('').replace('/tools/', '/other/'))).status).toBe(404);
	});
});

describe('startStaticServer as a single-page host', () => {
	it('answers a path that is no file with index.html, but never one outside the root', async () => {
		const root = mkdtempSync(join(tmpdir(), 'static-server-'));
		writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
		const server = await startStaticServer({ root, spa: true });
		try {
			const { port } = server.address() as AddressInfo;
			const missing = await fetch(`http://127.0.0.1:${port}/signin-return?token=x`);
			expect(missing.status).toBe(200);
			expect(await missing.text()).toContain('<title>app</title>');
			expect((await fetch(`http://127.0.0.1:${port}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
		} finally {
			await new Promise((resolve) => server.close(resolve));
			rmSync(root, { recursive: true, force: true });
		}
	});
});
