/**
 * Every emulator scenario, fed through the client's own sse + fold at many split points, must end as
 * the scenario says a correct client ends. The emulator is written from the reference independently
 * of src/core/stream, so agreement here is a second opinion on both.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_COMPLETION, foldEvent } from '../../../../src/core/stream/accumulate';
import { chunkFromResponse, errorFromBody } from '../../../../src/core/stream/chunk';
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
import { SPLITS, encode, foldPieces, split } from './pipeline';

const REQUEST: ChatRequestLike = {
	model: 'openai/gpt-4o-mini',
	messages: [{ role: 'user', content: 'Tell me about 日本 🚀 and café' }],
	tools: [{ function: { name: 'get_weather' } }],
	max_tokens: 40,
};

function expectMatches(c: Completion, expected: Expected): void {
	expect(c.text).toBe(expected.text);
	expect(c.reasoning).toBe(expected.reasoning);
	expect(
		c.toolCalls.map(({ id, name, arguments: args }) => ({ id, name, arguments: args })),
	).toEqual(expected.toolCalls);
	expect(c.finishReason).toBe(expected.finishReason);
	expect(c.usage).toEqual(expected.usage);
	expect(c.complete).toBe(expected.complete);
	if (!expected.error) expect(c.error).toBeNull();
	// API errors carry the API's code and message; a dropped connection is our own `network` kind.
	else if (c.error && 'code' in c.error)
		expect({ code: c.error.code, message: c.error.message }).toEqual(expected.error);
	else expect(c.error?.kind).toBe(expected.error.code);
	expect(c.images).toHaveLength(expected.images ?? 0);
	expect(c.annotations).toHaveLength(expected.annotations ?? 0);
}

describe('every streaming scenario folds to what a correct client must show', () => {
	for (const { id } of STREAM_SCENARIOS) {
		const rendered = renderScenario(id, { ...REQUEST, stream: true });
		if (rendered.kind !== 'sse') throw new Error(`${id} should stream`);
		const bytes = encode(rendered.frames.map((f) => f.text).join(''));
		// A 2 MB event at 1- and 2-byte splits takes minutes here; transcripts.test.ts covers that case.
		const splits =
			bytes.length > 1_000_000 ? SPLITS.filter((s) => typeof s !== 'number' || s >= 64) : SPLITS;
		it.each(splits)(`${id}, split %s`, async (how) => {
			const { completion } = await foldPieces(split(bytes, how), rendered.drop === true);
			expectMatches(completion, rendered.expected);
		});
	}

	it.each(STREAM_SCENARIOS.map((s) => s.id))('%s with CRLF line endings', async (id) => {
		const rendered = renderScenario(id, { ...REQUEST, stream: true }, { lineEnding: '\r\n' });
		if (rendered.kind !== 'sse') throw new Error(`${id} should stream`);
		const bytes = encode(rendered.frames.map((f) => f.text).join(''));
		const { completion } = await foldPieces(split(bytes, 'random-7'), rendered.drop === true);
		expectMatches(completion, rendered.expected);
	});
});

/**
 * Non-stream answers that mean the same as their streamed twin. Errors and drops only exist as
 * streams; `image` and `annotations` are left out because the emulator's JSON body does not carry
 * `message.images` / `message.annotations` (`image-large` neither) yet while its `expected` still counts them.
 */
const JSON_IDS: ScenarioId[] = [
	...STREAM_SCENARIOS.map((s) => s.id).filter((id) => !/error|drop|^image|^annotations$/.test(id)),
	...JSON_SCENARIOS.map((s) => s.id),
];

describe('non-stream bodies go through the same fold', () => {
	it.each(JSON_IDS)('%s', (id) => {
		const rendered = renderScenario(id, { ...REQUEST, stream: false });
		if (rendered.kind !== 'json') throw new Error('expected JSON');
		const mapped = chunkFromResponse(rendered.body);
		const c =
			'error' in mapped
				? foldEvent(EMPTY_COMPLETION, { type: 'error', error: mapped.error })
				: foldEvent(foldEvent(EMPTY_COMPLETION, { type: 'chunk', chunk: mapped.chunk }), {
						type: 'done',
					});
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
		const error = errorFromBody(rendered.status, rendered.body, JSON.stringify(rendered.body));
		expect(error).toMatchObject({
			kind: 'http',
			status: rendered.status,
			code: rendered.expected.error?.code,
			message: rendered.expected.error?.message,
		});
		const metadata = (rendered.body as { error: { metadata?: unknown } }).error.metadata;
		expect(error.kind === 'http' && error.metadata).toEqual(metadata ?? undefined);
	});
});
