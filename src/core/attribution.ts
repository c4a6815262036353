import { headerProblem } from './http-header';

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

/** Over this a value is not a URL or a name but a mistake (or an attempt to bloat every request). */
const MAX_VALUE_CHARS = 512;

function problemOf(name: string, value: string): string | null {
	if (value.length > MAX_VALUE_CHARS)
		return `The header ${name} is longer than ${MAX_VALUE_CHARS} characters.`;
	return headerProblem(name, value);
}

/** Each header the form holds that cannot be sent, with why (naming it); empty when all can. */
export function attributionProblems(a: AttributionV1): { name: string; message: string }[] {
	if (!a.enabled) return [];
	const problems: { name: string; message: string }[] = [];
	for (const [name, value] of [
		['HTTP-Referer', a.referer.trim()],
		['X-Title', a.title.trim()],
	] as const) {
		const message = value ? problemOf(name, value) : null;
		if (message) problems.push({ name, message });
	}
	return problems;
}

/** The headers to send: a value `fetch` would refuse is left out (the form says why). */
export function attributionHeaders(a: AttributionV1): Record<string, string> {
	if (!a.enabled) return {};
	const headers: Record<string, string> = {};
	const referer = a.referer.trim();
	const title = a.title.trim();
	if (referer && !problemOf('HTTP-Referer', referer)) headers['HTTP-Referer'] = referer;
	if (title && !problemOf('X-Title', title)) headers['X-Title'] = title;
	return headers;
}
