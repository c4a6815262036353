/**
 * Where the key may go. The build fixes the default API and may allow a few more origins
 * (VITE_ALLOWED_API_ORIGINS); the CSP's connect-src lists exactly these, so a base URL outside the
 * list could not be reached anyway. A change is only ever made by the user in Settings.
 */
export type BaseUrlCheck =
	{ ok: true; baseUrl: string; host: string } | { ok: false; message: string };

export type StoredBaseUrlV1 = { v: 1; baseUrl: string };

export function parseOriginList(raw: string | undefined): string[] {
	return (raw ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean)
		.flatMap((part) => {
			try {
				return [new URL(part).origin];
			} catch {
				return [];
			}
		});
}

export function checkBaseUrl(input: string, allowedOrigins: readonly string[]): BaseUrlCheck {
	let url: URL;
	try {
		url = new URL(input.trim());
	} catch {
		return { ok: false, message: 'Enter a full URL, such as https://openrouter.ai/api/v1.' };
	}
	const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
		return { ok: false, message: 'The API must use https (http is allowed only on localhost).' };
	if (url.username || url.password || url.search || url.hash)
		return { ok: false, message: 'The base URL cannot carry credentials, a query or a fragment.' };
	if (!allowedOrigins.includes(url.origin))
		return {
			ok: false,
			message: `${url.host} is not in this build's list of API origins (${allowedOrigins.join(', ')}). Its Content-Security-Policy would block it; rebuild with VITE_ALLOWED_API_ORIGINS to add it.`,
		};
	return { ok: true, baseUrl: url.href.replace(/\/+$/, ''), host: url.host };
}

export function isStoredBaseUrl(value: unknown): value is StoredBaseUrlV1 {
	if (typeof value !== 'object' || value === null) return false;
	const record = value as Record<string, unknown>;
	return record.v === 1 && typeof record.baseUrl === 'string';
}

export function originOf(url: string): string {
	return new URL(url).origin;
}
