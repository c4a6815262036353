import { describe, expect, it } from 'vitest';
import { generateCurl, INLINE_BODY_LIMIT } from '../../../../src/core/codegen/curl';
import { importCurl, looksLikeCurl } from '../../../../src/core/codegen/curl-import';
import { normalizeRequest } from '../../../../src/core/request/normalize';
import { parseRequest } from '../../../../src/core/request/parse';
import { FIXTURES } from './fixtures';

const BASE = 'https://openrouter.ai/api/v1';
const ATTRIBUTION = { 'HTTP-Referer': 'https://me.example/', 'X-OpenRouter-Title': "Bob's $app" };
const KEY = 'sk-or-v1-test-curl-import-not-a-real-key';

function imported(command: string) {
	const result = importCurl(command);
	if (!result.ok) throw new Error(`expected an import, got: ${result.message}`);
	return result.value;
}

describe('curl target → import → the identical request', () => {
	it.each(FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
		const command = generateCurl(fixture.body, { baseUrl: BASE, headers: ATTRIBUTION });
		const value = imported(command);
		expect(value).toEqual({
			body: fixture.body,
			headers: ATTRIBUTION,
			baseUrl: BASE,
			keyDropped: false,
			ignored: [],
		});
		// What the editor then holds is sent as exactly that body.
		const parsed = parseRequest(`${JSON.stringify(value.body, null, 2)}\n`);
		expect(parsed.ok && normalizeRequest(parsed.value)).toEqual(fixture.body);
	});

	it('a body too big for one argument goes through a here-document and back', () => {
		const image = `data:image/png;base64,${'iVBORw0KGgo'.repeat(INLINE_BODY_LIMIT / 8)}`;
		const body = {
			model: 'm',
			messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: image } }] }],
		};
		const command = generateCurl(body, { baseUrl: BASE });
		expect(command).toContain(`--data-binary @- <<'JSON'`);
		expect(imported(command).body).toEqual(body);
	});
});

describe('commands as the docs print them', () => {
	it('reads the OpenRouter quick-start command; the placeholder key is no key', () => {
		const value = imported(`curl https://openrouter.ai/api/v1/chat/completions \\
  -H "Content-Type: application/json" \\
  -H "Authorization: Bearer $OPENROUTER_API_KEY" \\
  -d '{
  "model": "openai/gpt-4o",
  "messages": [
    {
      "role": "user",
      "content": "What is the meaning of life?"
    }
  ]
}'`);
		expect(value.body).toEqual({
			model: 'openai/gpt-4o',
			messages: [{ role: 'user', content: 'What is the meaning of life?' }],
		});
		expect(value).toMatchObject({ baseUrl: BASE, keyDropped: false, headers: {}, ignored: [] });
	});

	it('reads the API reference form: -X POST, <token>, attribution headers, X-Title', () => {
		const value = imported(`$ curl -X POST https://openrouter.ai/api/v1/chat/completions \\
     -H "Authorization: Bearer <OPENROUTER_API_KEY>" \\
     -H "HTTP-Referer: <YOUR_SITE_URL>" \\
     -H "X-Title: <YOUR_SITE_NAME>" \\
     -H "Content-Type: application/json" \\
     -d '{"model": "openai/gpt-4o", "messages": [{"role": "user", "content": "Hi"}], "stream": true}'`);
		expect(value.headers).toEqual({
			'HTTP-Referer': '<YOUR_SITE_URL>',
			'X-Title': '<YOUR_SITE_NAME>',
		});
		expect(value.keyDropped).toBe(false);
		expect(value.body.stream).toBe(true);
	});

	it('takes --json, combined short flags, -XPOST, --url and a pipe to jq', () => {
		const value = imported(
			`curl -sSN -XPOST --url 'https://openrouter.ai/api/v1/chat/completions/' --json '{"model":"m","messages":[]}' | jq .`,
		);
		expect(value.body).toEqual({ model: 'm', messages: [] });
		expect(value.ignored).toEqual([
			'what follows the command (pipes, redirections, more commands)',
		]);
	});

	it("reads $'…' bodies, Windows ^ continuations and lines that lost their backslash", () => {
		expect(
			imported(
				`curl https://x.example/api/v1/chat/completions ^\n -d $'{"messages": [], "s": "it\\'s\\\\n"}'`,
			).body,
		).toEqual({ messages: [], s: "it's\n" });
		const value = imported(
			`curl https://x.example/v1/chat/completions\n  -H 'X-Foo: 1'\n  -d '{}'`,
		);
		expect(value).toMatchObject({ body: {}, baseUrl: 'https://x.example/v1', ignored: ['X-Foo'] });
	});
});

