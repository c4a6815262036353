/**
 * RFC 4648 base64url (section 5) without padding: PKCE values (oauth.ts) and share links
 * (share/codec.ts).
 */
export function base64url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
