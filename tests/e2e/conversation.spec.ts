import type { Page } from '@playwright/test';
import { E2E } from '../scripts/ports';
import { seriousViolations } from './axe';
import {
	KEYS,
	draftSaved,
	emulator,
	expect,
	response,
	saveKey,
	setRequest,
	test,
} from './fixtures';
import { WEATHER_TOOL, ask } from './response-helpers';

type Message = Record<string, unknown> & { role: string };
type Detail = Record<string, unknown> & { index?: number };

const bodies = async () =>
	(await emulator.chatRequests()).map((r) => r.body as { messages: Message[] });

/**
 * The reasoning_details the emulator streams for `model`, merged per index the way the API's own
 * documentation says (text and summary appended, signature and data taken when they come), by this
 * test's own reading of the raw SSE: not the app's code.
 */
async function streamedDetails(model: string): Promise<Detail[]> {
	const res = await fetch(`${E2E.apiBaseUrl}/chat/completions`, {
		method: 'POST',
		headers: { authorization: `Bearer ${KEYS.good}`, 'content-type': 'application/json' },
		body: JSON.stringify({ model, stream: true, messages: [{ role: 'user', content: 'x' }] }),
	});
	const merged = new Map<number, Detail>();
	for (const line of (await res.text()).split('\n')) {
		if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
		const chunk = JSON.parse(line.slice(6)) as {
			choices?: { delta?: { reasoning_details?: Detail[] } }[];
		};
		for (const d of chunk.choices?.[0]?.delta?.reasoning_details ?? []) {
			const i = d.index ?? merged.size;
			const old = merged.get(i);
			if (!old) {
				merged.set(i, { ...d });
				continue;
			}
			for (const [k, v] of Object.entries(d)) {
				if ((k === 'text' || k === 'summary') && typeof v === 'string')
					old[k] = String(old[k] ?? '') + v;
				else if (v !== '' && v !== null && v !== undefined) old[k] = v;
			}
		}
	}
	return [...merged.entries()].sort(([a], [b]) => a - b).map(([, d]) => d);
}

/** A model served by a provider that ignores `seed`: each answer differs, as sampling models do. */
const sampled = () => ({
	model: 'deepseek/deepseek-chat',
	provider: { order: ['DeepInfra'], allow_fallbacks: false },
	messages: [{ role: 'user', content: 'Name a colour.' }],
	stream: true,
});

async function open(page: Page, body: Record<string, unknown>) {
	await page.goto('./');
	await saveKey(page, KEYS.good);
	await setRequest(page, body);
	const conversation = page.getByRole('region', { name: 'Conversation' });
	await expect(conversation).toBeVisible();
	return conversation;
}

async function sendAndWait(page: Page, count: number) {
	await expect.poll(async () => (await emulator.chatRequests()).length).toBe(count);
	await expect(response(page).status).toContainText('Done', { timeout: 20_000 });
}

async function reply(page: Page, text: string, count: number) {
	const box = page.getByRole('textbox', { name: 'Reply' });
	await box.fill(text);
	await box.press('Enter');
	await sendAndWait(page, count);
}

test('replying three times sends every reasoning_details back as it was streamed', async ({
	page,
}) => {
	const expected = await streamedDetails('emulator/reasoning');
	await emulator.reset();
	expect(expected.some((d) => typeof d.signature === 'string' && d.signature)).toBe(true);
	await open(page, ask('reasoning'));
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await sendAndWait(page, 1);
	await reply(page, 'And in Lyon?', 2);
	await reply(page, 'And in Nice?', 3);
	const third = (await bodies())[2]!;
	const roles = third.messages.map((m) => m.role);
	expect(roles).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
	for (const m of third.messages.filter((m) => m.role === 'assistant'))
		expect(m.reasoning_details).toEqual(expected);
	expect(third.messages.at(-1)).toEqual({ role: 'user', content: 'And in Nice?' });
	// The transcript shows every turn in order, the answer last.
	const turns = page.getByRole('region', { name: 'Conversation' }).getByRole('listitem');
	await expect(turns).toHaveCount(6);
});

