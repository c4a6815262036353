import { shellQuote } from './quote';

export type SnippetOptions = {
	baseUrl: string;
	/** Attribution and other non-secret headers; never the key. */
	headers?: Record<string, string>;
};

/**
 * Linux refuses a single argument over 128 KiB (MAX_ARG_STRLEN) with "Argument list too long";
 * bodies this big (inline images) go through standard input instead.
 */
export const INLINE_BODY_LIMIT = 64 * 1024;

/**
 * A curl command that sends exactly `body`. The key is the shell variable $OPENROUTER_API_KEY in the
 * one double-quoted argument, so the shell expands it and the snippet never holds a key.
 */
export function generateCurl(body: Record<string, unknown>, options: SnippetOptions): string {
	const lines = [
		`curl ${shellQuote(`${options.baseUrl}/chat/completions`)}`,
		`  -H "Authorization: Bearer $OPENROUTER_API_KEY"`,
		`  -H ${shellQuote('Content-Type: application/json')}`,
	];
	for (const [name, value] of Object.entries(options.headers ?? {})) {
		lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`);
	}
	// -N: print server-sent events as they arrive instead of buffering.
	if (body.stream === true) lines.push('  -N');
	const json = JSON.stringify(body, null, 2);
	if (new TextEncoder().encode(json).length <= INLINE_BODY_LIMIT) {
		lines.push(`  -d ${shellQuote(json)}`);
		return lines.join(' \\\n');
	}
	// A quoted here-document is literal too, and has no size limit. No line of pretty-printed JSON
	// can read exactly JSON: every one is a bracket or holds a quoted key or value.
	lines.push(`  --data-binary @- <<'JSON'`);
	return `${lines.join(' \\\n')}\n${json}\nJSON`;
}
