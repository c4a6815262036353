import { describe, expect, it } from 'vitest';
import { hasDebugEcho, setDebugEcho } from '../../../../src/core/upstream/request-flag';

describe('setDebugEcho', () => {
	it('adds and removes the flag, keeping other debug options and fields', () => {
		const on = setDebugEcho('{"model":"m","stream":true}', true);
		expect(JSON.parse(on ?? '')).toEqual({
			model: 'm',
			stream: true,
			debug: { echo_upstream_body: true },
		});
		expect(JSON.parse(setDebugEcho(on ?? '', false) ?? '')).toEqual({ model: 'm', stream: true });
		const other = setDebugEcho('{"debug":{"x":1,"echo_upstream_body":true}}', false);
		expect(JSON.parse(other ?? '')).toEqual({ debug: { x: 1 } });
	});

	it('never replaces text that is not a JSON object', () => {
		expect(setDebugEcho('{"model": ', true)).toBeNull();
		expect(setDebugEcho('[1]', true)).toBeNull();
	});

	it('hasDebugEcho reads the body', () => {
		expect(hasDebugEcho({ debug: { echo_upstream_body: true } })).toBe(true);
		expect(hasDebugEcho({ debug: { echo_upstream_body: 'yes' } })).toBe(false);
		expect(hasDebugEcho(null)).toBe(false);
	});
});
