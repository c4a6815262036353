import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	MAX_INDENTED_CHARS,
	MAX_LINK_LENGTH,
	MAX_PAYLOAD_BYTES,
	decodeShare,
	encodeShare,
	requestText,
} from '../../../../src/core/share/codec';
import { MAX_JSON_DEPTH } from '../../../../src/core/json-bounds';
import { deflateRaw } from '../../../../src/io/deflate';
import { DEFAULT_REQUEST } from '../../../../src/core/request/normalize';

const APP = 'https://me.example/tools/playground/';
const hashOf = (url: string) => url.slice(url.indexOf('#'));

describe('share links', () => {
	it.each([
		[
			'a minimal request',
			{ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
		],
		[
			'unicode and emoji',
			{ messages: [{ role: 'user', content: '日本語 🚀 é "quotes" \\ \n\t' }], stop: ['\u2028'] },
		],
		[
			'a large body',
			{
				messages: Array.from({ length: 200 }, (_, i) => ({
					role: 'user',
					content: `message ${i} `.repeat(20),
				})),
			},
		],
	])('%s round-trips', async (_name, request) => {
		const encoded = await encodeShare(request, APP, deflateRaw);
		if (!encoded.ok) throw new Error('too long');
		expect(encoded.url.startsWith(`${APP}#${encoded.form}=`)).toBe(true);
		expect(await decodeShare(hashOf(encoded.url), deflateRaw)).toEqual({
			kind: 'request',
			request,
			ignored: [],
		});
	});

	it('uses the compressed form only when it is shorter', async () => {
		const tiny = await encodeShare({ a: 1 }, APP, deflateRaw);
		const repetitive = await encodeShare(
			{ messages: [{ role: 'user', content: 'la '.repeat(500) }] },
			APP,
			deflateRaw,
		);
		expect(tiny.ok && tiny.form).toBe('r');
		expect(repetitive.ok && repetitive.form).toBe('z');
	});

	it('frozen version-1 links keep loading', async () => {
		// Made by this codec on 2026-11-25 and never regenerated: they must decode forever.
		const r =
			'#r=eyJtb2RlbCI6Im9wZW5haS9ncHQtNG8tbWluaSIsIm1lc3NhZ2VzIjpbeyJyb2xlIjoidXNlciIsImNvbnRlbnQiOiJTYXkgaGkg8J-RiyJ9XX0';
		const z =
			'#z=vc4xCsIwFAbgq4R_TiuIdcioxxCR0P6o2CSS9wpKKXgLQQQnN8_V2SO4CV7A7Ru_HiE1bOHgo-5yOu7rSd36rmEhKUZqMSsrWASK-C0FbtUjp5ZwkLMoAyzqFJVR4bCgUWZhaf4rDPbb6oT5J7VM4egzzXh9jveX8bEx78ftgmFtEfxpo-nAKHDTam4hmukDnOaOwwc';
		expect(await decodeShare(r, deflateRaw)).toEqual({
			kind: 'request',
			request: { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Say hi 👋' }] },
			ignored: [],
		});
		expect(await decodeShare(z, deflateRaw)).toEqual({
			kind: 'request',
			request: {
				model: 'anthropic/claude-sonnet-4.5',
				messages: [
					{ role: 'system', content: 'Be terse. '.repeat(12) },
					{ role: 'user', content: 'Compare 日本 and 🚀' },
				],
				max_tokens: 256,
				stream: true,
			},
			ignored: [],
		});
	});

	it('fields that must never come from a link are dropped and named', async () => {
		const hostile = {
			model: 'm',
			messages: [],
			api_key: 'sk-or-v1-test-x',
			base_url: 'https://evil.example',
			headers: { Authorization: 'x' },
		};
		const encoded = await encodeShare(hostile, APP, deflateRaw);
		const decoded = await decodeShare(
			hashOf(encoded.ok ? encoded.url : '') + '&base_url=https://evil.example&key=x',
			deflateRaw,
		);
		expect(decoded).toEqual({
			kind: 'request',
			request: { model: 'm', messages: [] },
			ignored: ['api_key', 'base_url', 'headers'],
		});
	});

	it.each([
		['#r=!!!not-base64', 'damaged'],
		['#r=bm90IGpzb24', 'not hold a valid request'],
		['#r=WzEsMl0', 'not hold a request object'],
		['#z=AAAA', 'damaged'],
	])('%s is refused: %s', async (hash, message) => {
		const decoded = await decodeShare(hash, deflateRaw);
		expect(decoded.kind).toBe('error');
		expect(decoded.kind === 'error' && decoded.message).toContain(message);
	});

	it('a 1 MB payload is refused, also when it hides behind compression', async () => {
		const big = { messages: [{ role: 'user', content: 'x'.repeat(1_100_000) }] };
		const plain = '#r=' + Buffer.from(JSON.stringify(big)).toString('base64url');
		expect((await decodeShare(plain, deflateRaw)).kind).toBe('error');
		const bomb = await deflateRaw.compress(new TextEncoder().encode(JSON.stringify(big)));
		const decoded = await decodeShare('#z=' + Buffer.from(bomb).toString('base64url'), deflateRaw);
		expect(decoded.kind === 'error' && decoded.message).toContain('more than 1 MB');
	});

	it('a request too big for a link asks for a file instead', async () => {
		// Random text does not compress, so even the #z= form is too long.
		const random = randomBytes(MAX_LINK_LENGTH).toString('base64');
		expect(
			await encodeShare({ messages: [{ role: 'user', content: random }] }, APP, deflateRaw),
		).toMatchObject({ ok: false });
	});

	it('no link hash means nothing to load', async () => {
		expect(await decodeShare('', deflateRaw)).toEqual({ kind: 'none' });
		expect(await decodeShare('#section=x', deflateRaw)).toEqual({ kind: 'none' });
	});
});

describe('#model= quick-start links', () => {
	it.each([
		'openai/gpt-4o-mini',
		'meta-llama/llama-3.1-8b-instruct:free',
		'~anthropic/claude-sonnet-latest',
		'openrouter/auto',
		'emulator/debug-echo',
	])('%s opens the default request with that model', async (model) => {
		const decoded = await decodeShare(`#model=${encodeURIComponent(model)}`, deflateRaw);
		expect(decoded).toEqual({
			kind: 'model',
			model,
			request: { ...DEFAULT_REQUEST, model },
		});
	});

	it.each([
		'',
		'gpt-4o',
		'openai/',
		'/gpt',
		'openai/gpt 4o',
		'openai/gpt-4o/extra',
		'openai/../../etc',
		'<script>/x',
		'openai/gpt-4o"},"api_key":"x',
		`openai/${'a'.repeat(200)}`,
	])('%j is refused with a notice and loads nothing', async (model) => {
		const decoded = await decodeShare(`#model=${encodeURIComponent(model)}`, deflateRaw);
		expect(decoded.kind).toBe('error');
		if (decoded.kind === 'error') expect(decoded.message).toContain('not valid');
	});

	it('a request link wins over a model in the same fragment', async () => {
		const r = Buffer.from(JSON.stringify({ model: 'a/b', messages: [] })).toString('base64url');
		const decoded = await decodeShare(`#model=openai/gpt-4o&r=${r}`, deflateRaw);
		expect(decoded.kind).toBe('request');
	});

	it('never changes the default request it starts from', async () => {
		await decodeShare('#model=x/y', deflateRaw);
		expect(DEFAULT_REQUEST.model).toBe('openai/gpt-4o-mini');
	});
});

describe('hostile share links', () => {
	const deep = (depth: number) =>
		`{"model":"a/b","messages":[{"role":"user","content":"hi"}],"metadata":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
	const asR = (json: string) => '#r=' + Buffer.from(json).toString('base64url');
	const asZ = async (json: string) =>
		'#z=' +
		Buffer.from(await deflateRaw.compress(new TextEncoder().encode(json))).toString('base64url');

	it.each([3000, 5000, 10_000])('a request nested %i levels deep is refused', async (depth) => {
		for (const hash of [asR(deep(depth)), await asZ(deep(depth))]) {
			const decoded = await decodeShare(hash, deflateRaw);
			expect(decoded).toEqual({
				kind: 'error',
				message: `This link holds a request nested more than ${MAX_JSON_DEPTH} levels deep; it was not loaded.`,
			});
		}
	});

	it('a small #z= link that inflates to gigabytes stops at the size bound', async () => {
		// 64 MB of spaces deflates to about 64 kB; only a little over 1 MB is ever inflated.
		const bomb = new Uint8Array(64 * 1024 * 1024).fill(32);
		const packed = await deflateRaw.compress(bomb);
		expect(packed.length).toBeLessThan(100_000);
		const inflated = await deflateRaw.decompress(packed, MAX_PAYLOAD_BYTES + 1);
		expect(inflated.length).toBeLessThan(MAX_PAYLOAD_BYTES + 256 * 1024);
		const decoded = await decodeShare(
			'#z=' + Buffer.from(packed).toString('base64url'),
			deflateRaw,
		);
		expect(decoded.kind === 'error' && decoded.message).toContain('more than 1 MB');
	});

	it('a request that would indent to megabytes goes into the editor on one line', async () => {
		// 90 levels, then 60 000 small items: 160 kB as a link, 11 MB once indented.
		const items = Array.from({ length: 60_000 }, () => 1);
		let metadata: unknown = items;
		for (let i = 0; i < 90; i++) metadata = [metadata];
		const request = { model: 'a/b', messages: [], metadata };
		const decoded = await decodeShare(asR(JSON.stringify(request)), deflateRaw);
		if (decoded.kind !== 'request') throw new Error(decoded.kind);
		const { text, compact } = requestText(decoded.request);
		expect(compact).toBe(true);
		expect(text.length).toBeLessThan(MAX_INDENTED_CHARS);
		expect(JSON.parse(text)).toEqual(request);
		const small = requestText({ model: 'a/b' });
		expect(small).toEqual({ text: '{\n  "model": "a/b"\n}', compact: false });
	});
});
