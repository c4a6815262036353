import { deflateSync } from 'node:zlib';

/** Deterministic word-piece "tokens": the same request always streams the same answer. */
const WORDS = [
	' the',
	' model',
	' answers',
	' with',
	' café',
	' résumé',
	' 日本語',
	' tokens',
	' 🚀',
	' quickly',
	' and',
	' streams',
	' every',
	' piece',
	' naïve',
	' über',
	' data',
	' über-fast',
	' price',
	' routing',
	' provider',
	' fallback',
	' 🙂',
	' 中文',
	' context',
	' window',
	',',
	'.',
];

function hash(text: string): number {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	return h >>> 0;
}

/** mulberry32: tiny, seedable, good enough to pick words. */
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function generateTokens(seedText: string, count: number): string[] {
	const next = random(hash(seedText));
	const tokens = ['Hello'];
	while (tokens.length < count) tokens.push(WORDS[Math.floor(next() * WORDS.length)] as string);
	return tokens.slice(0, Math.max(count, 0));
}

/** A real PNG (gradient), stored uncompressed so the data URL is large: one ~200 KB SSE event. */
export function gradientPng(size = 160): string {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (bytes: Buffer) => {
		let c = 0xffffffff;
		for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const out = Buffer.alloc(8 + data.length + 4);
		out.writeUInt32BE(data.length, 0);
		body.copy(out, 4);
		out.writeUInt32BE(crc(body), 8 + data.length);
		return out;
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header[8] = 8; // bit depth
	header[9] = 2; // RGB
	const rows = Buffer.alloc((size * 3 + 1) * size);
	for (let y = 0; y < size; y++) {
		const row = y * (size * 3 + 1);
		for (let x = 0; x < size; x++) {
			rows[row + 1 + x * 3] = (x * 255) / size;
			rows[row + 2 + x * 3] = (y * 255) / size;
			rows[row + 3 + x * 3] = 200;
		}
	}
	const png = Buffer.concat([
		Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows, { level: 0 })),
		chunk('IEND', Buffer.alloc(0)),
	]);
	return `data:image/png;base64,${png.toString('base64')}`;
}

/** Rough token count of a request's messages, like a tokenizer would give (≈4 characters a token). */
export function promptTokens(messages: unknown): number {
	return Math.max(1, Math.ceil(JSON.stringify(messages ?? []).length / 4));
}
