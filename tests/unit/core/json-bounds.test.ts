import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, measureJson } from '../../../src/core/json-bounds';
import { parseJson } from '../../../src/core/request/json';

const nested = (depth: number, open = '[', close = ']', inner = '1') =>
	open.repeat(depth) + inner + close.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** A random JSON value, for checking the bound against JSON.stringify itself. */
function randomValue(random: () => number, depth = 0): unknown {
	const pick = Math.floor(random() * (depth > 6 ? 4 : 7));
	if (pick === 0) return Math.floor(random() * 1e6) / (random() < 0.5 ? 1 : 1000);
	if (pick === 1) return 'text "q" \\ é 🚀'.slice(0, Math.floor(random() * 14));
	if (pick === 2) return random() < 0.5 ? null : true;
	if (pick === 3) return Number(`1e${Math.floor(random() * 40) - 20}`);
	const size = Math.floor(random() * 4);
	if (pick === 4) return Array.from({ length: size }, () => randomValue(random, depth + 1));
	return Object.fromEntries(
		Array.from({ length: size }, (_, i) => [`k${i}`, randomValue(random, depth + 1)]),
	);
}

function seeded(seed: number) {
	return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed / 2 ** 31);
}

describe('measureJson', () => {
	it('refuses 10 000 levels of arrays and objects in one linear pass', () => {
		for (const text of [nested(10_000), deepObject(10_000), nested(10_000, '{"x":[', ']}')]) {
			const started = performance.now();
			const bounds = measureJson(text);
			expect(bounds).toEqual({ ok: false, depth: MAX_JSON_DEPTH + 1 });
			expect(performance.now() - started).toBeLessThan(200);
		}
	});

	it('ignores brackets inside strings, escaped quotes included', () => {
		const text = JSON.stringify({ a: '[[[[{{{{"\\\\"'.repeat(1000), b: [[1]] });
		expect(measureJson(text, 3)).toMatchObject({ ok: true, depth: 3 });
	});

	it('accepts exactly the depth limit', () => {
		expect(measureJson(nested(MAX_JSON_DEPTH))).toMatchObject({
			ok: true,
			depth: MAX_JSON_DEPTH,
		});
		expect(measureJson(nested(MAX_JSON_DEPTH + 1)).ok).toBe(false);
	});

	it('bounds the indented length from above, exactly for non-empty containers', () => {
		const random = seeded(7);
		for (let i = 0; i < 500; i++) {
			const value = randomValue(random);
			const text = JSON.stringify(value);
			const bounds = measureJson(text);
			if (!bounds.ok) throw new Error('too deep');
			expect(bounds.indentedLength).toBeGreaterThanOrEqual(JSON.stringify(value, null, 2).length);
		}
		const plain = { messages: [{ role: 'user', content: 'hi' }], model: 'a/b', n: [1, 22] };
		expect(measureJson(JSON.stringify(plain))).toMatchObject({
			indentedLength: JSON.stringify(plain, null, 2).length,
		});
	});

	it('sees a 3 000-level link for what it would cost indented', () => {
		// 3 000 levels is 6 kB of text and 18 MB once indented: the link that stalled the page.
		const text = nested(3000);
		expect(measureJson(text, 5000)).toMatchObject({ ok: true });
		const bounds = measureJson(text, 5000);
		expect(bounds.ok && bounds.indentedLength).toBeGreaterThan(18_000_000);
	});
});

describe('the request parser', () => {
	it('refuses 10 000 levels with a diagnostic instead of overflowing the stack', () => {
		for (const text of [nested(10_000), deepObject(10_000)]) {
			const parsed = parseJson(text);
			expect(parsed.ok).toBe(false);
			expect(!parsed.ok && parsed.error.message).toBe(
				`Nested more than ${MAX_JSON_DEPTH} levels deep`,
			);
		}
		expect(parseJson(nested(MAX_JSON_DEPTH)).ok).toBe(true);
	});
});
