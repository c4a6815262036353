import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { OPENAI_PARAMS } from '../../../../src/core/codegen/params';
import { generatePythonOpenAi } from '../../../../src/core/codegen/python';
import { FIXTURES } from './fixtures';

/**
 * The Python OpenAI SDK cannot be installed here, so each snippet runs against a stub `openai`
 * package (tests/fixtures/openai-stub) that records its arguments. The real SDK sends the keyword
 * arguments plus `extra_body` merged at the top level: that merge must be the app's exact body.
 */
const run = promisify(execFile);
const STUB = join(import.meta.dirname, '../../../fixtures/openai-stub');
const DIR = mkdtempSync(join(tmpdir(), 'python-openai-'));
const KEY = 'sk-or-v1-test-python-stub';
const BASE = 'https://openrouter.ai/api/v1';
const HEADERS = { 'HTTP-Referer': 'https://playground.example/', 'X-Title': 'Bob\'s "app"' };
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

type Recorded = {
	client: Record<string, unknown>;
	kwargs: Record<string, unknown>;
	extra_body: Record<string, unknown>;
};

describe('Python (OpenAI SDK) snippets, run against a recording stub', () => {
	it.each(FIXTURES.map((f) => [f.name, f] as const))('%s', async (name, fixture) => {
		const file = join(DIR, `${name}.py`);
		const record = join(DIR, `${name}.json`);
		writeFileSync(file, generatePythonOpenAi(fixture.body, { baseUrl: BASE, headers: HEADERS }));
		await run('python3', ['-m', 'py_compile', file]);
		const { stdout } = await run('python3', [file], {
			env: {
				PATH: process.env.PATH,
				PYTHONPATH: STUB,
				OPENROUTER_API_KEY: KEY,
				OPENAI_STUB_RECORD: record,
			},
		});
		const sent = JSON.parse(readFileSync(record, 'utf8')) as Recorded;
		expect({ ...sent.kwargs, ...sent.extra_body }).toEqual(fixture.body);
		// Keyword arguments are the SDK's own; everything OpenRouter-only rides in extra_body.
		for (const key of Object.keys(sent.kwargs)) expect(OPENAI_PARAMS).toContain(key);
		for (const key of Object.keys(sent.extra_body)) expect(OPENAI_PARAMS).not.toContain(key);
		expect(sent.client).toEqual({ base_url: BASE, api_key: KEY, default_headers: HEADERS });
		expect(stdout).toContain(fixture.body.stream ? 'stub streamed answer' : 'stub answer');
	});
});
