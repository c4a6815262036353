import { describe, expect, it } from 'vitest';
import {
	clampReplays,
	pinnedBody,
	providerSlug,
	replayBlocker,
} from '../../../../src/core/replay/plan';
import { countMatches, diffWords, splitWords } from '../../../../src/core/replay/word-diff';

describe('pinnedBody', () => {
	it('pins the serving provider, turns fallbacks off, keeps seed and other preferences', () => {
		const body = {
			model: 'deepseek/deepseek-chat',
			messages: [{ role: 'user', content: 'x' }],
			seed: 7,
			provider: { order: ['deepinfra', 'novita'], sort: 'price', allow_fallbacks: true },
			debug: { echo_upstream_body: true },
		};
		expect(pinnedBody(body, 'Novita')).toEqual({
			model: 'deepseek/deepseek-chat',
			messages: [{ role: 'user', content: 'x' }],
			seed: 7,
			provider: { order: ['novita'], sort: 'price', allow_fallbacks: false },
		});
		expect(body.provider.order).toEqual(['deepinfra', 'novita']);
	});

	it('slugs provider names as OpenRouter does', () => {
		expect(providerSlug('Google AI Studio')).toBe('google-ai-studio');
		expect(providerSlug('DeepInfra')).toBe('deepinfra');
		expect(providerSlug(' Amazon Bedrock ')).toBe('amazon-bedrock');
	});

	it('bounds the number of runs to 1–10', () => {
		expect([0, 1, 3.4, 10, 11, 1e9, NaN, -5].map(clampReplays)).toEqual([
			1, 1, 3, 10, 10, 10, 1, 1,
		]);
	});

	it('replays only finished runs that name their provider', () => {
		expect(replayBlocker({ status: 'done', provider: 'Novita', body: {} })).toBeNull();
		expect(replayBlocker({ status: 'error', provider: 'Novita', body: {} })).toMatch(/finished/);
		expect(replayBlocker({ status: 'done', provider: null, body: {} })).toMatch(/provider/);
	});
});

describe('diffWords', () => {
	it('marks the words that changed and keeps the rest', () => {
		expect(diffWords('the quick brown fox', 'the slow brown fox jumps')).toEqual([
			{ op: 'same', text: 'the ' },
			{ op: 'removed', text: 'quick ' },
			{ op: 'added', text: 'slow ' },
			{ op: 'same', text: 'brown ' },
			{ op: 'removed', text: 'fox' },
			{ op: 'added', text: 'fox jumps' },
		]);
	});

	it('the pieces rebuild both texts exactly, unicode included', () => {
		const a = 'Hello café 日本語 🚀 and  spaces\nnew line';
		const b = 'Hello résumé 日本語 🚀 or spaces\nnew line.';
		const pieces = diffWords(a, b);
		const before = pieces
			.filter((p) => p.op !== 'added')
			.map((p) => p.text)
			.join('');
		const after = pieces
			.filter((p) => p.op !== 'removed')
			.map((p) => p.text)
			.join('');
		expect(before).toBe(a);
		expect(after).toBe(b);
		expect(splitWords(a).join('')).toBe(a);
	});

	it('equal texts are one same piece; empty texts have no pieces', () => {
		expect(diffWords('a b', 'a b')).toEqual([{ op: 'same', text: 'a b' }]);
		expect(diffWords('', '')).toEqual([]);
	});

	it('counts exact matches only', () => {
		expect(countMatches('a b', ['a b', 'a b ', 'a  b', 'a b'])).toBe(2);
	});
});
