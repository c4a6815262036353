/**
 * A picked, pasted or dropped file as a content part of a user message
 * (docs/openrouter-protocol.md#messages-and-content-parts).
 */
import { attachmentTooLarge } from '../../core/request/attachments';

export type FilePart =
	| { type: 'image_url'; image_url: { url: string } }
	| { type: 'file'; file: { filename: string; file_data: string } }
	| { type: 'input_audio'; input_audio: { data: string; format: string } };

const AUDIO_FORMATS = ['wav', 'mp3', 'flac', 'm4a', 'ogg', 'aiff', 'aac'];

function readDataUrl(file: File): Promise<string> {
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(String(reader.result));
		reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
		reader.readAsDataURL(file);
	});
}

/**
 * Images read from the user's own files in this tab. Only these show as thumbnails by themselves:
 * a data: URL that came with a shared link or an import is shown when asked for.
 */
const OWN_IMAGES = new Set<string>();
const OWN_IMAGES_KEPT = 16;

export function isOwnImage(url: string): boolean {
	return OWN_IMAGES.has(url);
}

function rememberOwnImage(url: string): void {
	OWN_IMAGES.add(url);
	for (const old of OWN_IMAGES) {
		if (OWN_IMAGES.size <= OWN_IMAGES_KEPT) break;
		OWN_IMAGES.delete(old);
	}
}

/** What can be attached: the file input's `accept` list, and what a drop is checked against. */
export const ATTACHABLE = 'image/png,image/jpeg,image/webp,image/gif,application/pdf,audio/*';

export function isAttachable(file: File): boolean {
	return ATTACHABLE.split(',').some((type) =>
		type.endsWith('/*') ? file.type.startsWith(type.slice(0, -1)) : file.type === type,
	);
}

export type ReadPart = { ok: true; part: FilePart } | { ok: false; message: string };

/** Images as image_url, audio as raw base64 input_audio (no data: prefix), anything else as a file. */
export async function partFromFile(file: File): Promise<ReadPart> {
	const tooLarge = attachmentTooLarge(file.name || 'The file', file.size);
	if (tooLarge) return { ok: false, message: tooLarge };
	try {
		return { ok: true, part: toPart(file, await readDataUrl(file)) };
	} catch (error) {
		return { ok: false, message: `Could not read “${file.name}”: ${String(error)}` };
	}
}

function toPart(file: File, url: string): FilePart {
	if (file.type.startsWith('image/')) {
		rememberOwnImage(url);
		return { type: 'image_url', image_url: { url } };
	}
	if (file.type.startsWith('audio/')) {
		const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
		const format = AUDIO_FORMATS.includes(ext) ? ext : (file.type.split('/')[1] ?? 'wav');
		return { type: 'input_audio', input_audio: { data: url.slice(url.indexOf(',') + 1), format } };
	}
	return { type: 'file', file: { filename: file.name, file_data: url } };
}

export function describeSize(chars: number): string {
	const bytes = Math.round((chars * 3) / 4);
	return bytes > 1024 * 1024
		? `${(bytes / 1024 / 1024).toFixed(1)} MB`
		: `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
