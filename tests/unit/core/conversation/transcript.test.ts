import { describe, expect, it } from 'vitest';
import {
	placeAnswer,
	roleName,
	shownTurns,
	toolNamesOf,
	turnJson,
	turnMarkdown,
} from '../../../../src/core/conversation/transcript';

const user = (content: string) => ({ role: 'user', content });
const bot = (content: string) => ({ role: 'assistant', content });

describe('transcript', () => {
	it('an empty user message at the end is the reply being written, not a turn', () => {
		expect(shownTurns([user('Q'), bot('A'), user('')])).toEqual([user('Q'), bot('A')]);
		expect(shownTurns([user('Q')])).toEqual([user('Q')]);
	});

	it('places the answer after the turns it answered, in place once added, else stale', () => {
		const sent = [user('Q')];
		expect(placeAnswer([user('Q')], null, null)).toEqual({ kind: 'none' });
		expect(placeAnswer([user('Q')], sent, bot('A'))).toEqual({ kind: 'pending' });
		expect(placeAnswer([user('Q'), bot('A')], sent, bot('A'))).toEqual({ kind: 'turn', index: 1 });
		expect(placeAnswer([user('Q'), bot('other')], sent, bot('A'))).toEqual({ kind: 'stale' });
		expect(placeAnswer([user('Q edited')], sent, bot('A'))).toEqual({ kind: 'stale' });
		expect(placeAnswer([], sent, bot('A'))).toEqual({ kind: 'stale' });
		// Key order does not make a turn differ.
		expect(placeAnswer([{ content: 'Q', role: 'user' }], sent, null)).toEqual({ kind: 'pending' });
	});

	it('copies a turn as markdown with its tool calls, or as its JSON', () => {
		const call = {
			role: 'assistant',
			content: null,
			tool_calls: [{ id: 'a', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
		};
		expect(turnMarkdown(user('Hi *there*'))).toBe('**User**\n\nHi *there*\n');
		expect(turnMarkdown(call)).toBe(
			'**Assistant**\n\nTool call `get_weather`:\n\n```json\n{"city":"Paris"}\n```\n',
		);
		expect(JSON.parse(turnJson(call))).toEqual(call);
	});

	it('names roles, and tool calls by id (hostile ids included)', () => {
		expect(roleName('system')).toBe('System');
		expect(roleName('constructor')).toBe('constructor');
		const names = toolNamesOf([
			{
				role: 'assistant',
				tool_calls: [{ id: '__proto__', function: { name: 'get_weather' } }, null],
			},
		]);
		expect(names.get('__proto__')).toBe('get_weather');
		expect(names.get('constructor')).toBeUndefined();
	});
});
