import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TARGETS } from '../../../../src/core/codegen/targets';
import { EXTENSIONS, FIXTURES, GOLDEN_DIR } from './fixtures';

/**
 * Every target × every fixture against a reviewed golden file. After an intended change, run
 * `UPDATE_GOLDEN=1 npx vitest run tests/unit/core/codegen/golden.test.ts`, then read the diff.
 */
const OPTIONS = {
	baseUrl: 'https://openrouter.ai/api/v1',
	headers: {
		'HTTP-Referer': 'https://playground.example/',
		'X-OpenRouter-Title': 'OpenRouter Playground',
	},
};

describe('snippets match their golden files', () => {
	for (const fixture of FIXTURES) {
		it.each(TARGETS.map((t) => [t.id, t] as const))(`${fixture.name} · %s`, (_id, target) => {
			const file = join(GOLDEN_DIR, `${fixture.name}.${target.id}.${EXTENSIONS[target.language]}`);
			const code = target.generate(fixture.body, OPTIONS);
			if (process.env.UPDATE_GOLDEN) {
				mkdirSync(GOLDEN_DIR, { recursive: true });
				writeFileSync(file, code);
			}
			expect(existsSync(file), `missing golden file ${file}`).toBe(true);
			expect(code).toBe(readFileSync(file, 'utf8'));
		});
	}
});
