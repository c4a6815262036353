import { describe, expect, it } from 'vitest';
import type { PriceList as CatalogPrices } from '../../../src/core/billing/price-list';
import type { Clock } from '../../../src/core/lab/scheduler';
import type { StreamEvent } from '../../../src/core/stream/types';
import { deflateRaw } from '../../../src/io/deflate';
import type { RunRecord } from '../../../src/core/history/record';
import { Lab, type LabDeps } from '../../../src/state/lab.svelte';
import { RAW_KEPT } from '../../../src/state/lab-grid.svelte';
import {
	labFileText,
	labLink,
	openLabFile,
	openLabLink,
	resultsText,
} from '../../../src/state/lab-files';
import { Playground, type SendFn } from '../../../src/state/playground.svelte';
import { loadedSettings, textChunk } from './helpers';

const KEY = 'sk-or-v1-test-unit';
const request = {
	model: 'a/model',
	messages: [{ role: 'user', content: 'Say {{word}}' }],
	max_tokens: 10,
	stream: true,
};

/** A clock whose sleeps end only when the test moves time on. */
function fakeClock() {
	let now = 1_767_225_600_000; // epoch ms: X-RateLimit-Reset is compared with it
	const sleepers: { at: number; resolve: () => void }[] = [];
	const clock: Clock = {
		now: () => now,
		sleep: (ms, signal) =>
			new Promise((resolve) => {
				sleepers.push({ at: now + ms, resolve });
				signal.addEventListener('abort', () => resolve(), { once: true });
			}),
	};
	return {
		clock,
		sleeping: () => sleepers.length,
		advance(ms: number) {
			now += ms;
			for (const s of sleepers.filter((s) => s.at <= now)) {
				sleepers.splice(sleepers.indexOf(s), 1);
				s.resolve();
			}
		},
	};
}

const prompt = (body: Record<string, unknown>) =>
	(body.messages as { content: string }[])[0]?.content ?? '';
const http = (
	status: number,
	message: string,
	metadata?: Record<string, unknown>,
): StreamEvent => ({
	type: 'error',
	error: { kind: 'http', status, code: status, message, ...(metadata ? { metadata } : {}) },
});
const answer = (text: string): StreamEvent[] => [
	{ type: 'open', status: 200, generationId: null, providerName: null },
	textChunk(text, 'stop', { prompt_tokens: 4, completion_tokens: 2, cost: 0.001 }),
	{ type: 'done' },
];
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function setup(send: SendFn, overrides: Partial<LabDeps> = {}) {
	const settings = await loadedSettings(KEY);
	const fake = fakeClock();
	const calls: Record<string, unknown>[] = [];
	const loaded: Record<string, unknown>[] = [];
	const prices: CatalogPrices = {
		ok: true,
		fetchedAt: null,
		models: [
			{ id: 'a/model', canonical: null, pricing: { prompt: '0.000001', completion: '0.000002' } },
		],
	};
	const lab = new Lab({
		send: (body, options) => (calls.push(body), send(body, options)),
		settings,
		request: () => request,
		setRequest: (r) => loaded.push(r),
		deflate: deflateRaw,
		loadPrices: async () => prices,
		clock: fake.clock,
		schedule: (commit) => commit(),
		...overrides,
	});
	lab.show();
	return { lab, fake, calls, settings, loaded };
}

const statuses = (lab: Lab) => lab.grid?.cells.map((c) => lab.grid?.states.get(c.id)?.status);

