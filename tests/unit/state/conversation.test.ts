import { describe, expect, it } from 'vitest';
import { NO_BRANCHES, type Branches } from '../../../src/core/conversation/branches';
import { Conversation } from '../../../src/state/conversation.svelte';
import { Playground, type SendFn } from '../../../src/state/playground.svelte';
import { loadedSettings, textChunk } from './helpers';

type Body = { messages: Record<string, unknown>[] };

/** A model that answers "Answer N" to the Nth request, and keeps every body it was sent. */
function fakeModel() {
	const bodies: Body[] = [];
	const send: SendFn = async function* (body) {
		bodies.push(structuredClone(body) as Body);
		yield { type: 'open', status: 200, generationId: null, providerName: null, headers: [] };
		yield textChunk(`Answer ${bodies.length}`, 'stop');
		yield { type: 'done' };
	};
	return { send, bodies };
}

async function setup() {
	const model = fakeModel();
	const settings = await loadedSettings();
	let saved: Branches = NO_BRANCHES;
	const store = { load: async () => saved, save: async (tree: Branches) => void (saved = tree) };
	let clock = 0;
	const playground: Playground = new Playground({
		send: model.send,
		settings,
		schedule: (commit) => commit(),
		onRunEnd: (run) => conversation.recordRun(run),
	});
	const conversation: Conversation = new Conversation({ playground, store, now: () => ++clock });
	playground.text = JSON.stringify({
		model: 'm',
		messages: [{ role: 'user', content: 'Q1' }],
	});
	return { playground, conversation, bodies: model.bodies, stored: () => saved };
}

const messagesOf = (playground: Playground) => (JSON.parse(playground.text) as Body).messages;

describe('Conversation', () => {
	it('a reply sends the answer as it came and the new message; the transcript follows', async () => {
		const { playground, conversation, bodies } = await setup();
		await playground.send();
		expect(conversation.place).toEqual({ kind: 'pending' });
		expect(await conversation.reply({ role: 'user', content: 'Q2' })).toBe(true);
		expect(bodies[1]!.messages).toEqual([
			{ role: 'user', content: 'Q1' },
			{ role: 'assistant', content: 'Answer 1' },
			{ role: 'user', content: 'Q2' },
		]);
		expect(conversation.turns).toHaveLength(3);
		expect(await conversation.reply({ role: 'user', content: '  ' })).toBe(false);
		expect(bodies).toHaveLength(2);
	});

	it('regenerate keeps the old answer as a sibling, and switching brings it back', async () => {
		const { playground, conversation, bodies, stored } = await setup();
		await playground.send();
		await conversation.regenerate();
		expect(bodies[1]!.messages).toEqual(bodies[0]!.messages);
		expect(conversation.answerSiblings).toEqual({ index: 1, count: 2 });
		conversation.switchTo(1, 0);
		expect(messagesOf(playground).at(-1)).toEqual({ role: 'assistant', content: 'Answer 1' });
		expect(conversation.place).toEqual({ kind: 'stale' });
		// Kept with the draft, and offered to history since there is something to switch between.
		expect(stored()).toEqual(conversation.branches);
		expect(conversation.branchesToKeep()).toBe(conversation.branches);
	});

	it('edit a turn, resend from it: later turns go, the old branch stays; undo brings them back', async () => {
		const { playground, conversation, bodies } = await setup();
		await playground.send();
		await conversation.reply({ role: 'user', content: 'Q2' });
		const before = playground.text;
		conversation.beginEdit(0);
		conversation.edit(0, 'Q1, reworded');
		expect(messagesOf(playground)[0]).toEqual({ role: 'user', content: 'Q1, reworded' });
		expect(conversation.siblings[0]).toEqual({ index: -1, count: 1 });
		expect(conversation.editedTurn).toBe(0);
		await conversation.resendFrom(0);
		expect(bodies[2]!.messages).toEqual([{ role: 'user', content: 'Q1, reworded' }]);
		expect(conversation.siblings[0]).toEqual({ index: 1, count: 2 });
		conversation.undo(); // the resend's truncation
		conversation.undo(); // the edit, as one step
		expect(playground.text).toBe(before);
		expect(conversation.lastAction).toBe('Replied');
	});

	it('deletes a turn as one undoable step; a problem in the JSON is said, not thrown', async () => {
		const { playground, conversation } = await setup();
		await playground.send();
		await conversation.reply({ role: 'user', content: 'Q2' });
		conversation.delete(1);
		expect(messagesOf(playground).map((m) => m.content)).toEqual(['Q1', 'Q2']);
		expect(conversation.lastAction).toBe('Deleted a turn');
		conversation.undo();
		expect(messagesOf(playground)).toHaveLength(3);
		playground.text = '{"messages": [';
		conversation.delete(0);
		expect(conversation.problem).toMatch(/Fix the JSON first/);
		expect(playground.text).toBe('{"messages": [');
	});

	it('adds a system prompt at the top and asks the view to open it', async () => {
		const { playground, conversation } = await setup();
		conversation.addSystemPrompt();
		expect(messagesOf(playground)[0]).toEqual({ role: 'system', content: '' });
		expect(conversation.editAsked).toBe(0);
		conversation.addSystemPrompt();
		expect(messagesOf(playground).filter((m) => m.role === 'system')).toHaveLength(1);
	});

	it('restoring a hostile or missing tree gives no branches', async () => {
		const { conversation } = await setup();
		conversation.restore({ roots: [{ message: 'x', children: [], at: 1 }] });
		expect(conversation.branches).toBe(NO_BRANCHES);
		conversation.restore(undefined);
		expect(conversation.branches).toBe(NO_BRANCHES);
	});
});
