import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeRequest } from '../../../../src/core/request/normalize';
import type { ChatRequest } from '../../../../src/core/request/types';

export const FIXTURE_DIR = join(import.meta.dirname, '../../../fixtures/requests');
export const GOLDEN_DIR = join(import.meta.dirname, '../../../fixtures/golden');

/** The request fixtures, each as the exact body Send would post. */
export const FIXTURES = readdirSync(FIXTURE_DIR)
	.filter((name) => name.endsWith('.json'))
	.sort()
	.map((name) => ({
		name: name.replace(/\.json$/, ''),
		body: normalizeRequest(
			JSON.parse(readFileSync(join(FIXTURE_DIR, name), 'utf8')) as ChatRequest,
		),
	}));

export const EXTENSIONS = { bash: 'sh', typescript: 'ts', python: 'py' } as const;