test('encrypted reasoning goes back byte for byte, and the turn says it was kept', async ({
	page,
}) => {
	const expected = await streamedDetails('emulator/reasoning-encrypted');
	await emulator.reset();
	expect(expected.some((d) => d.type === 'reasoning.encrypted')).toBe(true);
	const conversation = await open(page, ask('reasoning-encrypted'));
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await sendAndWait(page, 1);
	await reply(page, 'Go on.', 2);
	const [, second] = await bodies();
	const sent = second!.messages[1]!;
	expect(JSON.stringify(sent.reasoning_details)).toBe(JSON.stringify(expected));
	await expect(conversation.getByText(/encrypted reasoning kept/)).toBeVisible();
});

test('a tool call: the results form replaces the reply box, then the conversation goes on', async ({
	page,
}) => {
	const conversation = await open(page, ask('parallel-tool-calls', { tools: [WEATHER_TOOL] }));
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await sendAndWait(page, 1);
	await expect(conversation.getByRole('textbox', { name: 'Reply' })).toHaveCount(0);
	const form = conversation.getByRole('form', { name: 'Tool results' });
	await form.getByLabel(/Result for get_weather call_emulator_a/).fill('{"temp": 18}');
	await form.getByLabel(/Result for get_weather call_emulator_b/).fill('{"temp": 12}');
	await form.getByRole('button', { name: 'Continue with results' }).click();
	await sendAndWait(page, 2);
	// The results show under their calls, named for the tool, and went with their call ids.
	await expect(conversation.getByRole('listitem', { name: /Result for get_weather/ })).toHaveCount(
		2,
	);
	const second = (await bodies())[1]!;
	expect(second.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'tool']);
	// This model calls its tools again: the results form is back, not the reply box.
	await expect(conversation.getByRole('form', { name: 'Tool results' })).toBeVisible();
	await expect(conversation.getByRole('textbox', { name: 'Reply' })).toHaveCount(0);
});

test('edit turn 1 and resend: later turns leave the body, the old branch stays switchable', async ({
	page,
}) => {
	const conversation = await open(page, ask('echo'));
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await sendAndWait(page, 1);
	await reply(page, 'Second question', 2);
	await reply(page, 'Third question', 3);

	// Edit the second user turn (turn 3) in place: what is typed is in the request at once.
	const turn = conversation.getByRole('listitem', { name: 'User, turn 3' });
	await turn.getByRole('button', { name: 'Edit' }).click();
	await turn.getByRole('textbox', { name: 'Edit turn 3' }).fill('Second question, reworded');
	const editor = page.getByRole('textbox', { name: 'Request JSON' });
	await expect
		.poll(
			async () => (JSON.parse(await editor.inputValue()) as { messages: Message[] }).messages[2],
		)
		.toEqual({ role: 'user', content: 'Second question, reworded' });
	await turn.getByRole('button', { name: 'Resend from here' }).click();
	await sendAndWait(page, 4);
	const fourth = (await bodies())[3]!;
	expect(fourth.messages.map((m) => m.content)).toEqual([
		'What is the weather in Paris?',
		(await bodies())[1]!.messages[1]!.content,
		'Second question, reworded',
	]);

	// The old branch is kept: turn 3 shows 2 / 2, and going back re-forms the request from it.
	const branches = conversation
		.getByRole('listitem', { name: 'User, turn 3' })
		.getByRole('group', { name: /Branch 2 of 2/ });
	await expect(branches).toBeVisible();
	await branches.getByRole('button', { name: 'Previous branch' }).click();
	await expect
		.poll(async () =>
			(JSON.parse(await editor.inputValue()) as { messages: Message[] }).messages.map(
				(m) => m.content,
			),
		)
		.toContain('Third question');

	// Branches survive a reload.
	await draftSaved(page);
	await page.reload();
	await expect(
		page
			.getByRole('region', { name: 'Conversation' })
			.getByRole('listitem', { name: 'User, turn 3' })
			.getByRole('group', { name: /Branch 1 of 2/ }),
	).toBeVisible();
});

