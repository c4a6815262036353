import { describe, expect, it } from 'vitest';
import { byContent } from '../../emulator/scenarios';

const ask = (content: string, extra: Record<string, unknown> = {}) => ({
	messages: [{ role: 'user', content }],
	...extra,
});

describe('by-content scenario', () => {
	it('echoes without a marker, and picks the scenario a marker names', () => {
		expect(byContent(ask('Say alpha'), false)).toBe('echo');
		expect(byContent(ask('Say [long] now'), false)).toBe('long');
		expect(byContent(ask('Say [no-such-scenario]'), false)).toBe('echo');
	});

	it('rate-limits a body once: its repeat answers', () => {
		expect(byContent(ask('beta [429-once]'), false)).toBe('http-429-retry');
		expect(byContent(ask('beta [429-once]'), true)).toBe('echo');
	});

	it('applies a marker with a condition only to the body that meets it', () => {
		const text = 'delta [mid-stream-error@temperature=0.2]';
		expect(byContent(ask(text, { temperature: 0.2 }), false)).toBe('mid-stream-error');
		expect(byContent(ask(text), false)).toBe('echo');
		expect(byContent(ask(text, { temperature: 0.7 }), false)).toBe('echo');
	});
});
