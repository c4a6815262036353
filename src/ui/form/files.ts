/**
 * A picked file as a content part of a user message
 * (docs/openrouter-protocol.md#messages-and-content-parts).
 */
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

/** Images as image_url, audio as raw base64 input_audio (no data: prefix), anything else as a file. */
export async function partFromFile(file: File): Promise<FilePart> {
	const url = await readDataUrl(file);
	if (file.type.startsWith('image/')) return { type: 'image_url', image_url: { url } };
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
