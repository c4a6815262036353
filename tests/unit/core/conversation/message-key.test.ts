import { describe, expect, it } from 'vitest';
import { messageKey, sameJson } from '../../../../src/core/conversation/message-key';

/** Values that differ, or not, in every way JSON can tell or cannot (key order, undefined, -0…). */
const VALUES: unknown[] = [
	undefined,
	() => 1,
	null,
	0,
	-0,
	1,
	1.5,
	Number.NaN,
	Number.POSITIVE_INFINITY,
	'',
	'0',
	'null',
	'café',
	true,
	false,
	[],
	[null],
	[undefined],
	[() => 1],
	[1, 2],
	[2, 1],
	[[1], 2],
	{},
	{ a: undefined },
	{ a: null },
	{ a: 1 },
	{ a: '1' },
	{ b: 1 },
	{ a: 1, b: 2 },
	{ b: 2, a: 1 },
	{ a: 1, b: 2, c: undefined },
	{ a: 1, b: () => 2 },
	{ a: { x: [1, { y: 'z' }] } },
	{ a: { x: [1, { y: 'z', w: undefined }] } },
	{ a: { x: [1, { y: 'y' }] } },
	{ a: [] },
	{ a: {} },
	{ when: new Date(0) },
	{ when: new Date(0).toJSON() },
	{ role: 'user', content: [{ type: 'text', text: 'hi' }] },
	{ content: [{ text: 'hi', type: 'text' }], role: 'user' },
	{ role: 'user', content: 'hi' },
];

describe('sameJson', () => {
	it('says what comparing the two messages’ keys says, for every pair', () => {
		for (const a of VALUES)
			for (const b of VALUES) {
				const expected = messageKey(a) === messageKey(b);
				expect(sameJson(a, b), `${messageKey(a)} vs ${messageKey(b)}`).toBe(expected);
			}
	});

	it('compares a whole conversation, key order aside, and tells a one-letter change', () => {
		const turns = Array.from({ length: 200 }, (_, i) => ({
			role: i % 2 ? 'assistant' : 'user',
			content: `turn ${i} `.repeat(500),
		}));
		const sent = JSON.parse(JSON.stringify(turns)) as typeof turns;
		const reordered = sent.map(({ role, content }) => ({ content, role }));
		expect(sameJson(turns, reordered)).toBe(true);
		const changed = structuredClone(turns);
		changed[150]!.content = `${changed[150]!.content.slice(0, -1)}!`;
		expect(sameJson(turns, changed)).toBe(false);
	});
});
