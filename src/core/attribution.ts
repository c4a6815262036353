/**
 * App attribution (docs/openrouter-protocol.md#request-headers): `HTTP-Referer` (the app's URL, its
 * id on openrouter.ai) and `X-Title` (its display name; `X-OpenRouter-Title` is the newer name,
 * `X-Title` is still accepted). Off unless the user turns it on; values default to this app's
 * address and name.
 */
export type AttributionV1 = { v: 1; enabled: boolean; referer: string; title: string };

export const APP_TITLE = 'OpenRouter Playground';

/** The attribution header names a request may carry (a curl import keeps these and no others). */
export const ATTRIBUTION_HEADERS: readonly string[] = [
	'HTTP-Referer',
	'X-OpenRouter-Title',
	'X-Title',
];

export function defaultAttribution(appUrl: string): AttributionV1 {
	return { v: 1, enabled: false, referer: appUrl, title: APP_TITLE };
}

export function readAttribution(value: unknown): AttributionV1 | null {
	if (typeof value !== 'object' || value === null) return null;
	const r = value as Record<string, unknown>;
	if (r.v !== 1 || typeof r.enabled !== 'boolean') return null;
	if (typeof r.referer !== 'string' || typeof r.title !== 'string') return null;
	return { v: 1, enabled: r.enabled, referer: r.referer, title: r.title };
}

/** Header values must be one line of visible ASCII-ish text; anything else is left out. */
const SAFE = /^[\t\x20-\x7e\u00a0-\uffff]{1,512}$/;

export function attributionHeaders(a: AttributionV1): Record<string, string> {
	if (!a.enabled) return {};
	const headers: Record<string, string> = {};
	const referer = a.referer.trim();
	const title = a.title.trim();
	if (SAFE.test(referer)) headers['HTTP-Referer'] = referer;
	// fetch rejects non-Latin-1 header values; the name is kept only when it can be sent.
	if (SAFE.test(title) && /^[\x20-\xff]*$/.test(title)) headers['X-Title'] = title;
	return headers;
}
