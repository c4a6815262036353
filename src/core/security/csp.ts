/**
 * The production Content-Security-Policy, built from the API base URL the bundle talks to.
 * One source for the `<meta>` tag in index.html and for `_headers` (hosts that read it).
 * `frame-ancestors` only works as a header, so the meta form leaves it out.
 */
export function buildCsp(
	apiBaseUrl: string,
	{
		forHeader = false,
		extraOrigins = [] as readonly string[],
		scriptHashes = [] as readonly string[],
	} = {},
): string {
	const apiOrigin = [...new Set([new URL(apiBaseUrl).origin, ...extraOrigins])].join(' ');
	const directives = [
		"default-src 'self'",
		// Scripts from the app, and index.html's inline ones by their hash (`inlineScripts`).
		['script-src', "'self'", ...scriptHashes.map((hash) => `'${hash}'`)].join(' '),
		// Monaco sets inline styles on its DOM nodes.
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: blob:",
		"font-src 'self' data:",
		`connect-src 'self' ${apiOrigin}`,
		"worker-src 'self' blob:",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
	];
	if (forHeader) directives.push("frame-ancestors 'none'");
	return directives.join('; ');
}

/** `_headers` file for Netlify / Cloudflare Pages style hosts. */
export function buildHeadersFile(
	apiBaseUrl: string,
	extraOrigins: readonly string[] = [],
	scriptHashes: readonly string[] = [],
): string {
	return [
		'/*',
		`  Content-Security-Policy: ${buildCsp(apiBaseUrl, { forHeader: true, extraOrigins, scriptHashes })}`,
		'  Referrer-Policy: no-referrer',
		'  X-Content-Type-Options: nosniff',
		'  X-Frame-Options: DENY',
		'',
	].join('\n');
}

/**
 * The text of each inline classic script in a page (no `src`, not a module), as the browser hashes
 * it for the CSP: `sha256-` + base64 of its SHA-256 (the build computes it; core stays pure).
 */
export function inlineScripts(html: string): string[] {
	return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)]
		.filter(
			([, attributes = '']) =>
				!/\bsrc\s*=/i.test(attributes) && !/\btype\s*=\s*["']?module/i.test(attributes),
		)
		.map(([, , text = '']) => text);
}
