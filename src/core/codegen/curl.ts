import { shellQuote } from './quote';

export type SnippetOptions = {
	baseUrl: string;
	/** Attribution and other non-secret headers; never the key. */
	headers?: Record<string, string>;
};

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
	lines.push(`  -d ${shellQuote(JSON.stringify(body, null, 2))}`);
	return lines.join(' \\\n');
}
