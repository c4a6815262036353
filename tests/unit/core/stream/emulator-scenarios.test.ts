import { describe, expect, it } from 'vitest';
import {
	EMPTY_COMPLETION,
	finishCompletion,
	foldEvent,
} from '../../../../src/core/stream/accumulate';
import { chunkFromResponse, errorFromBody } from '../../../../src/core/stream/chunk';
import { decodeSse } from '../../../../src/core/stream/sse';
import type { Completion } from '../../../../src/core/stream/types';
import {
	JSON_SCENARIOS,
	SCENARIOS,
	STREAM_SCENARIOS,
	renderScenario,
	type ChatRequestLike,
	type Expected,
	type ScenarioId,
} from '../../../emulator/scenarios';

const REQUEST: ChatRequestLike = {
	model: 'openai/gpt-4o-mini',
	messages: [{ role: 'user', content: 'Tell me about 日本 🚀' }],
	tools: [{ function: { name: 'get_weather' } }],
};

/** Cuts bytes into pieces: whole, fixed sizes, or seeded random sizes (mid-line, mid-UTF-8). */
function split(bytes: Uint8Array, how: 'whole' | number | `random-${number}`): Uint8Array[] {
	if (how === 'whole') return [bytes];
	const pieces: Uint8Array[] = [];
	let seed = typeof how === 'string' ? Number(how.slice(7)) : 0;
	const size = () => {
		if (typeof how === 'number') return how;
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return 1 + (seed % 97);
	};
	for (let at = 0; at < bytes.length;) {
		const n = size();
		pieces.push(bytes.subarray(at, at + n));
		at += n;
	}
	return pieces;
}

async function* from(pieces: Uint8Array[]): AsyncGenerator<Uint8Array> {
	for (const piece of pieces) yield piece;
}

/** The client pipeline as io/openrouter runs it, minus fetch; `drop` ends like a failed read. */
async function foldBytes(pieces: Uint8Array[], drop: boolean): Promise<Completion> {
	let c = EMPTY_COMPLETION;
	for await (const event of decodeSse(from(pieces))) {
		if (drop && event.type === 'end') break;
		c = foldEvent(c, event);
		if (event.type === 'done') break;
	}
	if (drop)
		c = foldEvent(c, { type: 'error', error: { kind: 'network', message: 'connection lost' } });
	return c.complete || c.error ? c : finishCompletion(c, 'end');
}

function expectMatches(c: Completion, expected: Expected): void {
	expect(c.text).toBe(expected.text);
	expect(c.reasoning).toBe(expected.reasoning);
	expect(
		c.toolCalls.map(({ id, name, arguments: args }) => ({ id, name, arguments: args })),
	).toEqual(expected.toolCalls);
	expect(c.finishReason).toBe(expected.finishReason);
	expect(c.usage).toEqual(expected.usage);
	expect(c.complete).toBe(expected.complete);
	if (expected.error) {
		expect(c.error).not.toBeNull();
		if (c.error && 'code' in c.error) {
			expect(c.error.code).toBe(expected.error.code);
			expect(c.error.message).toBe(expected.error.message);
		}
	} else expect(c.error).toBeNull();
	expect(c.images.length).toBe(expected.images ?? 0);
	expect(c.annotations.length).toBe(expected.annotations ?? 0);
}

const SPLITS = ['whole', 1, 2, 7, 64, 'random-1', 'random-42', 'random-9001'] as const;

describe('every streaming emulator scenario folds to what a correct client must show', () => {
	for (const { id } of STREAM_SCENARIOS) {
		const rendered = renderScenario(id, { ...REQUEST, stream: true, max_tokens: 40 });
		if (rendered.kind !== 'sse') throw new Error(`${id} should stream`);
		const bytes = new TextEncoder().encode(rendered.frames.map((f) => f.text).join(''));
		it.each(SPLITS)(`${id}, split %s`, async (how) => {
			const completion = await foldBytes(split(bytes, how), rendered.drop === true);
			expectMatches(completion, rendered.expected);
		});
	}
});

describe('non-stream bodies go through the same fold', () => {
	const ids: ScenarioId[] = [
		'text',
		'tool-calls',
		'reasoning',
		'tool-calls-whole',
		...JSON_SCENARIOS.map((s) => s.id),
	];
	it.each(ids)('%s', (id) => {
		const rendered = renderScenario(id, { ...REQUEST, stream: false });
		if (rendered.kind !== 'json') throw new Error('expected JSON');
		const mapped = chunkFromResponse(rendered.status, rendered.body);
		let c = EMPTY_COMPLETION;
		c =
			'error' in mapped
				? foldEvent(c, { type: 'error', error: mapped.error })
				: foldEvent(foldEvent(c, { type: 'chunk', chunk: mapped.chunk }), { type: 'done' });
		expectMatches(c, rendered.expected);
	});
});

describe('HTTP error scenarios keep the API message, code and metadata', () => {
	const httpIds = SCENARIOS.map((s) => s.id).filter((id): id is ScenarioId =>
		id.startsWith('http-'),
	);
	it.each(httpIds)('%s', (id) => {
		const rendered = renderScenario(id, { ...REQUEST, stream: true });
		if (rendered.kind !== 'json') throw new Error('expected JSON');
		const error = errorFromBody(rendered.status, JSON.stringify(rendered.body));
		expect(error).toMatchObject({
			kind: 'http',
			status: rendered.status,
			code: rendered.expected.error?.code,
			message: rendered.expected.error?.message,
		});
		const metadata = (rendered.body as { error: { metadata?: unknown } }).error.metadata;
		if (metadata) expect(error.kind === 'http' && error.metadata).toEqual(metadata);
	});
});