test('a run loaded from history brings its branches back', async ({ page }) => {
	const conversation = await open(page, ask('echo'));
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await sendAndWait(page, 1);
	await reply(page, 'Second question', 2);
	const turn = conversation.getByRole('listitem', { name: 'User, turn 3' });
	await turn.getByRole('button', { name: 'Edit' }).click();
	await turn.getByRole('textbox', { name: 'Edit turn 3' }).fill('Other second question');
	await turn.getByRole('button', { name: 'Resend from here' }).click();
	await sendAndWait(page, 3);
	const branch = conversation
		.getByRole('listitem', { name: 'User, turn 3' })
		.getByRole('group', { name: 'Branch 2 of 2' });
	await expect(branch).toBeVisible();

	// Another conversation (a model link) replaces the branches kept with the draft…
	await page.goto('./#model=emulator/echo');
	await expect(page.getByText(/Opened the default request with emulator\/echo/)).toBeVisible();
	await expect(conversation.getByRole('group', { name: /Branch/ })).toHaveCount(0);
	// …and the last run from history brings its own back.
	await page.getByRole('button', { name: 'History' }).click();
	const dialog = page.getByRole('dialog', { name: 'History' });
	await dialog
		.getByRole('list', { name: 'Runs' })
		.getByRole('listitem')
		.first()
		.getByRole('button')
		.click();
	await dialog.getByRole('button', { name: 'Load into editor' }).click();
	await expect(branch).toBeVisible();
	await branch.getByRole('button', { name: 'Previous branch' }).click();
	const editor = page.getByRole('textbox', { name: 'Request JSON' });
	await expect
		.poll(
			async () => (JSON.parse(await editor.inputValue()) as { messages: Message[] }).messages[2],
		)
		.toEqual({ role: 'user', content: 'Second question' });
});

test('regenerate keeps the old answer as a sibling; delete and undo', async ({ page }) => {
	const conversation = await open(page, sampled());
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await sendAndWait(page, 1);
	await conversation.getByRole('button', { name: 'Regenerate' }).click();
	await sendAndWait(page, 2);
	const [first, second] = await bodies();
	expect(second!.messages).toEqual(first!.messages);
	await expect(conversation.getByRole('group', { name: 'Branch 2 of 2' })).toBeVisible();

	// Reply, then delete the reply's turn and undo it with the keyboard.
	await reply(page, 'A follow-up', 3);
	const editor = page.getByRole('textbox', { name: 'Request JSON' });
	const count = async () =>
		(JSON.parse(await editor.inputValue()) as { messages: Message[] }).messages.length;
	expect(await count()).toBe(3);
	await conversation.getByRole('button', { name: 'Delete turn 3' }).click();
	await expect.poll(count).toBe(2);
	await conversation.getByRole('button', { name: 'Delete turn 2' }).focus();
	await page.keyboard.press('Control+z');
	await expect.poll(count).toBe(3);
	// And with the notice's Undo.
	await conversation.getByRole('button', { name: 'Delete turn 1' }).click();
	await expect.poll(count).toBe(2);
	await conversation.getByRole('button', { name: 'Undo' }).click();
	await expect.poll(count).toBe(3);
});

