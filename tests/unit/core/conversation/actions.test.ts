import { describe, expect, it } from 'vitest';
import {
	deleteTurn,
	editTurn,
	hasContent,
	messageKey,
	messagesOf,
	regenerateFrom,
	reply,
	toolResultMessages,
	truncateAfter,
	turnText,
	withTurnText,
	type Message,
} from '../../../../src/core/conversation/actions';

const system = { role: 'system', content: 'Be brief.' };
const user = (content: unknown) => ({ role: 'user', content });
const answer: Message = {
	role: 'assistant',
	content: 'Paris.',
	reasoning_details: [
		{ type: 'reasoning.text', text: 'Think', signature: 'sig==', index: 0 },
		{ type: 'reasoning.encrypted', data: 'gAAAA==', index: 1 },
	],
};
const toolCall: Message = {
	role: 'assistant',
	content: null,
	tool_calls: [
		{ id: 'a', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
		{ id: 'b', type: 'function', function: { name: 'get_time', arguments: '{}' } },
	],
};

describe('turn text', () => {
	it('reads a string, the text parts of an array, or nothing', () => {
		expect(turnText(user('hi'))).toBe('hi');
		expect(
			turnText(
				user([
					{ type: 'text', text: 'one' },
					{ type: 'image_url', image_url: { url: 'data:image/png;base64,AA' } },
					{ type: 'text', text: 'two' },
				]),
			),
		).toBe('one\n\ntwo');
		expect(turnText(toolCall)).toBe('');
	});

	it('edits the first text part and keeps attachments where they were', () => {
		const image = { type: 'image_url', image_url: { url: 'data:image/png;base64,AA' } };
		const edited = withTurnText(
			user([{ type: 'text', text: 'a' }, image, { type: 'text', text: 'b' }]),
			'new',
		);
		expect(edited.content).toEqual([{ type: 'text', text: 'new' }, image]);
		expect(withTurnText(user([image]), 'caption').content).toEqual([
			{ type: 'text', text: 'caption' },
			image,
		]);
		expect(withTurnText(toolCall, 'said').content).toBe('said');
		expect(withTurnText(toolCall, 'said').tool_calls).toBe(toolCall.tool_calls);
	});
});

describe('actions on messages', () => {
	const messages = [system, user('Q1'), answer, user('Q2')];

	it('edits one turn and leaves the others (the same objects)', () => {
		const edited = editTurn(messages, 1, 'Q1!');
		expect(edited[1]).toEqual(user('Q1!'));
		expect(edited[0]).toBe(system);
		expect(edited[2]).toBe(answer);
		expect(messages[1]).toEqual(user('Q1')); // not mutated
	});

	it('resend from a turn drops everything after it', () => {
		expect(truncateAfter(messages, 1)).toEqual([system, user('Q1')]);
		expect(truncateAfter(messages, 3)).toEqual(messages);
	});

	it('deleting an assistant turn takes its tool results with it, and nothing else', () => {
		const withTools = [
			user('Q'),
			toolCall,
			{ role: 'tool', tool_call_id: 'a', content: '1' },
			{ role: 'tool', tool_call_id: 'b', content: '2' },
			user('next'),
		];
		expect(deleteTurn(withTools, 1)).toEqual([user('Q'), user('next')]);
		expect(deleteTurn(withTools, 2)).toEqual([withTools[0], toolCall, withTools[3], user('next')]);
		expect(deleteTurn(withTools, 9)).toEqual(withTools);
	});

	it('regenerate drops an empty reply and the last answer', () => {
		expect(regenerateFrom([user('Q'), answer, user('')])).toEqual([user('Q')]);
		expect(regenerateFrom([user('Q'), answer])).toEqual([user('Q')]);
		expect(regenerateFrom([user('Q')])).toEqual([user('Q')]);
	});

	it('a reply adds the answer exactly as given, once, then the new message', () => {
		const next = reply([user('Q')], answer, user('More'));
		expect(next).toEqual([user('Q'), answer, user('More')]);
		expect(next[1]).toBe(answer);
		// Already added (by "Add to conversation", key order aside): not added again.
		const reordered = Object.fromEntries(Object.entries(answer).reverse());
		expect(reply([user('Q'), reordered, user('')], answer, user('More'))).toEqual([
			user('Q'),
			reordered,
			user('More'),
		]);
		expect(reply([user('Q')], null, user('Again'))).toEqual([user('Q'), user('Again')]);
	});

	it('tool results go by position with the call ids', () => {
		expect(toolResultMessages(toolCall, ['x'])).toEqual([
			{ role: 'tool', tool_call_id: 'a', content: 'x' },
			{ role: 'tool', tool_call_id: 'b', content: '' },
		]);
	});

	it('knows an empty reply from one with text or an attachment', () => {
		expect(hasContent(user('  '))).toBe(false);
		expect(hasContent(user('x'))).toBe(true);
		expect(hasContent(user([{ type: 'image_url', image_url: { url: 'data:,' } }]))).toBe(true);
	});

	it('reads only object messages from a request', () => {
		expect(messagesOf({ messages: [user('a'), 3, null, 'x'] })).toEqual([user('a')]);
		expect(messagesOf(null)).toEqual([]);
		expect(messagesOf({ messages: 'no' })).toEqual([]);
	});

	it('compares messages by value, whatever the key order, with hostile keys', () => {
		expect(messageKey({ a: 1, b: { c: 2, d: 3 } })).toBe(messageKey({ b: { d: 3, c: 2 }, a: 1 }));
		expect(messageKey({ a: [1, 2] })).not.toBe(messageKey({ a: [2, 1] }));
		const hostile = JSON.parse('{"__proto__": {"x": 1}, "role": "user"}') as Message;
		expect(messageKey(hostile)).not.toBe(messageKey({ role: 'user' }));
	});
});
