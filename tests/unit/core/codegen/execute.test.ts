import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCurl } from '../../../../src/core/codegen/curl';
import { sdkDrops, withoutSdkDrops } from '../../../../src/core/codegen/params';
import { TARGETS, type TargetId } from '../../../../src/core/codegen/targets';
import { EMPTY_COMPLETION, foldEvent } from '../../../../src/core/stream/accumulate';
import { decodeSse } from '../../../../src/core/stream/sse';
import { startEmulator, type Emulator } from '../../../emulator/server';
import { chooseScenario, renderScenario, type ChatRequestLike } from '../../../emulator/scenarios';
import { EXTENSIONS, FIXTURES } from './fixtures';
import { typeScriptCommand } from './run-typescript';

/**
 * Proof that the snippets run: each one is executed against the emulator, which must receive
 * exactly the app's request, and the snippet must print the emulator's answer.
 * (Python's openai package cannot be installed here: python-openai.test.ts runs that target
 * against a recording stub.)
 */
const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../../..');
// Inside the repo, so `import 'openai'` resolves to our node_modules.
const DIR = join(ROOT, 'tests/.snippets');
const KEY = 'sk-or-v1-test-snippets';
const ATTRIBUTION = {
	'HTTP-Referer': 'https://playground.example/',
	'X-OpenRouter-Title': 'Playground tests',
};
const COMMANDS: Record<Exclude<TargetId, 'python-openai'>, (file: string) => [string, string[]]> = {
	curl: (file) => ['bash', [file]],
	typescript: typeScriptCommand,
	'typescript-openai': typeScriptCommand,
	'typescript-openrouter': typeScriptCommand,
	python: (file) => ['python3', [file]],
};

beforeAll(() => void mkdirSync(DIR, { recursive: true }));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/**
 * An emulator of the test's own, so the snippets can run side by side (each is a process that
 * mostly waits for its interpreter to start) and each reads only its own requests.
 */
async function withEmulator(body: (emu: Emulator) => Promise<void>): Promise<void> {
	const emu = await startEmulator({ tokenDelayMs: 0 });
	try {
		await body(emu);
	} finally {
		await emu.close();
	}
}

/** What a person would see: the answer text, or the tool calls. */
function expectedOutput(body: Record<string, unknown>): string[] {
	const request = body as ChatRequestLike;
	const { expected } = renderScenario(chooseScenario(request, undefined), request);
	if (expected.toolCalls.length)
		return expected.toolCalls.map((c) => `tool call ${c.name}(${c.arguments})`);
	return [expected.text];
}

/** curl prints the raw answer: a JSON body, or SSE that we fold as the app would. */
async function readCurlOutput(stdout: string): Promise<string> {
	if (stdout.trimStart().startsWith('{')) {
		const message = JSON.parse(stdout).choices[0].message;
		const calls = (message.tool_calls ?? []).map(
			(c: { function: { name: string; arguments: string } }) =>
				`tool call ${c.function.name}(${c.function.arguments})`,
		);
		return [message.content ?? '', ...calls].join('\n');
	}
	let completion = EMPTY_COMPLETION;
	async function* bytes() {
		yield new TextEncoder().encode(stdout);
	}
	for await (const event of decodeSse(bytes())) completion = foldEvent(completion, event);
	return [
		completion.text,
		...completion.toolCalls.map((c) => `tool call ${c.name}(${c.arguments})`),
	].join('\n');
}

const runnable = TARGETS.filter((t) => t.id !== 'python-openai');

describe.concurrent('every snippet runs against the emulator and sends exactly the request', () => {
	for (const fixture of FIXTURES) {
		for (const target of runnable) {
			it(`${fixture.name} · ${target.label}`, { timeout: 60_000 }, ({ expect }) =>
				withEmulator(async (emu) => {
					const file = join(DIR, `${fixture.name}.${target.id}.${EXTENSIONS[target.language]}`);
					writeFileSync(
						file,
						target.generate(fixture.body, { baseUrl: emu.apiBaseUrl, headers: ATTRIBUTION }),
					);
					const [command, args] = COMMANDS[target.id as keyof typeof COMMANDS](file);
					const { stdout } = await run(command, args, {
						cwd: ROOT,
						env: { ...process.env, OPENROUTER_API_KEY: KEY },
						maxBuffer: 16 * 1024 * 1024,
					});
					const chats = emu.requests().filter((r) => r.path === '/api/v1/chat/completions');
					expect(chats).toHaveLength(1);
					// The OpenRouter SDK drops what its schema lacks; the snippet says so in a comment.
					const sent =
						target.id === 'typescript-openrouter' ? withoutSdkDrops(fixture.body) : fixture.body;
					expect(chats[0]?.body).toEqual(sent);
					for (const path of target.id === 'typescript-openrouter' ? sdkDrops(fixture.body) : [])
						expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`has no field for .*${path}`));
					expect(chats[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
					expect(chats[0]?.headers['http-referer']).toBe(ATTRIBUTION['HTTP-Referer']);
					expect(chats[0]?.headers['x-openrouter-title'] ?? chats[0]?.headers['x-title']).toBe(
						ATTRIBUTION['X-OpenRouter-Title'],
					);
					const shown = target.id === 'curl' ? await readCurlOutput(stdout) : stdout;
					for (const line of expectedOutput(fixture.body)) expect(shown).toContain(line);
				}),
			);
		}
	}
});

describe("a body past the shell's argument limit", () => {
	it(
		'curl sends a 300 KB inline image through its here-document, intact',
		{ timeout: 60_000 },
		() =>
			withEmulator(async (emu) => {
				const url = `data:image/png;base64,${'iVBORw0KGgo'.repeat(28_000)}`;
				const body = {
					model: 'google/gemini-2.5-flash',
					messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url } }] }],
					max_tokens: 20,
				};
				const file = join(DIR, 'large-body.curl.sh');
				writeFileSync(file, generateCurl(body, { baseUrl: emu.apiBaseUrl }));
				const { stdout } = await run('bash', [file], {
					env: { ...process.env, OPENROUTER_API_KEY: KEY },
					maxBuffer: 16 * 1024 * 1024,
				});
				const chats = emu.requests().filter((r) => r.path === '/api/v1/chat/completions');
				expect(chats.map((c) => c.body)).toEqual([body]);
				for (const line of expectedOutput(body))
					expect(await readCurlOutput(stdout)).toContain(line);
			}),
	);
});