test('a share link of a branched conversation carries the current branch only', async ({
	page,
	browser,
	context,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const conversation = await open(page, sampled());
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await sendAndWait(page, 1);
	await conversation.getByRole('button', { name: 'Regenerate' }).click();
	await sendAndWait(page, 2);
	await reply(page, 'Current branch', 3);
	await page.getByRole('button', { name: 'Share' }).click();
	await expect(page.getByText('Link copied')).toBeVisible();
	const link = await page.evaluate(() => navigator.clipboard.readText());
	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await other.goto(link);
	const shared = other.getByRole('region', { name: 'Conversation' });
	// The user's question, the answer of the current branch, the reply; no branch to switch to.
	await expect(shared.getByRole('listitem')).toHaveCount(3);
	const sent = JSON.parse(await other.getByRole('textbox', { name: 'Request JSON' }).inputValue());
	expect(sent.messages).toEqual((await bodies())[2]!.messages);
	await expect(shared.getByRole('group', { name: /Branch/ })).toHaveCount(0);
	expect(await emulator.chatRequests()).toHaveLength(3);
	await fresh.close();
});

test('keyboard only: reply with Enter, Shift+Enter for a new line; axe in light and dark', async ({
	page,
}) => {
	const conversation = await open(page, ask('echo'));
	const box = conversation.getByRole('textbox', { name: 'Reply' });
	await box.focus();
	await page.keyboard.type('Line one');
	await page.keyboard.press('Shift+Enter');
	await page.keyboard.type('Line two');
	await page.keyboard.press('Enter');
	await sendAndWait(page, 1);
	const [first] = await bodies();
	expect(first!.messages.at(-1)).toEqual({ role: 'user', content: 'Line one\nLine two' });
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		const include = '[aria-label="Conversation"]';
		expect(await seriousViolations(page, { include, tags: null }), scheme).toEqual([]);
	}
});

test('copy a turn as markdown or as its JSON message', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const conversation = await open(page, ask('echo'));
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await sendAndWait(page, 1);
	const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
	await conversation.getByRole('button', { name: 'Copy turn 1 as JSON' }).click();
	await expect(conversation.getByText('Copied as JSON')).toBeVisible();
	expect(JSON.parse(await clipboard())).toEqual({
		role: 'user',
		content: 'What is the weather in Paris?',
	});
	await conversation.getByRole('button', { name: 'Copy the answer as markdown' }).click();
	await expect.poll(clipboard).toBe('**Assistant**\n\nWhat is the weather in Paris?\n');
});

test('past answers read as markdown, sanitised like the live one', async ({ page }) => {
	const hostile =
		'Say **bold** and `code` <img src=x onerror="window.__xss=1"> [x](javascript:alert(1))';
	const conversation = await open(page, {
		...ask('echo'),
		messages: [{ role: 'user', content: hostile }],
	});
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await sendAndWait(page, 1);
	await reply(page, 'next', 2);
	const past = conversation.getByRole('listitem', { name: 'Assistant, turn 2' });
	await expect(past.locator('strong')).toHaveText('bold');
	await expect(past.locator('code')).toHaveText('code');
	await expect(past.locator('img')).toHaveCount(0);
	await expect(past.locator('a[href^="javascript"]')).toHaveCount(0);
	expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
});

test('undo takes back a resend and a regenerate, each as one step', async ({ page }) => {
	const conversation = await open(page, sampled());
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await sendAndWait(page, 1);
	await reply(page, 'Second', 2);
	const editor = page.getByRole('textbox', { name: 'Request JSON' });
	const messages = async () =>
		(JSON.parse(await editor.inputValue()) as { messages: Message[] }).messages;
	const before = await messages();

	// Regenerate drops nothing here (the answer is not in the messages yet); Undo has nothing new.
	await conversation.getByRole('button', { name: 'Regenerate' }).click();
	await sendAndWait(page, 3);
	// Resend from turn 1 removes the later turns; Undo brings them back as they were.
	const turn = conversation.getByRole('listitem', { name: 'User, turn 1' });
	await turn.getByRole('button', { name: 'Edit' }).click();
	await turn.getByRole('textbox', { name: 'Edit turn 1' }).fill('Name a fruit.');
	await turn.getByRole('button', { name: 'Resend from here' }).click();
	await sendAndWait(page, 4);
	expect(await messages()).toEqual([{ role: 'user', content: 'Name a fruit.' }]);
	await conversation.getByRole('button', { name: 'Undo' }).click();
	await expect.poll(async () => (await messages()).length).toBe(3);
	expect((await messages())[0]).toEqual({ role: 'user', content: 'Name a fruit.' });
	await conversation.getByRole('button', { name: 'Undo' }).click();
	await expect.poll(messages).toEqual(before);
});

