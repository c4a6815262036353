/**
 * Share links (README "Share links"). Format version 1:
 *   #r=<base64url of the request's UTF-8 JSON>
 *   #z=<base64url of the deflate-raw compressed UTF-8 JSON>   (used when shorter)
 * A later format would take a new parameter name, so every old link keeps loading. A link carries
 * the request body only: never a key, a base URL or headers; such fields are dropped with a notice.
 * Quick start: #model=<model id> opens the default request with that model (the id is checked).
 */
import { base64url } from '../base64url';
import { MAX_JSON_DEPTH, measureJson } from '../json-bounds';
import { DEFAULT_REQUEST } from '../request/normalize';
import { requestJson } from '../request/request-json';

export type Deflate = {
	compress(bytes: Uint8Array): Promise<Uint8Array>;
	/** Must stop and reject once more than `maxBytes` come out (a tiny link can inflate to gigabytes). */
	decompress(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array>;
};

/** Beyond this many characters a link is unwieldy in chats and trackers: offer a file instead. */
export const MAX_LINK_LENGTH = 60_000;
/** A link whose request is bigger than this is refused outright. */
export const MAX_PAYLOAD_BYTES = 1_000_000;
/**
 * A linked request whose indented text would be longer than this goes into the editor unindented:
 * a small link nesting a few levels per item can indent to tens of megabytes and stall the page.
 */
export const MAX_INDENTED_CHARS = 2_000_000;

/** Fields that must never come from a link, whatever a crafted link contains. */
const NEVER_FROM_LINK = [
	'api_key',
	'apiKey',
	'key',
	'base_url',
	'baseUrl',
	'baseURL',
	'headers',
	'authorization',
	'Authorization',
];

export type Encoded = { ok: true; url: string; form: 'r' | 'z' } | { ok: false; length: number };
export type Decoded =
	| { kind: 'none' }
	| { kind: 'request'; request: Record<string, unknown>; ignored: string[] }
	| { kind: 'model'; model: string; request: Record<string, unknown> }
	| { kind: 'error'; message: string };

export function fromBase64url(text: string): Uint8Array {
	const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
	const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function encodeShare(
	request: Record<string, unknown>,
	appUrl: string,
	deflate: Deflate,
): Promise<Encoded> {
	const bytes = new TextEncoder().encode(JSON.stringify(request));
	const plain = base64url(bytes);
	const packed = base64url(await deflate.compress(bytes));
	const base = appUrl.replace(/#.*$/, '');
	const url = packed.length < plain.length ? `${base}#z=${packed}` : `${base}#r=${plain}`;
	if (url.length > MAX_LINK_LENGTH || bytes.length > MAX_PAYLOAD_BYTES)
		return { ok: false, length: url.length };
	return { ok: true, url, form: packed.length < plain.length ? 'z' : 'r' };
}

/**
 * A model id as OpenRouter writes them: `author/slug`, optionally `:variant`, `~` for aliases
 * (`openai/gpt-4o-mini`, `meta-llama/llama-3.1-8b-instruct:free`, `~anthropic/claude-sonnet-latest`).
 */
const MODEL_ID = /^~?[a-z0-9][a-z0-9._-]{0,63}\/[a-z0-9][a-z0-9._:-]{0,127}$/i;

export function isModelId(value: string): boolean {
	return MODEL_ID.test(value) && !value.includes('..');
}

/** `#model=<id>`: the default request with that model, or why the id was refused. */
function decodeModel(value: string): Decoded {
	if (!isModelId(value))
		return {
			kind: 'error',
			message: `This link names a model id that is not valid (${JSON.stringify(value.slice(0, 80))}). Nothing was loaded.`,
		};
	return {
		kind: 'model',
		model: value,
		request: { ...structuredClone(DEFAULT_REQUEST), model: value },
	};
}

export async function decodeShare(hash: string, deflate: Deflate): Promise<Decoded> {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	const r = params.get('r');
	const z = params.get('z');
	const model = params.get('model');
	if (r === null && z === null) return model === null ? { kind: 'none' } : decodeModel(model);
	const payload = (r ?? z) as string;
	// base64 grows by 4/3 and deflate rarely beats 10:1 on JSON; refuse before doing any work.
	if (payload.length > (MAX_PAYLOAD_BYTES * 4) / 3 + 4)
		return {
			kind: 'error',
			message: 'This link holds more than 1 MB; it was not loaded. Share big requests as a file.',
		};
	let json: string;
	try {
		const bytes = fromBase64url(payload);
		const raw = r !== null ? bytes : await deflate.decompress(bytes, MAX_PAYLOAD_BYTES + 1);
		if (raw.length > MAX_PAYLOAD_BYTES)
			return {
				kind: 'error',
				message: 'This link holds more than 1 MB; it was not loaded. Share big requests as a file.',
			};
		json = new TextDecoder('utf-8', { fatal: true }).decode(raw);
	} catch {
		return {
			kind: 'error',
			message:
				'This link is damaged (it may have been cut off when it was copied). Nothing was loaded.',
		};
	}
	// Before parsing: what is nested deeper is refused before anything recursive can walk it.
	const bounds = measureJson(json);
	if (!bounds.ok)
		return {
			kind: 'error',
			message: `This link holds a request nested more than ${MAX_JSON_DEPTH} levels deep; it was not loaded.`,
		};
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch {
		return {
			kind: 'error',
			message: 'This link does not hold a valid request. Nothing was loaded.',
		};
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		return {
			kind: 'error',
			message: 'This link does not hold a request object. Nothing was loaded.',
		};
	const entries = Object.entries(value);
	const ignored = entries.map(([name]) => name).filter((name) => NEVER_FROM_LINK.includes(name));
	// fromEntries defines each field as its own: a `__proto__` field stays a field of the request.
	const request = Object.fromEntries(entries.filter(([name]) => !NEVER_FROM_LINK.includes(name)));
	return { kind: 'request', request, ignored };
}

/**
 * The editor text for a linked request: indented, or on one line when indenting would make it
 * longer than MAX_INDENTED_CHARS (`compact` says so, for the notice).
 */
export function requestText(request: Record<string, unknown>): { text: string; compact: boolean } {
	const line = JSON.stringify(request);
	const bounds = measureJson(line);
	if (bounds.ok && bounds.indentedLength <= MAX_INDENTED_CHARS)
		return { text: requestJson(request), compact: false };
	return { text: `${line}\n`, compact: true };
}
