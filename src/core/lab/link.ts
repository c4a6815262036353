/**
 * A lab as a link: `<app>#lab=<base64url of the deflate-raw lab file>` (core/lab/lab-file.ts, so
 * versioned and never holding the key). Like request links (core/share/codec.ts), a lab over 1 MB
 * is refused both ways, the inflated size is bounded while inflating, and opening one sends
 * nothing. A new format would take a new parameter name.
 */
import { base64url } from '../base64url';
import { fromBase64url, MAX_LINK_LENGTH, MAX_PAYLOAD_BYTES, type Deflate } from '../share/codec';

const paramOf = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).get('lab');

export const carriesLab = (hash: string): boolean => paramOf(hash) !== null;

export type LabLink = { ok: true; url: string } | { ok: false; message: string };

export async function encodeLabLink(
	fileText: string,
	appUrl: string,
	deflate: Deflate,
): Promise<LabLink> {
	const bytes = new TextEncoder().encode(fileText);
	if (bytes.length > MAX_PAYLOAD_BYTES)
		return { ok: false, message: 'The lab is larger than 1 MB: export it as a file instead.' };
	const url = `${appUrl.replace(/#.*$/, '')}#lab=${base64url(await deflate.compress(bytes))}`;
	if (url.length > MAX_LINK_LENGTH)
		return {
			ok: false,
			message: `The link would be ${url.length} characters long: export the lab as a file instead.`,
		};
	return { ok: true, url };
}

export type LabLinkRead =
	{ kind: 'none' } | { kind: 'text'; text: string } | { kind: 'error'; message: string };

export async function decodeLabLink(hash: string, deflate: Deflate): Promise<LabLinkRead> {
	const value = paramOf(hash);
	if (value === null) return { kind: 'none' };
	const damaged = {
		kind: 'error',
		message: 'The lab link is damaged: nothing was opened.',
	} as const;
	if (value.length > MAX_LINK_LENGTH * 2) return damaged;
	if (!/^[A-Za-z0-9_-]*$/.test(value)) return damaged;
	let bytes: Uint8Array;
	try {
		bytes = await deflate.decompress(fromBase64url(value), MAX_PAYLOAD_BYTES);
	} catch {
		return damaged;
	}
	if (bytes.length > MAX_PAYLOAD_BYTES)
		return { kind: 'error', message: 'The lab in the link is larger than 1 MB: refused.' };
	try {
		return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		return damaged;
	}
}
