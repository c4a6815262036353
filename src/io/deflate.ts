import type { Deflate } from '../core/share/codec';

async function collect(
	stream: ReadableStream<Uint8Array>,
	maxBytes = Infinity,
): Promise<Uint8Array> {
	const reader = stream.getReader();
	const parts: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.length;
		parts.push(value);
		if (total > maxBytes) {
			await reader.cancel();
			break;
		}
	}
	const out = new Uint8Array(total);
	let at = 0;
	for (const part of parts) out.set(part, (at += part.length) - part.length);
	return out;
}

const streamOf = (bytes: Uint8Array) => new Blob([bytes as BlobPart]).stream();

/** deflate-raw through the platform's CompressionStream: no library needed. */
export const deflateRaw: Deflate = {
	compress: (bytes) => collect(streamOf(bytes).pipeThrough(new CompressionStream('deflate-raw'))),
	decompress: (bytes, maxBytes) =>
		collect(streamOf(bytes).pipeThrough(new DecompressionStream('deflate-raw')), maxBytes),
};
