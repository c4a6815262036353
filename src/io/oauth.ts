import {
	PKCE_MAX_AGE_MS,
	authPageUrl,
	callbackUrlFor,
	challengeFor,
	createVerifier,
	exchangeFailure,
	isPendingSignIn,
	withoutCode,
	type PendingSignInV1,
	type SignInOutcome,
} from '../core/oauth';

const PENDING_KEY = 'openrouter-playground:pkce';

export type OAuthDeps = {
	apiBaseUrl: string;
	location?: Location;
	history?: History;
	session?: Storage;
	fetch?: typeof fetch;
	now?: () => number;
};

/** Sends the browser to OpenRouter's consent page; the verifier waits in sessionStorage. */
export async function startSignIn(deps: OAuthDeps): Promise<void> {
	const { location = window.location, session = sessionStorage, now = Date.now } = deps;
	const verifier = createVerifier((n) => crypto.getRandomValues(new Uint8Array(n)));
	const challenge = await challengeFor(verifier, (data) =>
		crypto.subtle.digest('SHA-256', data as BufferSource),
	);
	const callbackUrl = callbackUrlFor(location);
	const pending: PendingSignInV1 = { v: 1, verifier, startedAt: now(), callbackUrl };
	session.setItem(PENDING_KEY, JSON.stringify(pending));
	location.assign(authPageUrl(deps.apiBaseUrl, callbackUrl, challenge));
}

function readPending(session: Storage): PendingSignInV1 | null {
	try {
		const parsed: unknown = JSON.parse(session.getItem(PENDING_KEY) ?? 'null');
		return isPendingSignIn(parsed) ? parsed : null;
	} catch {
		return null;
	}
}

/**
 * Runs once at start-up. With `?code=` in the address: exchanges it with the stored verifier, and
 * removes the code from the address bar whatever happens. With a pending verifier but no code: the
 * user came back without approving.
 */
export async function completeSignIn(deps: OAuthDeps): Promise<SignInOutcome> {
	const {
		location = window.location,
		history = window.history,
		session = sessionStorage,
		fetch: fetchImpl = globalThis.fetch,
		now = Date.now,
	} = deps;
	const code = new URL(location.href).searchParams.get('code');
	const pending = readPending(session);
	session.removeItem(PENDING_KEY);
	if (code !== null) history.replaceState(history.state, '', withoutCode(location.href));
	if (code === null) {
		return pending
			? { kind: 'failed', message: 'Sign-in was cancelled: OpenRouter sent no authorization code.' }
			: { kind: 'none' };
	}
	if (!pending) {
		return {
			kind: 'failed',
			message:
				'Sign-in could not finish: this tab has no record of starting it (it may have been started in another tab). Please sign in again.',
		};
	}
	if (now() - pending.startedAt > PKCE_MAX_AGE_MS) {
		return { kind: 'failed', message: exchangeFailure(403, 'Authorization code expired') };
	}
	try {
		const res = await fetchImpl(`${deps.apiBaseUrl}/auth/keys`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				code,
				code_verifier: pending.verifier,
				code_challenge_method: 'S256',
			}),
		});
		const body = (await res.json().catch(() => null)) as {
			key?: unknown;
			error?: { message?: unknown };
		} | null;
		if (res.ok && typeof body?.key === 'string') return { kind: 'signed-in', key: body.key };
		const message = typeof body?.error?.message === 'string' ? body.error.message : '';
		return { kind: 'failed', message: exchangeFailure(res.status, message) };
	} catch {
		return {
			kind: 'failed',
			message: `Sign-in failed: could not reach ${new URL(deps.apiBaseUrl).host}.`,
		};
	}
}
