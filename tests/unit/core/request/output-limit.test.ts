import { describe, expect, it } from 'vitest';
import { outputLimit } from '../../../../src/core/request/output-limit';

describe('outputLimit', () => {
	it.each([
		['doubles max_tokens', { max_tokens: 8 }, null, { field: 'max_tokens', limit: 8, raiseTo: 16 }],
		[
			'caps the raise at the model’s largest completion',
			{ max_tokens: 12_000 },
			16_384,
			{ field: 'max_tokens', limit: 12_000, raiseTo: 16_384 },
		],
		[
			'offers nothing above the model’s largest completion',
			{ max_tokens: 16_384 },
			16_384,
			{ field: 'max_tokens', limit: 16_384, raiseTo: null },
		],
		[
			'reads max_completion_tokens when that is the field set',
			{ max_completion_tokens: 100 },
			4096,
			{ field: 'max_completion_tokens', limit: 100, raiseTo: 200 },
		],
		[
			'with no limit set, offers the model’s largest completion',
			{ model: 'x' },
			8192,
			{ field: 'max_tokens', limit: null, raiseTo: 8192 },
		],
		[
			'with no limit set and no catalog entry, offers nothing',
			{},
			null,
			{ field: 'max_tokens', limit: null, raiseTo: null },
		],
		[
			'ignores a limit that is no positive whole number',
			{ max_tokens: '8', max_completion_tokens: -1 },
			null,
			{ field: 'max_tokens', limit: null, raiseTo: null },
		],
	])('%s', (_, body, modelMax, expected) => {
		expect(outputLimit(body, modelMax)).toEqual(expected);
	});
});
