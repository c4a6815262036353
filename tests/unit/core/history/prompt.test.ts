import { describe, expect, it } from 'vitest';
import { promptOf } from '../../../../src/core/history/prompt';

describe('promptOf', () => {
	it('is the last user message, not the first and not the assistant', () => {
		expect(
			promptOf({
				messages: [
					{ role: 'system', content: 'Be brief.' },
					{ role: 'user', content: 'first' },
					{ role: 'assistant', content: 'answer' },
					{ role: 'user', content: 'second' },
					{ role: 'assistant', content: 'later answer' },
				],
			}),
		).toBe('second');
	});

	it('joins the text parts of a multi-part message and skips the others', () => {
		const content = [
			{ type: 'text', text: 'Describe' },
			{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
			{ type: 'text', text: 'this image' },
		];
		expect(promptOf({ messages: [{ role: 'user', content }] })).toBe('Describe this image');
	});

	it('collapses whitespace to one line and keeps 140 characters', () => {
		expect(promptOf({ messages: [{ role: 'user', content: '  a\n\n b\t c  ' }] })).toBe('a b c');
		const long = 'x'.repeat(200);
		expect(promptOf({ messages: [{ role: 'user', content: long }] })).toBe('x'.repeat(140));
	});

	it('is empty for what storage or a file may hold instead of messages', () => {
		expect(promptOf({})).toBe('');
		expect(promptOf({ messages: 'hi' })).toBe('');
		expect(promptOf({ messages: [null, 3, { role: 'user' }, { role: 'user', content: 7 }] })).toBe(
			'',
		);
		expect(promptOf({ messages: [{ role: 'user', content: [null, { text: 5 }] }] })).toBe('');
	});
});
