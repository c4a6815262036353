/**
 * Real responses of the live API (tests/fixtures/openrouter-recorded, SOURCES.md there says where
 * each comes from), served back as they were recorded: status, headers and body bytes, written as
 * the recorded SSE events, the recorded network reads, or n-byte pieces.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const RECORDED_DIR = fileURLToPath(
	new URL('../fixtures/openrouter-recorded/', import.meta.url),
);

export type ReplayMode = 'events' | 'chunks' | 'split';
export type RecordingMeta = {
	name: string;
	status: number;
	headers: Record<string, string>;
	addedHeaders?: Record<string, string>;
	bodyExact: boolean;
	bodyBytes: number;
	replay: { mode: ReplayMode; split?: number };
	/** The recorder's network reads, in bytes, when it kept them (req_llm). */
	chunkSizes?: number[];
	request: { stream: boolean; extra: Record<string, unknown> };
	notes: string;
};
export type Recording = { name: string; meta: RecordingMeta; body: Buffer };

export function recordingNames(dir = RECORDED_DIR): string[] {
	const manifest = JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8')) as { name: string }[];
	return manifest.map((entry) => entry.name);
}

const cache = new Map<string, Recording>();

/** One recording by name (names come from the manifest only, never straight from a path). */
export function loadRecording(name: string, dir = RECORDED_DIR): Recording | null {
	if (!recordingNames(dir).includes(name)) return null;
	const key = `${dir}${name}`;
	const cached = cache.get(key);
	if (cached) return cached;
	const meta = JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')) as RecordingMeta;
	const recording = { name, meta, body: readFileSync(`${dir}${name}.body`) };
	cache.set(key, recording);
	return recording;
}

export const loadRecordings = (dir = RECORDED_DIR): Recording[] =>
	recordingNames(dir).map((name) => loadRecording(name, dir) as Recording);

/** How to cut the body: `events`, `chunks` (the recorded reads) or `split-<n>` bytes. */
export type ReplayVariant =
	{ mode: 'events' } | { mode: 'chunks' } | { mode: 'split'; size: number };

export function parseVariant(text: string | undefined, meta: RecordingMeta): ReplayVariant | null {
	if (text === undefined) {
		if (meta.replay.mode === 'split') return { mode: 'split', size: meta.replay.split ?? 5 };
		return { mode: meta.replay.mode };
	}
	if (text === 'events') return { mode: 'events' };
	if (text === 'chunks') return meta.chunkSizes ? { mode: 'chunks' } : null;
	const split = /^split-([1-9]\d{0,5})$/.exec(text);
	return split ? { mode: 'split', size: Number(split[1]) } : null;
}

/** `emulator/replay/<name>[:variant]` → the recording and how to cut it; null when not a replay. */
export function replayOf(
	model: string,
	dir = RECORDED_DIR,
): { recording: Recording; variant: ReplayVariant } | { error: string } | null {
	const match = /^emulator\/replay\/([a-z0-9-]+)(?::([a-z0-9-]+))?$/.exec(model);
	if (!model.startsWith('emulator/replay/')) return null;
	const recording = match ? loadRecording(match[1] ?? '', dir) : null;
	if (!match || !recording)
		return { error: `${model} is not a recording; known: ${recordingNames(dir).join(', ')}` };
	const variant = parseVariant(match[2], recording.meta);
	if (!variant) return { error: `${model}: no such replay variant for ${recording.name}` };
	return { recording, variant };
}

/** The pieces of the body as they go on the wire, and the pause before each (ms). */
export function replayPieces(recording: Recording, variant: ReplayVariant): Buffer[] {
	const { body, meta } = recording;
	if (variant.mode === 'chunks' && meta.chunkSizes) {
		const pieces: Buffer[] = [];
		let at = 0;
		for (const size of meta.chunkSizes) {
			pieces.push(body.subarray(at, at + size));
			at += size;
		}
		if (at < body.length) pieces.push(body.subarray(at));
		return pieces;
	}
	if (variant.mode === 'split') {
		const pieces: Buffer[] = [];
		for (let at = 0; at < body.length; at += variant.size)
			pieces.push(body.subarray(at, at + variant.size));
		return pieces;
	}
	// One piece per SSE event: up to and including the blank line that ends it (LF or CRLF).
	const pieces: Buffer[] = [];
	const text = body.toString('latin1'); // byte-for-byte offsets
	const ends = /\r?\n\r?\n/g;
	let start = 0;
	for (let m = ends.exec(text); m; m = ends.exec(text)) {
		pieces.push(body.subarray(start, m.index + m[0].length));
		start = m.index + m[0].length;
	}
	if (start < body.length) pieces.push(body.subarray(start));
	return pieces;
}

/**
 * SOURCES.md: events 3 ms apart, recorded reads and n-byte pieces 1 ms apart. Pieces of a large body
 * come several per millisecond (pacing.ts), so a 5-byte replay of 1.9 MB still ends in about a second.
 */
export const replayPauseMs = (variant: ReplayVariant, pieces: number): number =>
	variant.mode === 'events' ? 3 : variant.mode === 'chunks' ? 1 : Math.min(1, 1000 / pieces);

/** The recorded headers plus those added so a browser may read the body (CORS). */
export const replayHeaders = (meta: RecordingMeta): Record<string, string> => ({
	...meta.headers,
	...(meta.addedHeaders ?? {}),
});
