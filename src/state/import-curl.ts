import { importCurl } from '../core/codegen/curl-import';
import { originOf } from '../core/api-origin';
import type { Playground } from './playground.svelte';
import type { Settings } from './settings.svelte';
import { requestJson } from '../core/request/request-json';

export type ImportOutcome = { ok: true } | { ok: false; message: string };

/**
 * Loads a pasted curl command into the editor: its body becomes the request text and its
 * attribution headers are kept for Send and the snippets. A key in it is dropped, never stored or
 * shown, and the notice says so. Nothing is sent.
 */
export function importCurlCommand(
	playground: Playground,
	settings: Settings,
	command: string,
): ImportOutcome {
	const result = importCurl(command);
	if (!result.ok) return result;
	const { body, headers, baseUrl, keyDropped, ignored } = result.value;
	playground.text = requestJson(body);
	playground.importedHeaders = headers;
	const parts = ['Imported the curl command. Nothing has been sent: check it, then press Send.'];
	if (keyDropped)
		parts.push('It contained an API key, which was dropped: Send uses the key you saved here.');
	const kept = Object.keys(headers);
	if (kept.length) parts.push(`Kept its attribution headers: ${kept.join(', ')}.`);
	if (ignored.length) parts.push(`Not taken over: ${ignored.join(', ')}.`);
	if (originOf(baseUrl) !== originOf(settings.apiBaseUrl))
		parts.push(
			`It was addressed to ${new URL(baseUrl).host}; the playground sends to ${settings.apiHost}.`,
		);
	playground.tell(parts.join(' '));
	return { ok: true };
}
