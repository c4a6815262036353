/**
 * OAuth PKCE (S256) for "Sign in with OpenRouter", the pure half: verifier, challenge, URLs. Facts:
 * docs/openrouter-protocol.md#oauth-pkce (verifier 43–128 chars of [A-Za-z0-9-._~], challenge
 * base64url(SHA-256(verifier)) without padding, code exchanged at POST /auth/keys).
 */
import { base64url } from './base64url';

export { base64url };

export type PendingSignInV1 = { v: 1; verifier: string; startedAt: number; callbackUrl: string };

/** Codes expire after 10 minutes at OpenRouter; a verifier older than that cannot succeed. */
export const PKCE_MAX_AGE_MS = 10 * 60 * 1000;

/** 32 random bytes → 43 base64url characters, as the official SDK does. */
export function createVerifier(randomBytes: (length: number) => Uint8Array): string {
	return base64url(randomBytes(32));
}

export async function challengeFor(
	verifier: string,
	sha256: (data: Uint8Array) => Promise<ArrayBuffer>,
): Promise<string> {
	return base64url(new Uint8Array(await sha256(new TextEncoder().encode(verifier))));
}

/** The site root of the API (`https://openrouter.ai`), where the `/auth` consent page lives. */
export function authPageUrl(apiBaseUrl: string, callbackUrl: string, challenge: string): string {
	const url = new URL('/auth', new URL(apiBaseUrl).origin);
	url.searchParams.set('callback_url', callbackUrl);
	url.searchParams.set('code_challenge', challenge);
	url.searchParams.set('code_challenge_method', 'S256');
	return url.href;
}

/** The app's own address without query or fragment: works at the root and under a sub-path. */
export function callbackUrlFor(location: { origin: string; pathname: string }): string {
	return `${location.origin}${location.pathname}`;
}

export function isPendingSignIn(value: unknown): value is PendingSignInV1 {
	if (typeof value !== 'object' || value === null) return false;
	const record = value as Record<string, unknown>;
	return (
		record.v === 1 &&
		typeof record.verifier === 'string' &&
		/^[A-Za-z0-9\-._~]{43,128}$/.test(record.verifier) &&
		typeof record.startedAt === 'number' &&
		typeof record.callbackUrl === 'string'
	);
}

/** The address bar after the callback, with `code` removed and everything else kept. */
export function withoutCode(href: string): string {
	const url = new URL(href);
	url.searchParams.delete('code');
	return url.href;
}

export type SignInOutcome =
	{ kind: 'none' } | { kind: 'signed-in'; key: string } | { kind: 'failed'; message: string };

/** A user-facing message for each way the code exchange fails (see the facts above). */
export function exchangeFailure(status: number, apiMessage: string): string {
	if (/expired/i.test(apiMessage))
		return 'Sign-in failed: the authorization code expired. Please sign in again.';
	if (status === 403)
		return 'Sign-in failed: OpenRouter did not accept the code (it was already used, or it belongs to another sign-in). Please sign in again.';
	if (status === 400)
		return `Sign-in failed: ${apiMessage || 'the request was rejected'}. Please sign in again.`;
	return `Sign-in failed (${status}): ${apiMessage || 'unexpected answer'}.`;
}
