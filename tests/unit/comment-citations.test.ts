/**
 * Comments cite facts from the project's own docs or a public URL, and say why, not when. This
 * fails on a `§` section of a document that is not in the repository, on an "issue N" marker (the
 * history lives in git), and on a `docs/openrouter-protocol.md#anchor` that no heading of that
 * document produces.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const PROTOCOL = 'docs/openrouter-protocol.md';
const SELF = relative(ROOT, import.meta.filename).replaceAll('\\', '/');

/** Fixtures are data (recorded bodies, golden files), not prose of ours. */
const SKIP = new Set(['node_modules', 'fixtures']);

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return SKIP.has(name) ? [] : files(path);
		return /\.(ts|js|svelte|css|html|md)$/.test(name) ? [path] : [];
	});
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
	const seen = new Map<string, number>();
	const anchors = new Set<string>();
	let fenced = false;
	for (const line of markdown.split('\n')) {
		if (line.startsWith('```')) fenced = !fenced;
		const heading = fenced ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
		if (!heading) continue;
		const base = heading[1]!
			.trim()
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s_-]/gu, '')
			.replace(/\s/g, '-');
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		anchors.add(count === 0 ? base : `${base}-${count}`);
	}
	return anchors;
}

const RULES = [
	{ pattern: /\u00a7/, why: 'cites a section sign: point to docs/openrouter-protocol.md#anchor' },
	{
		pattern: /\bissues?\s+\d+/i,
		why: 'an "issue N" marker: say why, not when (git has the history)',
	},
	{
		pattern: /openrouter-api\.md|performance-and-security\.md|\/shared\//,
		why: 'cites a document outside the repository',
	},
] as const;

/** Every rule a file breaks, and every protocol anchor it cites that does not exist. */
function checkText(path: string, text: string, anchors: Set<string>): string[] {
	const problems: string[] = [];
	text.split('\n').forEach((line, i) => {
		const where = `${path}:${i + 1}`;
		for (const rule of RULES) if (rule.pattern.test(line)) problems.push(`${where} ${rule.why}`);
		for (const m of line.matchAll(/openrouter-protocol\.md#([\w-]+)/g))
			if (!anchors.has(m[1]!)) problems.push(`${where} no heading makes the anchor #${m[1]}`);
		if (path === PROTOCOL)
			for (const m of line.matchAll(/\]\(#([\w-]+)\)/g))
				if (!anchors.has(m[1]!)) problems.push(`${where} no heading makes the anchor #${m[1]}`);
	});
	return problems;
}

const protocol = readFileSync(join(ROOT, PROTOCOL), 'utf8');
const anchors = anchorsOf(protocol);

describe('citations in comments', () => {
	it('reads the headings of the protocol notes', () => {
		for (const anchor of ['streaming', 'sse-framing', 'errors-mid-stream', 'usage-and-cost'])
			expect(anchors).toContain(anchor);
	});

	it('hold in src/, tests/, the README and docs/', () => {
		const paths = [
			...files(join(ROOT, 'src')),
			...files(join(ROOT, 'tests')),
			...files(join(ROOT, 'docs')),
			join(ROOT, 'README.md'),
		]
			.map((path) => relative(ROOT, path).replaceAll('\\', '/'))
			.filter((path) => path !== SELF);
		expect(paths.length).toBeGreaterThan(100);
		const problems = paths.flatMap((path) =>
			checkText(path, readFileSync(join(ROOT, path), 'utf8'), anchors),
		);
		expect(problems).toEqual([]);
	});
});

describe('the checker itself', () => {
	const known = anchorsOf(
		'# Title\n## Streaming\n### SSE framing\n```\n# not a heading\n```\n## Streaming',
	);

	it('makes GitHub anchors, numbering repeats and skipping code blocks', () => {
		expect([...known]).toEqual(['title', 'streaming', 'sse-framing', 'streaming-1']);
	});

	it.each([
		['// Keep-alives are comments (reference \u00a75.1).', 'section sign'],
		['/** Issue 10: offline once loaded. */', 'marker'],
		['<!-- issues 8/10 -->', 'marker'],
		['// Facts: reference/openrouter-api.md', 'outside the repository'],
		['// see docs/openrouter-protocol.md#no-such-heading', '#no-such-heading'],
	])('flags %s', (line, reason) => {
		const problems = checkText('src/core/a.ts', line, known);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toContain(reason);
	});

	it.each([
		'// OpenRouter sends comments while it waits (docs/openrouter-protocol.md#sse-framing).',
		'// The same fix as OpenRouterTeam/ai-sdk-provider#160.',
		'// Issues with the clipboard are reported, not thrown.',
	])('accepts %s', (line) => {
		expect(checkText('src/core/a.ts', line, known)).toEqual([]);
	});

	it('checks the links inside the protocol notes too', () => {
		expect(checkText(PROTOCOL, 'see [Streaming](#streaming)', known)).toEqual([]);
		expect(checkText(PROTOCOL, 'see [Gone](#gone)', known)).toHaveLength(1);
	});
});
