import { describe, expect, it } from 'vitest';
import { addAnswer } from '../../../../src/core/conversation/answer';
import { EMPTY_COMPLETION } from '../../../../src/core/stream/accumulate';
import type { Completion } from '../../../../src/core/stream/types';

const request = `${JSON.stringify(
	{ model: 'x/y', messages: [{ role: 'user', content: 'Hi' }], temperature: 0.2 },
	null,
	2,
)}`;
const answer: Completion = {
	...EMPTY_COMPLETION,
	text: 'Hello!',
	reasoningDetails: [{ type: 'reasoning.text', text: 'Greet back.', format: 'unknown' }],
};
const messagesOf = (text: string) => (JSON.parse(text) as { messages: unknown[] }).messages;

describe('addAnswer', () => {
	it('appends the answer as returned, then an empty user message to reply in', () => {
		const result = addAnswer(request, answer);
		if (!result.ok) throw new Error(result.message);
		expect(result.added).toBe(true);
		expect(messagesOf(result.text)).toEqual([
			{ role: 'user', content: 'Hi' },
			{ role: 'assistant', content: 'Hello!', reasoning_details: answer.reasoningDetails },
			{ role: 'user', content: '' },
		]);
		expect(result.reply).toBe(2);
		expect(JSON.parse(result.text).temperature).toBe(0.2);
	});

	it('is idempotent: adding the same answer again changes nothing', () => {
		const once = addAnswer(request, answer);
		if (!once.ok) throw new Error(once.message);
		const twice = addAnswer(once.text, answer);
		expect(twice).toEqual({ ok: true, text: once.text, added: false, reply: 2 });
	});

	it('after the empty reply was removed, a second add only puts the reply back', () => {
		const once = addAnswer(request, answer);
		if (!once.ok) throw new Error(once.message);
		const trimmed = JSON.stringify({
			...JSON.parse(once.text),
			messages: messagesOf(once.text).slice(0, 2),
		});
		const again = addAnswer(trimmed, answer);
		if (!again.ok) throw new Error(again.message);
		expect(again.added).toBe(false);
		expect(messagesOf(again.text)).toEqual(messagesOf(once.text));
	});

	it('a different answer (a new run) is added after the earlier one', () => {
		const once = addAnswer(request, answer);
		if (!once.ok) throw new Error(once.message);
		const next = addAnswer(once.text, { ...EMPTY_COMPLETION, text: 'Bonjour !' });
		if (!next.ok) throw new Error(next.message);
		expect(next.added).toBe(true);
		expect(messagesOf(next.text).map((m) => (m as { content: string }).content)).toEqual([
			'Hi',
			'Hello!',
			'',
			'Bonjour !',
			'',
		]);
	});

	it('refuses a request that is not JSON or has no messages, and says why', () => {
		expect(addAnswer('{', answer)).toMatchObject({ ok: false });
		expect(addAnswer('{"model":"x"}', answer)).toMatchObject({
			ok: false,
			message: expect.stringContaining('messages'),
		});
	});
});