describe('Lab', () => {
	it("fills the playground's body with its variables, and names a missing or empty one", async () => {
		const settings = await loadedSettings(KEY);
		const posted: Record<string, unknown>[] = [];
		const playground = new Playground({
			send: async function* (body) {
				posted.push(body);
				yield* answer('ok');
			},
			settings,
			schedule: (commit) => commit(),
		});
		playground.text = JSON.stringify(request);
		const lab = new Lab({
			send: playground.send as unknown as SendFn,
			settings,
			request: () => playground.template,
			setRequest: () => undefined,
			deflate: deflateRaw,
			loadPrices: async () => ({ ok: false, message: 'none' }),
		});
		expect(lab.variables).toEqual(['word']);
		playground.useBodyTransform(lab.fill);
		expect(playground.sendBlocker).toBe('Prompt lab: Missing value for word');
		lab.setValue('word', '');
		expect(playground.sendBlocker).toBe('Prompt lab: Empty value for word');
		lab.setValue('word', 'hello');
		expect(playground.sendBlocker).toBeNull();
		expect(prompt(playground.body!)).toBe('Say hello');
		expect(prompt(playground.template!)).toBe('Say {{word}}');
		await playground.send();
		expect(posted.map(prompt)).toEqual(['Say hello']);
	});

	it('runs case × column, backs off on a 429 by the reset time in the body, then passes checks', async () => {
		let limited = false;
		const { lab, fake, calls } = await setup(async function* (body) {
			if (prompt(body) === 'Say two' && !limited) {
				limited = true;
				const reset = String(fake.clock.now() + 2_000);
				yield http(429, 'Rate limit exceeded', { headers: { 'X-RateLimit-Reset': reset } });
				return;
			}
			yield* answer(`${prompt(body)} done`);
		});
		lab.cases.add(lab.caseColumns);
		lab.cases.setValue(0, 'word', 'one');
		lab.cases.add(lab.caseColumns);
		lab.cases.setValue(1, 'word', 'two');
		lab.addColumn();
		lab.editColumn('c2', '{"temperature": 0.2}');
		lab.addAssertion({ kind: 'contains', value: 'Say one' });
		expect(lab.patches.map((c) => c.label)).toEqual(['base request', 'temperature 0.2']);

		const run = lab.requestRun();
		while (fake.sleeping() === 0) await tick();
		const waiting = lab.grid?.states.get('1:c1');
		expect(waiting).toMatchObject({
			status: 'waiting',
			until: fake.clock.now() + 2_000,
			attempt: 2,
		});
		fake.advance(2_000);
		await run;
		await tick(); // the checks answer asynchronously (a worker in the app)
		expect(statuses(lab)).toEqual(['done', 'done', 'done', 'done']);
		expect(calls.map((b) => [prompt(b), b.temperature])).toEqual([
			['Say one', undefined],
			['Say one', 0.2],
			['Say two', undefined],
			['Say two', 0.2],
			['Say two', undefined],
		]);
		expect(lab.verdictOf('0:c1')?.pass).toBe(true);
		expect(lab.verdictOf('1:c2')).toMatchObject({ pass: false });
		expect(lab.grid?.totals.overall).toMatchObject({ done: 4, costUsd: 0.004 });

		expect(lab.shownRows).toEqual([0, 1]);
		lab.rowFilter = 'failing';
		expect(lab.shownRows).toEqual([1]);
		lab.rowFilter = 'all';
		lab.rowSort = 'failing';
		expect(lab.shownRows).toEqual([1, 0]);
		lab.rowSort = 'passing';
		expect(lab.shownRows).toEqual([0, 1]);
		const csv = resultsText(lab, 'csv') ?? '';
		expect(csv.split('\r\n')[0]).toBe(
			'case,var.word,column,status,pass,checks,answer,prompt_tokens,completion_tokens,cost_usd,latency_ms',
		);
		expect(csv).toContain('1,one,base request,done,pass');
	});

	it("stops the grid on a 402 with the API's message; the failed cells can be retried", async () => {
		let paid = false;
		const { lab } = await setup(async function* (body) {
			if (!paid) {
				yield http(402, 'This request requires more credits');
				return;
			}
			yield* answer(prompt(body));
		});
		lab.concurrency = 1;
		for (const word of ['a', 'b', 'c']) {
			lab.cases.add(lab.caseColumns);
			lab.cases.setValue(lab.cases.count - 1, 'word', word);
		}
		await lab.requestRun();
		expect(lab.grid?.status).toEqual({
			status: 'payment-required',
			message: 'This request requires more credits',
		});
		expect(statuses(lab)).toEqual(['error', 'cancelled', 'cancelled']);
		paid = true;
		await lab.retryFailed();
		expect(statuses(lab)).toEqual(['done', 'cancelled', 'cancelled']);
	});

	it('Stop all keeps the finished cells and stops the running one', async () => {
		let release = () => undefined as void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		const { lab } = await setup(async function* (body, { signal }) {
			yield { type: 'open', status: 200, generationId: null, providerName: null } as StreamEvent;
			yield textChunk('partial');
			if (prompt(body) === 'Say slow')
				await Promise.race([gate, new Promise((r) => signal.addEventListener('abort', r))]);
			if (signal.aborted) return;
			yield* answer(' end').slice(1);
		});
		lab.concurrency = 1;
		for (const word of ['fast', 'slow', 'later']) {
			lab.cases.add(lab.caseColumns);
			lab.cases.setValue(lab.cases.count - 1, 'word', word);
		}
		const run = lab.requestRun();
		while (lab.grid?.states.get('1:c1')?.status !== 'running') await tick();
		lab.stopAll();
		await run;
		release();
		expect(statuses(lab)).toEqual(['done', 'stopped', 'cancelled']);
		expect(lab.grid?.answers.get('1:c1')?.text).toBe('partial');
	});

	it('asks before a grid that may cost more than the threshold, and runs on a yes', async () => {
		const { lab, calls } = await setup(async function* (body) {
			yield* answer(prompt(body));
		});
		lab.setValue('word', 'x');
		lab.confirmAboveUsd = 0;
		await lab.requestRun();
		expect(lab.confirming?.usd).toBeGreaterThan(0);
		expect(calls).toEqual([]);
		await lab.confirmRun();
		expect(lab.confirming).toBeNull();
		expect(calls.map(prompt)).toEqual(['Say x']);
	});

	it('saves a lab without the key, and reads it back; a hostile file is refused with a reason', async () => {
		const { lab } = await setup(async function* () {});
		lab.setValue('word', `leaked ${KEY}`);
		lab.cases.add(lab.caseColumns);
		lab.cases.setValue(0, 'word', 'one');
		lab.addColumn('b/other');
		lab.addAssertion({ kind: 'regex', pattern: '^o', flags: 'i' });
		const text = labFileText(lab, request, KEY);
		expect(text).not.toContain(KEY);
		const { lab: other, loaded } = await setup(async function* () {});
		expect(openLabFile(other, text)).toBeNull();
		expect(loaded).toEqual([request]);
		expect(other.cases.table).toEqual(lab.cases.table);
		expect(other.columns.map((c) => c.text)).toEqual(['{}', '{"model":"b/other"}']);
		expect(other.assertions).toEqual(lab.assertions);
		const hostile = JSON.stringify({ ...JSON.parse(text), v: 2 });
		expect(openLabFile(other, hostile)).toBe('Not a lab file: version 2 is not 1.');
	});

	it('opens a lab from its link without sending; refuses a damaged or oversized one', async () => {
		const { lab, calls } = await setup(async function* () {});
		lab.cases.add(['word']);
		lab.cases.setValue(0, 'word', 'one');
		const link = await labLink(lab, request, KEY, 'https://app.test/#r=old', deflateRaw);
		expect(link.ok && link.url.startsWith('https://app.test/#lab=')).toBe(true);
		const hash = link.ok ? new URL(link.url).hash : '';
		const { lab: other, loaded } = await setup(async function* () {});
		const opened = await openLabLink(other, hash, deflateRaw);
		expect(opened).toEqual({
			ok: true,
			message: 'Opened a lab from a link. Nothing has been sent: check it, then press Run grid.',
		});
		expect(other.cases.table).toEqual(lab.cases.table);
		expect(loaded).toEqual([request]);
		expect(calls).toEqual([]);
		expect((await openLabLink(other, '#lab=%%%', deflateRaw)).ok).toBe(false);
		const bomb = await deflateRaw.compress(new Uint8Array(2_000_000).fill(32));
		const big = `#lab=${Buffer.from(bomb).toString('base64url')}`;
		expect(await openLabLink(other, big, deflateRaw)).toEqual({
			ok: false,
			message: 'The lab in the link is larger than 1 MB: refused.',
		});
	});

	it('keeps an ended grid in history with its lab and results; opened again, it shows them unsent', async () => {
		const kept: RunRecord[] = [];
		const { lab, calls, fake, loaded } = await setup(
			async function* (body) {
				if (prompt(body) === 'Say bad') {
					yield http(500, 'Upstream failed');
					return;
				}
				yield* answer(`${prompt(body)} ok`);
			},
			{ keep: (record) => kept.push(record), newId: () => 'grid-1' },
		);
		for (const word of ['one', 'two', 'bad']) {
			lab.cases.add(lab.caseColumns);
			lab.cases.setValue(lab.cases.count - 1, 'word', word);
		}
		lab.addAssertion({ kind: 'contains', value: 'one' });
		const startedAt = fake.clock.now();
		await lab.requestRun();
		expect(kept).toHaveLength(1);
		const record = kept[0] as RunRecord;
		expect(record).toMatchObject({
			id: 'grid-1',
			at: startedAt,
			request,
			status: 'done',
			answer: { text: 'Lab · 3 × 1 · 1/3 passed' },
			usage: { prompt_tokens: 8, completion_tokens: 4 },
		});
		expect(record.lab?.cells.map((c) => [c.status, c.text, c.verdicts?.[0]?.pass ?? null])).toEqual(
			[
				['done', 'Say one ok', true],
				['done', 'Say two ok', false],
				['error', '', null],
			],
		);

		const {
			lab: other,
			calls: otherCalls,
			loaded: otherLoaded,
		} = await setup(async function* () {});
		expect(other.openRun(record.request, JSON.parse(JSON.stringify(record.lab)))).toBeNull();
		expect(otherLoaded).toEqual([request]);
		expect(other.cases.table).toEqual(lab.cases.table);
		expect(other.grid?.ended).toBe(true);
		expect(other.grid?.running).toBe(false);
		expect(statuses(other)).toEqual(['done', 'done', 'error']);
		const [first, , third] = other.grid?.cells.map((c) => c.id) ?? [];
		expect(other.grid?.answers.get(first as string)?.text).toBe('Say one ok');
		expect(other.grid?.states.get(third as string)).toMatchObject({ message: 'Upstream failed' });
		expect(other.verdictOf(first as string)?.pass).toBe(true);
		expect(other.grid?.totals.overall).toMatchObject({ done: 2, failed: 1 });
		expect(otherCalls).toEqual([]);
		expect(calls).toHaveLength(3);
		expect(loaded).toEqual([]);

		expect(other.openRun(request, { ...record.lab, v: 9 })).toMatch(/cannot be opened/);
	});

	it('keeps the last state of every cell even when no frame came after it (the grid ends between frames)', async () => {
		const kept: RunRecord[] = [];
		const frames: (() => void)[] = [];
		const { lab } = await setup(
			async function* (body) {
				yield* answer(`${prompt(body)} ok`);
			},
			{
				keep: (record) => kept.push(record),
				schedule: (commit) => frames.push(commit),
			},
		);
		for (const word of ['one', 'two']) {
			lab.cases.add(lab.caseColumns);
			lab.cases.setValue(lab.cases.count - 1, 'word', word);
		}
		await lab.requestRun();
		expect(statuses(lab)).toEqual(['done', 'done']);
		expect(kept[0]?.lab?.cells.map((c) => [c.status, c.text])).toEqual([
			['done', 'Say one ok'],
			['done', 'Say two ok'],
		]);
	});

	it('opens a cell as a whole run: its body, answer, timings and raw body, the key hidden', async () => {
		const { lab } = await setup(async function* (body, { onText }) {
			onText?.(`data: {"echo":"${prompt(body)}","key":"${KEY}"}\n\n`);
			yield* answer(`${prompt(body)} ok`);
			onText?.('data: [DONE]\n\n');
		});
		for (let i = 0; i < RAW_KEPT + 1; i++) {
			lab.cases.add(lab.caseColumns);
			lab.cases.setValue(i, 'word', `w${i}`);
		}
		lab.concurrency = 10;
		lab.confirmAboveUsd = 1000;
		await lab.requestRun();
		const [first, second, ...rest] = lab.grid?.cells.map((c) => c.id) ?? [];
		const last = lab.grid?.runOf(rest.at(-1) as string);
		expect(last).toMatchObject({
			status: 'done',
			httpStatus: 200,
			body: { messages: [{ content: `Say w${RAW_KEPT}` }] },
		});
		expect(last?.completion.text).toBe(`Say w${RAW_KEPT} ok`);
		expect(last?.endedAt).toBeGreaterThanOrEqual(last?.startedAt ?? Infinity);
		expect(last?.raw.lines.map((l) => l.text)).toEqual([
			`data: {"echo":"Say w${RAW_KEPT}","key":"[key hidden]"}`,
			'',
			'data: [DONE]',
			'',
		]);
		// Only the latest cells keep their raw body: the first one started has let it go.
		expect(lab.grid?.exchange(first as string)?.raw).toBeNull();
		expect(lab.grid?.runOf(first as string)?.raw.lines).toEqual([]);
		expect(lab.grid?.exchange(second as string)?.raw?.lines.length).toBe(4);
	});

	it('clears its results and keeps its cases, columns and checks', async () => {
		const { lab } = await setup(async function* (body) {
			yield* answer(`${prompt(body)} ok`);
		});
		lab.setValue('word', 'x');
		lab.addAssertion({ kind: 'contains', value: 'ok' });
		await lab.requestRun();
		expect(lab.grid?.totals.overall.done).toBe(1);
		lab.clearResults();
		expect(lab.grid).toBeNull();
		expect(lab.values.get('word')).toBe('x');
		expect(lab.assertions).toHaveLength(1);
		expect(lab.columns).toHaveLength(1);
	});

	it('keeps nothing when a grid is stopped before any cell came back', async () => {
		const kept: RunRecord[] = [];
		const { lab } = await setup(
			async function* (_body, { signal }) {
				await new Promise((resolve) => signal.addEventListener('abort', resolve));
				yield* [];
			},
			{ keep: (record) => kept.push(record) },
		);
		lab.setValue('word', 'x');
		const run = lab.requestRun();
		while (lab.grid?.states.get('0:c1')?.status !== 'running') await tick();
		lab.stopAll();
		await run;
		expect(kept).toEqual([]);
	});

	it('puts back a kept lab without touching the request', async () => {
		const { lab, loaded } = await setup(async function* () {});
		lab.restore({
			variables: new Map([['word', 'kept']]),
			cases: { columns: ['word'], rows: [['a']] },
			columns: ['{}', '{"temperature": 0.5'],
			assertions: [{ kind: 'valid-json' }],
			concurrency: 3,
			confirmAboveUsd: 2,
		});
		expect(loaded).toEqual([]);
		expect(lab.kept).toEqual({
			variables: new Map([['word', 'kept']]),
			cases: { columns: ['word'], rows: [['a']] },
			columns: ['{}', '{"temperature": 0.5'],
			assertions: [{ kind: 'valid-json' }],
			concurrency: 3,
			confirmAboveUsd: 2,
		});
		expect(lab.patches[1]?.parsed.ok).toBe(false);
	});

	it('stops a running grid when another lab replaces it', async () => {
		const { lab } = await setup(async function* (_body, { signal }) {
			await new Promise((resolve) => signal.addEventListener('abort', resolve));
			yield* [];
		});
		lab.setValue('word', 'x');
		const run = lab.requestRun();
		while (lab.grid?.states.get('0:c1')?.status !== 'running') await tick();
		const running = lab.grid;
		lab.load({
			request,
			variables: new Map(),
			cases: { columns: [], rows: [] },
			columns: ['{}'],
			assertions: [],
		});
		await run;
		expect(running?.states.get('0:c1')?.status).toBe('stopped');
		expect(lab.grid).toBeNull();
	});

	it("takes every streaming cell's progress in one commit per frame", async () => {
		const frames: (() => void)[] = [];
		const send: SendFn = async function* (body) {
			yield { type: 'open', status: 200, generationId: null, providerName: null };
			for (const word of ['a', 'b', 'c']) {
				await tick();
				yield textChunk(`${prompt(body)} ${word}`);
			}
			yield textChunk('', 'stop', { prompt_tokens: 4, completion_tokens: 2, cost: 0.001 });
			yield { type: 'done' };
		};
		const { lab } = await setup(send, { schedule: (commit) => frames.push(commit) });
		for (const [i, word] of ['one', 'two', 'three'].entries()) {
			lab.cases.add(lab.caseColumns);
			lab.cases.setValue(i, 'word', word);
		}
		lab.concurrency = 3;
		const run = lab.requestRun();
		for (let i = 0; i < 3; i++) await tick();
		// Three cells have streamed, and one frame is asked for; nothing shows before it.
		expect(frames).toHaveLength(1);
		expect(statuses(lab)).toEqual(['queued', 'queued', 'queued']);
		frames.shift()!();
		expect(statuses(lab)).not.toContain('queued');
		expect(lab.grid?.cells.every((c) => lab.grid?.answers.get(c.id)?.text)).toBe(true);
		while (statuses(lab)?.some((s) => s !== 'done')) {
			await tick();
			frames.shift()?.();
			expect(frames.length).toBeLessThanOrEqual(1);
		}
		await run;
		expect(lab.grid?.answers.get(lab.grid.cells[2]!.id)?.text).toBe(
			'Say three aSay three bSay three c',
		);
	});
});
