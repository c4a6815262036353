import { describe, expect, it } from 'vitest';
import { parameterSchema } from '../../../../src/core/request/schema';
import {
	enumOf,
	listFromText,
	numberSpec,
	sequencesFromText,
	textFromList,
	textFromSequences,
} from '../../../../src/ui/form/fields';

describe('form field helpers', () => {
	it('reads bounds and help from the schema', () => {
		expect(numberSpec(parameterSchema('temperature'))).toMatchObject({
			min: 0,
			max: 2,
			integer: false,
		});
		expect(numberSpec(parameterSchema('seed'))).toMatchObject({ min: undefined, integer: true });
		expect(numberSpec(parameterSchema('top_logprobs'))).toMatchObject({
			min: 0,
			max: 20,
			integer: true,
		});
		expect(numberSpec(parameterSchema('top_p')).help).toMatch(/Nucleus/);
	});

	it('lists enum values, nulls left out', () => {
		expect(enumOf(parameterSchema('verbosity'))).toEqual(['low', 'medium', 'high', 'xhigh', 'max']);
		expect(enumOf(parameterSchema('service_tier'))).not.toContain(null);
	});

	it('provider lists: commas or lines, empty removes', () => {
		expect(listFromText('anthropic, google-vertex\n deepinfra/turbo ')).toEqual([
			'anthropic',
			'google-vertex',
			'deepinfra/turbo',
		]);
		expect(listFromText(' , ')).toBeUndefined();
		expect(textFromList(['a', 'b'])).toBe('a, b');
	});

	it('stop sequences keep line breaks and commas through the text field', () => {
		const stops = ['\n\nEND', 'a, b', '\t'];
		expect(sequencesFromText(textFromSequences(stops))).toEqual(stops);
		expect(textFromSequences('one')).toBe('one');
		expect(sequencesFromText('')).toBeUndefined();
	});
});