test('scrolling up a long conversation: answers render before they show, nothing jumps', async ({
	page,
}) => {
	// Answers whose markdown is taller than their plain text (headings, lists, a code block), as
	// past answers are shown as text until they come near.
	const answer = (i: number) =>
		`# Answer ${i}\n\n${Array.from({ length: 6 }, (_, k) => `- point ${k} of answer ${i}`).join('\n')}\n\n## Code\n\n\`\`\`ts\nconst x = ${i};\nconst y = x * 2;\n\`\`\`\n\nThe end of answer ${i}.`;
	const messages = Array.from({ length: 60 }, (_, i) =>
		i % 2 ? { role: 'assistant', content: answer(i) } : { role: 'user', content: `Q${i}` },
	);
	const conversation = await open(page, { model: 'openai/gpt-4o-mini', messages });
	const turns = conversation.locator('ol.turns > li');
	await expect(turns).toHaveCount(60);
	const last = turns.last();
	// The pane that scrolls, taken to the bottom.
	const scroller = await last.evaluateHandle((li) => {
		let el = li.parentElement;
		while (el && !/auto|scroll/.test(getComputedStyle(el).overflowY)) el = el.parentElement;
		if (!el) throw new Error('no scrolling pane');
		el.scrollTop = el.scrollHeight;
		return el;
	});
	await expect(last.getByRole('heading', { name: 'Answer 59' })).toBeVisible();
	/** The turn at the middle of the pane, its top, and how far the pane is scrolled. */
	const where = () =>
		scroller.evaluate((el) => {
			const r = el.getBoundingClientRect();
			const middle = r.y + r.height / 2;
			const turn = [...el.querySelectorAll<HTMLElement>('ol.turns > li')].find(
				(li) => li.getBoundingClientRect().bottom >= middle,
			);
			if (!turn) throw new Error('no turn in the middle of the pane');
			document.querySelector('[data-probe]')?.removeAttribute('data-probe');
			turn.dataset.probe = '1';
			return { top: turn.getBoundingClientRect().top, scrollTop: el.scrollTop };
		});
	/** Resolves once the pane has not scrolled for three frames (scroll anchoring may move it). */
	const settled = () =>
		scroller.evaluate(
			(el) =>
				new Promise<void>((resolve) => {
					let [last, still] = [el.scrollTop, 0];
					const frame = () =>
						requestAnimationFrame(() => {
							still = el.scrollTop === last ? still + 1 : 0;
							last = el.scrollTop;
							if (still >= 3) resolve();
							else frame();
						});
					frame();
				}),
		);
	const moves: number[] = [];
	for (let step = 0; step < 40; step++) {
		const before = await where();
		if (before.scrollTop < 600) break;
		// Scrolled by the page, not the mouse wheel: a wheel over a code block or a button is the
		// browser's to route, and this is about what the page does once it has scrolled.
		await scroller.evaluate((el) => el.scrollBy({ top: -300, behavior: 'instant' }));
		await settled();
		const top = await page.locator('[data-probe]').evaluate((el) => el.getBoundingClientRect().top);
		moves.push(Math.round(top - before.top));
	}
	// Every step moved the text being read by the 300 px scrolled, none by more or less (a jump).
	expect(moves.length).toBeGreaterThan(10);
	expect(moves.filter((m) => Math.abs(m - 300) > 2)).toEqual([]);
	// And what came into view had been rendered as markdown.
	await expect(conversation.getByRole('heading', { name: /^Answer / }).first()).toBeAttached();
});
