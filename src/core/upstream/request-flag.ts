/**
 * "Include in code": writes `debug: { echo_upstream_body: true }` into the request text itself (so
 * snippets and links carry it because the request does), or takes it out again. Null when the text
 * is not a JSON object: the user's text is never replaced by something it was not.
 */
import { requestJson } from '../request/request-json';
export function setDebugEcho(text: string, on: boolean): string | null {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return null;
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
	const request = { ...(value as Record<string, unknown>) };
	const debug =
		typeof request.debug === 'object' && request.debug !== null && !Array.isArray(request.debug)
			? { ...(request.debug as Record<string, unknown>) }
			: {};
	if (on) request.debug = { ...debug, echo_upstream_body: true };
	else {
		delete debug.echo_upstream_body;
		if (Object.keys(debug).length > 0) request.debug = debug;
		else delete request.debug;
	}
	return requestJson(request);
}

export function hasDebugEcho(body: Record<string, unknown> | null): boolean {
	const debug = body?.debug as { echo_upstream_body?: unknown } | undefined;
	return debug?.echo_upstream_body === true;
}
