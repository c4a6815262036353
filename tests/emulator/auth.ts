import { createHash, randomBytes } from 'node:crypto';
import { envelope } from './errors';

/** Keys, key usage and OAuth PKCE codes (docs/openrouter-protocol.md#key-info, #oauth-pkce). */

const CODE_TTL_MS = 10 * 60 * 1000;

type Code = { challenge: string; method: string; expiresAt: number; used: boolean };
type KeyUsage = { usage: number; limit: number | null };

export function createAuth() {
	const codes = new Map<string, Code>();
	const issued = new Set<string>();
	const usage = new Map<string, KeyUsage>();

	const isValid = (key: string) => key.startsWith('sk-or-v1-test-') || issued.has(key);

	return {
		reset() {
			codes.clear();
			issued.clear();
			usage.clear();
		},
		/** null = authorised; otherwise the 401 the real API gives. */
		check(header: string | undefined): { status: number; body: unknown } | null {
			if (!header || !/^Bearer\s+\S/.test(header))
				// No user_id: there is no user yet (recorded: real-401-no-cookie).
				return {
					status: 401,
					body: { error: { message: 'No cookie auth credentials found', code: 401 } },
				};
			const key = header.replace(/^Bearer\s+/, '').trim();
			if (!isValid(key))
				return { status: 401, body: { error: { message: 'User not found.', code: 401 } } };
			return null;
		},
		keyOf(header: string | undefined): string {
			return (header ?? '').replace(/^Bearer\s+/, '').trim();
		},
		charge(key: string, cost: number) {
			const entry = usage.get(key) ?? { usage: 0, limit: 10 };
			entry.usage = Number((entry.usage + cost).toFixed(9));
			usage.set(key, entry);
		},
		keyInfo(key: string) {
			const entry = usage.get(key) ?? { usage: 0, limit: 10 };
			return {
				data: {
					label: `${key.slice(0, 12)}...${key.slice(-3)}`,
					limit: entry.limit,
					limit_remaining:
						entry.limit === null ? null : Number((entry.limit - entry.usage).toFixed(9)),
					limit_reset: 'monthly',
					include_byok_in_limit: false,
					usage: entry.usage,
					usage_daily: entry.usage,
					usage_weekly: entry.usage,
					usage_monthly: entry.usage,
					byok_usage: 0,
					is_free_tier: false,
					is_management_key: false,
					is_provisioning_key: false,
					creator_user_id: 'user_emulator',
					expires_at: null,
					rate_limit: {
						requests: -1,
						interval: '10s',
						note: 'This field is deprecated and safe to ignore.',
					},
				},
			};
		},
		issueCode(challenge: string, method: string, expired: boolean): string {
			const code = randomBytes(16).toString('hex');
			codes.set(code, {
				challenge,
				method,
				expiresAt: Date.now() + (expired ? -1 : CODE_TTL_MS),
				used: false,
			});
			return code;
		},
		exchange(body: unknown): { status: number; body: unknown } {
			const {
				code,
				code_verifier: verifier,
				code_challenge_method: method = 'plain',
			} = (body ?? {}) as Record<string, string>;
			const entry = code ? codes.get(code) : undefined;
			if (entry && entry.method !== method)
				return { status: 400, body: envelope(400, 'Invalid code_challenge_method') };
			if (!entry || entry.used || typeof verifier !== 'string')
				return { status: 403, body: envelope(403, 'Invalid code or code_verifier') };
			const expected =
				method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
			if (expected !== entry.challenge)
				return { status: 403, body: envelope(403, 'Invalid code or code_verifier') };
			entry.used = true;
			if (entry.expiresAt < Date.now())
				return { status: 403, body: envelope(403, 'Authorization code expired') };
			const key = `sk-or-v1-test-oauth-${randomBytes(8).toString('hex')}`;
			issued.add(key);
			return { status: 200, body: { key, user_id: 'user_emulator' } };
		},
	};
}

/** OpenRouter accepts https callbacks, and http on localhost or 127.0.0.1 at any port
 * (docs/openrouter-protocol.md#oauth-pkce). */
export function callbackAllowed(raw: string): boolean {
	try {
		const url = new URL(raw);
		return (
			url.protocol === 'https:' ||
			(url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname))
		);
	} catch {
		return false;
	}
}
