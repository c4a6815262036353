/**
 * The "Run this lab" script runs: executed as tsx would (run-typescript.ts) against the emulator,
 * it posts every cell's body as the app would, survives a 429 (the SDK waits as Retry-After asks)
 * and a mid-stream error, and prints each cell's checks and a summary per column.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateLabScript } from '../../../../src/core/codegen/lab-script';
import { evaluateAll, type Assertion } from '../../../../src/core/lab/assertions';
import { planGrid } from '../../../../src/core/lab/plan';
import { startEmulator, type Emulator } from '../../../emulator/server';
import { typeScriptCommand } from './run-typescript';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../../..');
const DIR = join(ROOT, 'tests/.lab-script');

let emu: Emulator;
beforeAll(async () => {
	emu = await startEmulator({ tokenDelayMs: 0 });
	mkdirSync(DIR, { recursive: true });
});
// Each test reads only its own requests, whatever ran before it.
beforeEach(() => emu.reset());
afterAll(async () => {
	await emu.close();
	rmSync(DIR, { recursive: true, force: true });
});

async function runScript(script: string, name: string) {
	const file = join(DIR, name);
	writeFileSync(file, script);
	const [command, args] = typeScriptCommand(file);
	return run(command, args, {
		cwd: ROOT,
		env: { ...process.env, OPENROUTER_API_KEY: 'sk-or-v1-test-lab-script' },
	}).then(
		(ok) => ({ ...ok, code: 0 }),
		(failed: { stdout: string; stderr: string; code: number }) => failed,
	);
}

describe('generateLabScript', () => {
	it('runs the grid with its checks and prints a summary per column', async () => {
		const request = {
			model: 'emulator/by-content',
			messages: [{ role: 'user', content: 'Say {{word}}' }],
			stream: true,
		};
		const columns = [
			{ id: 'c1', patch: {} },
			{ id: 'c2', patch: { temperature: 0.2 } },
		];
		const words = ['alpha', 'beta [429-once]', 'gamma [mid-stream-error@temperature=0.2]'];
		const { cells, bodies } = planGrid(
			request,
			columns,
			words.map((word) => new Map([['word', word]])),
		);
		const script = generateLabScript({
			baseUrl: emu.apiBaseUrl,
			columns: ['base request', 'temperature 0.2'],
			cells: cells.map((c) => ({
				row: c.row,
				column: c.column === 'c1' ? 0 : 1,
				body: bodies.get(c.id)!,
			})),
			assertions: [{ kind: 'contains', value: 'alpha' }],
			concurrency: 2,
		});
		const output = await runScript(script, 'run-lab.ts');
		expect(output.stderr).toBe('');
		expect(output.code).toBe(1); // some cells fail their check
		const lines = output.stdout.split('\n');
		expect(lines).toContain('case 1 × column 1: done, pass');
		expect(lines).toContain('case 2 × column 2: done, fail (✗ contains "alpha")');
		expect(lines.find((l) => l.startsWith('case 3 × column 2: error'))).toContain(
			'Provider disconnected',
		);
		expect(lines.find((l) => l.startsWith('1. base request'))).toMatch(
			/^1\. base request\s+3\/3\s+0\s+1\/3\s+0\.\d{6}$/,
		);
		expect(lines.find((l) => l.startsWith('2. temperature 0.2'))).toMatch(/\s2\/3\s+1\s+1\/3\s/);
		const posted = emu.requests().filter((r) => r.path.endsWith('/chat/completions'));
		// Every cell once, the 429-once bodies twice (the SDK's retry).
		expect(posted).toHaveLength(8);
		expect(posted.map((r) => r.body)).toEqual(
			expect.arrayContaining([...bodies.values()].map((b) => (b.ok ? b.body : null))),
		);
	}, 60_000);

	it('runs JSON Schema checks with the verdicts the app gives', async () => {
		const schema = {
			type: 'object',
			required: ['city', 'n'],
			properties: { city: { type: 'string' }, n: { type: 'integer', minimum: 1 } },
		};
		// The emulator echoes the prompt: each case is the answer it gets back.
		const answers = [
			'{"city": "Paris", "n": 1}',
			'{"city": "Rome"}',
			'```json\n{"city": "Oslo", "n": 2}\n```',
			'{"city": "Lima", "n": "two"}',
			'not JSON',
		];
		const request = {
			model: 'emulator/by-content',
			messages: [{ role: 'user', content: '{{answer}}' }],
			stream: true,
			response_format: { type: 'json_schema', json_schema: { name: 'city', schema } },
		};
		const assertions: Assertion[] = [{ kind: 'json-schema', schema }];
		const { cells, bodies } = planGrid(
			request,
			[{ id: 'c1', patch: {} }],
			answers.map((answer) => new Map([['answer', answer]])),
		);
		const script = generateLabScript({
			baseUrl: emu.apiBaseUrl,
			columns: ['base request'],
			cells: cells.map((c) => ({ row: c.row, column: 0, body: bodies.get(c.id)! })),
			assertions,
			concurrency: 2,
		});
		expect(script).toContain('// npm install openai @cfworker/json-schema;');
		expect(script).not.toContain('not run here');
		const output = await runScript(script, 'run-lab-schema.ts');
		expect(output.stderr).toBe('');
		expect(output.code).toBe(1);
		const lines = output.stdout.split('\n');

		// What the app's evaluation says of the same answers.
		const app = answers.map((text) =>
			evaluateAll(assertions, { text, latencyMs: 0, costUsd: null }),
		);
		expect(app.map((v) => v.pass)).toEqual([true, false, true, false, false]);
		for (const [i, verdict] of app.entries()) {
			const line = lines.find((l) => l.startsWith(`case ${i + 1} × column 1:`));
			expect(line).toContain(verdict.pass ? 'done, pass' : 'done, fail');
		}
		expect(lines.find((l) => l.startsWith('case 2 '))).toContain('✗ does not match the schema');
		expect(lines.find((l) => l.startsWith('case 2 '))).toContain('n');
		expect(lines.find((l) => l.startsWith('case 5 '))).toContain('✗ not valid JSON');
		const passed = app.filter((v) => v.pass).length;
		expect(lines.find((l) => l.startsWith('1. base request'))).toMatch(
			new RegExp(`^1\\. base request\\s+5/5\\s+0\\s+${passed}/5\\s`),
		);
	}, 60_000);
});