describe('keys', () => {
	it.each([
		[`-H "Authorization: Bearer ${KEY}"`],
		[`-H 'authorization:Bearer ${KEY}'`],
		[`-H "X-Api-Key: ${KEY}"`],
		[`--oauth2-bearer ${KEY}`],
		[`-H 'X-Custom: ${KEY}'`],
	])('drops the key in %s and says so', (option) => {
		const command = `curl https://openrouter.ai/api/v1/chat/completions ${option} -d '{"messages":[]}'`;
		const value = imported(command);
		expect(value.keyDropped).toBe(true);
		expect(JSON.stringify(value)).not.toContain(KEY);
	});

	it('drops a key in the query string; the base URL never has one', () => {
		const value = imported(
			`curl 'https://openrouter.ai/api/v1/chat/completions?key=${KEY}' -d '{"messages":[]}'`,
		);
		expect(value).toMatchObject({ keyDropped: true, baseUrl: BASE });
		expect(JSON.stringify(value)).not.toContain(KEY);
	});

	it('refuses a body holding a key, without quoting it', () => {
		const result = importCurl(
			`curl ${BASE}/chat/completions -d '{"messages":[{"role":"user","content":"my key is ${KEY}"}]}'`,
		);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.message).toContain('looks like an OpenRouter key');
			expect(result.message).not.toContain(KEY);
		}
	});

	it('never quotes a key in an error message', () => {
		const result = importCurl(
			`curl ${BASE}/chat/completions -H 'Content-Type: text/${KEY}' -d '{}'`,
		);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).not.toContain(KEY);
	});
});

