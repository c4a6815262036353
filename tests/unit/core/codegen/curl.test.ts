import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { generateCurl, INLINE_BODY_LIMIT } from '../../../../src/core/codegen/curl';
import { shellQuote } from '../../../../src/core/codegen/quote';

const BASE = 'https://openrouter.ai/api/v1';

/** Runs the snippet in bash with `curl` replaced by a function that prints its arguments. */
function run(snippet: string): string[] {
	const script = `curl() { printf '%s\\0' "$@"; }\n${snippet}`;
	const out = execFileSync('bash', ['-c', script], {
		env: { PATH: process.env.PATH, OPENROUTER_API_KEY: 'key-from-env', HOME: '/home/someone' },
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	return out.split('\0').slice(0, -1);
}

const NASTY = [
	`it's "quoted"`,
	`costs $5, $HOME, \${HOME} and $(echo pwned)`,
	'backticks `date` and \\`escaped\\`',
	'back\\slash \\n not a newline, \\\\ two',
	'real\nnewlines\n\nand\ttabs\r\nand CRLF',
	"'\\'' already-escaped looking",
	'emoji 🚀👩‍💻 and 日本語 and é (e\u0301) and \u2028 separators',
	'!history !! and ; && | > /dev/null # not a comment',
];

describe('generateCurl', () => {
	it.each(NASTY)('passes %j to curl byte for byte', (text) => {
		const body = {
			model: 'openai/gpt-4o-mini',
			messages: [{ role: 'user', content: text }],
			stream: true,
		};
		const args = run(generateCurl(body, { baseUrl: BASE }));
		const data = args[args.indexOf('-d') + 1] ?? '';
		expect(data).toBe(JSON.stringify(body, null, 2));
		expect(JSON.parse(data)).toEqual(body);
		expect(args).not.toContain('pwned');
	});

	it('expands only $OPENROUTER_API_KEY, in the Authorization header', () => {
		const args = run(generateCurl({ messages: [] }, { baseUrl: BASE }));
		expect(args).toEqual([
			`${BASE}/chat/completions`,
			'-H',
			'Authorization: Bearer key-from-env',
			'-H',
			'Content-Type: application/json',
			'-d',
			JSON.stringify({ messages: [] }, null, 2),
		]);
	});

	it('streams with -N and sends attribution headers as given', () => {
		const snippet = generateCurl(
			{ stream: true, messages: [] },
			{
				baseUrl: BASE,
				headers: { 'HTTP-Referer': 'https://me.example/', 'X-OpenRouter-Title': "Bob's app" },
			},
		);
		const args = run(snippet);
		expect(args).toContain('-N');
		expect(args).toContain('HTTP-Referer: https://me.example/');
		expect(args).toContain("X-OpenRouter-Title: Bob's app");
	});

	it('keeps a 100 KB string intact', () => {
		const long = 'x'.repeat(30_000) + "'$`\n" + 'y'.repeat(30_000);
		const body = { messages: [{ role: 'user', content: long }] };
		const args = run(generateCurl(body, { baseUrl: BASE }));
		expect(JSON.parse(args[args.indexOf('-d') + 1] ?? '')).toEqual(body);
	});

	it('sends a body past the 128 KiB argument limit through standard input, intact', () => {
		const long = 'x'.repeat(150_000) + "'$`\nJSON\n" + 'y'.repeat(150_000);
		const body = { messages: [{ role: 'user', content: long }] };
		const snippet = generateCurl(body, { baseUrl: BASE });
		expect(snippet.length).toBeGreaterThan(INLINE_BODY_LIMIT);
		// The script goes in on standard input: as an argument it would itself be too long.
		const script = (stub: string) =>
			execFileSync('bash', ['-s'], {
				input: `curl() { ${stub}; }\n${snippet}\n`,
				env: { PATH: process.env.PATH, OPENROUTER_API_KEY: 'key-from-env' },
				encoding: 'utf8',
				maxBuffer: 64 * 1024 * 1024,
			});
		expect(JSON.parse(script('cat'))).toEqual(body);
		expect(script(`printf '%s\\0' "$@"`).split('\0').slice(-3, -1)).toEqual([
			'--data-binary',
			'@-',
		]);
	});

	it('never contains a key: there is no way to pass one', () => {
		const snippet = generateCurl({ messages: [] }, { baseUrl: BASE });
		expect(snippet).toContain('$OPENROUTER_API_KEY');
		expect(snippet).not.toMatch(/sk-or-/);
	});
});

describe('shellQuote', () => {
	it.each([
		['plain', `'plain'`],
		[`it's`, `'it'\\''s'`],
		['', `''`],
		[`''`, `''\\'''\\'''`],
	])('%j → %s', (input, quoted) => {
		expect(shellQuote(input)).toBe(quoted);
		expect(execFileSync('bash', ['-c', `printf '%s' ${quoted}`], { encoding: 'utf8' })).toBe(input);
	});
});
