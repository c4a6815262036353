import { describe, expect, it } from 'vitest';
import { inspectToolCall, toolSchemas } from '../../../../src/core/tools/inspect';

const body = {
	tools: [
		{
			type: 'function',
			function: {
				name: 'get_weather',
				parameters: {
					type: 'object',
					properties: { city: { type: 'string' }, unit: { enum: ['celsius', 'fahrenheit'] } },
					required: ['city'],
				},
			},
		},
		{ type: 'function', function: { name: 'now' } },
	],
};
const schemas = toolSchemas(body);
const call = (name: string, args: string) => ({
	index: 0,
	id: 'c1',
	type: 'function',
	name,
	arguments: args,
});

describe('inspectToolCall', () => {
	it('pretty-prints valid arguments and checks them against the tool schema', () => {
		const view = inspectToolCall(
			call('get_weather', '{"city":"Paris","unit":"celsius"}'),
			schemas,
			true,
		);
		expect(view.pretty).toBe('{\n  "city": "Paris",\n  "unit": "celsius"\n}');
		expect(view.violations).toEqual([]);
		expect(view.jsonError).toBeNull();
	});

	it('names schema violations', () => {
		const view = inspectToolCall(call('get_weather', '{"unit":"kelvin"}'), schemas, true);
		expect(view.violations?.map((v) => v.path)).toEqual(['/city', '/unit']);
	});

	it('flags arguments that are not JSON once the call is settled, not while it streams', () => {
		expect(
			inspectToolCall(call('get_weather', '{"city": "Par'), schemas, false).jsonError,
		).toBeNull();
		expect(inspectToolCall(call('get_weather', '{"city": "Par'), schemas, true).jsonError).toMatch(
			/not valid JSON/,
		);
	});

	it('accepts missing arguments for a tool without parameters, and flags unknown tools', () => {
		expect(inspectToolCall(call('now', ''), schemas, true)).toMatchObject({
			pretty: '{}',
			violations: null,
		});
		expect(inspectToolCall(call('launch', '{}'), schemas, true).unknownTool).toBe(true);
	});
});
