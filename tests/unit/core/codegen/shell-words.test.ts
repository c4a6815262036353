import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { splitShellWords } from '../../../../src/core/codegen/shell-words';

/** What bash itself makes of `command`: its words, printed NUL-separated by a stand-in `curl`. */
function bashWords(command: string): string[] {
	const out = execFileSync('bash', ['-c', `curl() { printf '%s\\0' curl "$@"; }\n${command}`], {
		env: { PATH: process.env.PATH, LC_ALL: 'C.UTF-8' },
		encoding: 'utf8',
	});
	return out.split('\0').slice(0, -1);
}

/** Commands with no expansions in them, so bash's words are the ground truth. */
const SAME_AS_BASH = [
	`curl 'single quoted' "double quoted" plain`,
	`curl 'it'\\''s' "say \\"hi\\"" back\\ slash`,
	`curl \\\n  -H 'A: b' \\\n  -d '{"a": 1}'`,
	`curl "a\\\nb" 'c\\\nd'`,
	`curl $'tab\\there' $'nl\\nx' $'quote\\'s' $'\\x41\\u00e9\\U0001F680' $'\\101' $'\\\\'`,
	// Every one-letter ANSI-C escape, \e and \E (ESC) among them, and one bash keeps as written.
	`curl $'bell\\a bs\\b esc\\e ESC\\E[0m ff\\f vt\\v cr\\r q\\? dq\\" keep\\q'`,
	`curl "keep \\n and \\t and \\a" 'and \\n here'`,
	`curl "emoji 🚀 日本語" 'é'`,
	`curl ''  "" 'a'"b"c`,
	`curl a # a comment 'with quotes`,
	`curl a#not-a-comment`,
	`curl --data-binary @- <<'JSON'\n{"x": "$HOME \`date\`"}\nJSON`,
	`curl -d "{\\"price\\": \\"\\$5\\"}"`,
];

describe('splitShellWords', () => {
	it.each(SAME_AS_BASH)('splits %j as bash does', (command) => {
		const split = splitShellWords(command);
		expect(split.ok).toBe(true);
		if (!split.ok) return;
		const words = bashWords(command.replace(/ <<'JSON'[\s\S]*/, ''));
		expect(split.words).toEqual(words);
	});

	it("reads \\e and \\E in $'…' as ESC", () => {
		expect(splitShellWords(`curl $'\\e[1mbold\\E[0m'`)).toMatchObject({
			ok: true,
			words: ['curl', '\x1b[1mbold\x1b[0m'],
		});
	});

	it('reads a here-document body literally and continues after it', () => {
		const split = splitShellWords(
			`curl -X POST --data-binary @- <<'JSON' -s\n{"a": "$x"}\nJSON\n| jq`,
		);
		expect(split).toEqual({
			ok: true,
			words: ['curl', '-X', 'POST', '--data-binary', '@-', '-s'],
			heredoc: '{"a": "$x"}',
			rest: '| jq',
		});
	});

	it('stops at the end of the command and reports the rest', () => {
		const split = splitShellWords(`curl a | jq .\necho done`);
		expect(split).toMatchObject({ ok: true, words: ['curl', 'a'], rest: '| jq .\necho done' });
		expect(splitShellWords('curl a; rm -rf /')).toMatchObject({ words: ['curl', 'a'] });
		expect(splitShellWords('curl a\r\n-d b')).toMatchObject({ words: ['curl', 'a'], rest: '-d b' });
	});

	it.each([
		[`curl 'open`, 'single quote'],
		[`curl "open`, 'double quote'],
		[`curl $'open`, "$' quote"],
		[`curl -d @- <<'JSON'\n{}`, 'never closed'],
		[`curl -d @- <<`, 'no delimiter'],
	])('refuses %j clearly', (command, message) => {
		const split = splitShellWords(command);
		expect(split.ok).toBe(false);
		if (!split.ok) expect(split.message).toContain(message);
	});
});
