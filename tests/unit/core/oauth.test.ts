import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	authPageUrl,
	callbackUrlFor,
	challengeFor,
	createVerifier,
	exchangeFailure,
	isPendingSignIn,
	withoutCode,
} from '../../../src/core/oauth';

const sha256 = async (data: Uint8Array) => {
	const digest = createHash('sha256').update(data).digest();
	return digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength);
};

describe('PKCE', () => {
	it('the verifier is 43 characters of the allowed alphabet', () => {
		const verifier = createVerifier((n) => new Uint8Array(randomBytes(n)));
		expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{43}$/);
	});

	it('the S256 challenge matches RFC 7636 appendix B', async () => {
		// The RFC's own example pair.
		const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
		expect(await challengeFor(verifier, sha256)).toBe(
			'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
		);
	});

	it('the consent URL sits at the API site root and carries the callback and challenge', () => {
		const url = new URL(
			authPageUrl('https://openrouter.ai/api/v1', 'https://me.example/tools/pg/', 'abc'),
		);
		expect(url.origin + url.pathname).toBe('https://openrouter.ai/auth');
		expect(url.searchParams.get('callback_url')).toBe('https://me.example/tools/pg/');
		expect(url.searchParams.get('code_challenge')).toBe('abc');
		expect(url.searchParams.get('code_challenge_method')).toBe('S256');
	});

	it('the callback is the app address under its sub-path, without query or fragment', () => {
		expect(callbackUrlFor({ origin: 'https://me.example', pathname: '/tools/pg/' })).toBe(
			'https://me.example/tools/pg/',
		);
	});

	it('the code is removed from the address and the rest kept', () => {
		expect(withoutCode('https://me.example/pg/?code=xyz&x=1#r=abc')).toBe(
			'https://me.example/pg/?x=1#r=abc',
		);
	});

	it('only a well-formed pending record is trusted', () => {
		const verifier = 'a'.repeat(43);
		expect(isPendingSignIn({ v: 1, verifier, startedAt: 1, callbackUrl: 'x' })).toBe(true);
		expect(isPendingSignIn({ v: 1, verifier: 'short', startedAt: 1, callbackUrl: 'x' })).toBe(
			false,
		);
		expect(isPendingSignIn(null)).toBe(false);
	});

	it.each([
		[403, 'Authorization code expired', /expired/],
		[403, 'Invalid code or code_verifier', /already used/],
		[400, 'Invalid code_challenge_method', /Invalid code_challenge_method/],
		[500, '', /500/],
	])('exchange failure %i %s', (status, message, expected) => {
		expect(exchangeFailure(status, message)).toMatch(expected);
	});
});
