import { parseKeyInfo, type KeyCheck } from '../core/key-info';
import { redactKeys } from '../core/security/redact';

/** Asks the API about a key before the first Send, so a bad key is reported at once. */
export async function checkKey(
	apiBaseUrl: string,
	apiKey: string,
	fetchImpl: typeof fetch = globalThis.fetch,
): Promise<KeyCheck> {
	try {
		const res = await fetchImpl(`${apiBaseUrl}/key`, {
			headers: { Authorization: `Bearer ${apiKey}` },
		});
		const body: unknown = await res.json().catch(() => null);
		if (!res.ok) {
			const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
			return {
				state: 'rejected',
				status: res.status,
				// The answer may quote the header it refused: the key is never shown.
				message: redactKeys(typeof message === 'string' ? message : res.statusText, [apiKey]),
			};
		}
		const info = parseKeyInfo(body);
		return info
			? { state: 'ok', info }
			: { state: 'unreachable', message: 'The key check returned an unexpected answer.' };
	} catch {
		return { state: 'unreachable', message: `Could not reach ${new URL(apiBaseUrl).host}.` };
	}
}
