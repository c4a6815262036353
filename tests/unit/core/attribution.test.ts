import { describe, expect, it } from 'vitest';
import {
	attributionHeaders,
	attributionProblems,
	defaultAttribution,
	readAttribution,
} from '../../../src/core/attribution';

describe('attribution headers', () => {
	const on = { ...defaultAttribution('https://me.example/play/'), enabled: true };

	it('are off by default, and carry the app URL and name when on', () => {
		expect(attributionHeaders(defaultAttribution('https://me.example/'))).toEqual({});
		expect(attributionHeaders(on)).toEqual({
			'HTTP-Referer': 'https://me.example/play/',
			'X-Title': 'OpenRouter Playground',
		});
	});

	it('leave out values a header cannot carry', () => {
		expect(attributionHeaders({ ...on, title: 'Two\nlines', referer: '' })).toEqual({});
		expect(attributionHeaders({ ...on, title: 'Emoji 🚀' })).not.toHaveProperty('X-Title');
	});

	it('name each header fetch would refuse, and send none of them', () => {
		const bad = { ...on, referer: 'https://例え.jp/', title: 'a\r\nX-Injected: 1' };
		expect(attributionHeaders(bad)).toEqual({});
		expect(attributionProblems(bad)).toEqual([
			{ name: 'HTTP-Referer', message: expect.stringContaining('HTTP-Referer contains "例"') },
			{ name: 'X-Title', message: expect.stringContaining('X-Title has a line break') },
		]);
		expect(attributionProblems({ ...on, title: 'x'.repeat(600) })[0]?.name).toBe('X-Title');
		expect(attributionProblems(on)).toEqual([]);
		expect(attributionProblems({ ...bad, enabled: false })).toEqual([]);
	});

	it('read only their own versioned record', () => {
		expect(readAttribution(on)).toEqual(on);
		expect(readAttribution({ ...on, v: 2 })).toBeNull();
		expect(readAttribution({ v: 1, enabled: 'yes' })).toBeNull();
	});
});