describe('hostile and odd input', () => {
	it.each([
		['', 'not a curl command'],
		['wget https://openrouter.ai/api/v1/chat/completions', 'not a curl command'],
		[`curl -d '{}'`, 'no URL'],
		[`curl ${BASE}/chat/completions`, 'no body'],
		[`curl ${BASE}/models`, 'calls /api/v1/models'],
		[`curl ${BASE}/chat/completions -X GET -d '{}'`, 'uses GET'],
		[`curl ${BASE}/chat/completions -d @body.json`, 'read from a file'],
		[`curl ${BASE}/chat/completions -d '{"a": 1,}'`, 'not JSON'],
		[`curl ${BASE}/chat/completions -d '[1]'`, 'JSON object'],
		[`curl ${BASE}/chat/completions -d '{}' -d '{}'`, 'several bodies'],
		[`curl ${BASE}/chat/completions -d '{}`, 'never closed'],
		[`curl ${BASE}/chat/completions --frobnicate -d '{}'`, 'Unknown curl option --frobnicate'],
		[`curl ${BASE}/chat/completions -Z -d '{}'`, 'Unknown curl option -Z'],
		[`curl ${BASE}/chat/completions -d`, '-d needs a value'],
		[`curl ${BASE}/chat/completions https://other.example -d '{}'`, 'two URLs'],
		[`curl ${BASE}/chat/completions -H 'Content-Type: text/plain' -d '{}'`, 'takes JSON'],
		[`curl 'http://[::1' -d '{}'`, 'not a valid URL'],
		[`curl ${BASE}/chat/completions -d @- <<'EOF'\n{}`, 'never closed'],
		[`curl ${BASE}/chat/completions --data-binary @-`, 'no here-document'],
	])('%j → a clear error', (command, message) => {
		const result = importCurl(command);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toContain(message);
	});

	it.each([
		[`-H $'X-Title: a\\r\\nX-Injected: 1'`, 'X-Title has a line break'],
		[`-H $'X-Anything: a\\nb'`, 'X-Anything has a line break'],
		[`-H $'X-Title: a\\x00b'`, 'X-Title has a NUL'],
		[`-H 'X Title: a'`, 'The header name "X Title" is not valid'],
		[`-H 'X-Title: Emoji 🚀'`, 'X-Title contains "🚀"'],
		[`-H 'HTTP-Referer: https://例え.jp/'`, 'HTTP-Referer contains "例"'],
	])('refuses a header fetch would refuse, naming it: %s', (header, message) => {
		const result = importCurl(`curl ${BASE}/chat/completions ${header} -d '{}'`);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toContain(message);
	});

	it('reads a header it does not send even when a browser could not send it', () => {
		const value = imported(`curl ${BASE}/chat/completions -H 'X-Note: 日本' -d '{}'`);
		expect(value.ignored).toEqual(['X-Note']);
	});

	it('takes nothing from command substitutions: they stay text', () => {
		const value = imported(`curl ${BASE}/chat/completions -d "{\\"content\\": \\"$(rm -rf ~)\\"}"`);
		expect(value.body).toEqual({ content: '$(rm -rf ~)' });
	});

	it('survives a megabyte of quotes without hanging', () => {
		const started = performance.now();
		importCurl(`curl ${BASE}/chat/completions -d "${'\\"'.repeat(500_000)}`);
		importCurl(`curl ${"'a' ".repeat(100_000)}`);
		expect(performance.now() - started).toBeLessThan(2000);
	});
});

describe('looksLikeCurl', () => {
	it.each([
		['curl https://x', true],
		['  $ curl -X POST', true],
		['curl\n', true],
		['{"model": "curl"}', false],
		['curling', false],
		['# call the API\ncurl https://x', true],
		['\n\n  \ncurl https://x', true],
		['> curl https://x \\\n>   -d "{}"', true],
		['time curl https://x', true],
		['$ time curl https://x', true],
		['curl https://x \\\r\n  -d "{}"\r\n', true],
		['# only a comment', false],
		['> a quote about curl', false],
		['', false],
	])('%j → %s', (text, expected) => expect(looksLikeCurl(text)).toBe(expected));

	const KEYED = `curl ${BASE}/chat/completions \\\n  -H "Authorization: Bearer ${KEY}" \\\n  -H 'X-Title: Mine' \\\n  -d '{"model": "m/x", "messages": []}'`;
	it.each([
		['a comment line', `# ask the model\n${KEYED}`],
		['leading blank lines', `\n\n   \n${KEYED}`],
		['a time prefix', `time ${KEYED}`],
		['a prompt and time', `$ time ${KEYED}`],
		[
			'a Markdown quote',
			KEYED.split('\n')
				.map((l) => `> ${l}`)
				.join('\n'),
		],
		['CRLF line ends', KEYED.replaceAll('\n', '\r\n')],
		[
			'all of them',
			`\r\n# note\r\n${KEYED.split('\n')
				.map((l) => `> ${l}`)
				.join('\r\n')}`,
		],
	])('imports a command pasted with %s, dropping its key', (_, command) => {
		expect(looksLikeCurl(command)).toBe(true);
		const value = imported(command);
		expect(value.body).toEqual({ model: 'm/x', messages: [] });
		expect(value.headers).toEqual({ 'X-Title': 'Mine' });
		expect(value.keyDropped).toBe(true);
		expect(JSON.stringify(value)).not.toContain(KEY);
	});
});
