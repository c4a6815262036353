/**
 * Attachments against the model: image, audio, file and video parts in the messages
 * (docs/openrouter-protocol.md#messages-and-content-parts) that the model's `input_modalities`
 * (docs/openrouter-protocol.md#models) do not list. Warnings, like an unsupported parameter: a
 * provider may reject the request or drop the part; PDFs are read as text by the file-parser plugin.
 */
import type { JsonPath } from './json';

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose =>
	typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Loose) : {};

/** Part type → the input modality it needs, as the catalog names them. */
const MODALITY_OF = new Map([
	['image_url', 'image'],
	['input_audio', 'audio'],
	['file', 'file'],
	['video_url', 'video'],
]);

export type AttachmentCheck = { kind: 'unsupported'; path: JsonPath; message: string };

/** Where each non-text part sits, by the modality it needs, in message order. */
export function attachmentPaths(request: Loose): Map<string, JsonPath[]> {
	const found = new Map<string, JsonPath[]>();
	const messages = Array.isArray(request.messages) ? request.messages : [];
	messages.forEach((message, i) => {
		const content = obj(message).content;
		if (!Array.isArray(content)) return;
		content.forEach((part, j) => {
			const type = obj(part).type;
			const modality = typeof type === 'string' ? MODALITY_OF.get(type) : undefined;
			if (!modality) return;
			const paths = found.get(modality) ?? [];
			paths.push(['messages', i, 'content', j]);
			found.set(modality, paths);
		});
	});
	return found;
}

const where = (path: JsonPath) => `messages[${String(path[1])}]`;

/** One warning per modality the request uses and the model does not list. */
export function checkAttachments(
	request: Loose,
	model: { id: string; input: string[] },
): AttachmentCheck[] {
	// An entry without modalities says nothing either way.
	if (model.input.length === 0) return [];
	const accepts = new Set(model.input);
	const checks: AttachmentCheck[] = [];
	for (const [modality, paths] of attachmentPaths(request)) {
		if (accepts.has(modality)) continue;
		const first = paths[0] as JsonPath;
		const one = `${/^[aeiou]/.test(modality) ? 'an' : 'a'} ${modality} part`;
		const count = paths.length === 1 ? one : `${paths.length} ${modality} parts`;
		const places = [...new Set(paths.map(where))].join(', ');
		const outcome =
			modality === 'file'
				? 'a PDF is read as text by the file-parser plugin, other files may be refused'
				: 'the request may be refused or the part ignored';
		checks.push({
			kind: 'unsupported',
			path: first,
			message: `${model.id} does not accept ${modality} input (it takes ${model.input.join(', ')}): ${count} in ${places}; ${outcome}`,
		});
	}
	return checks;
}

/**
 * The largest file attached from this device. Its base64 lands in the request text, which the
 * editor, the Code panel and the draft store all hold; providers cap images near this size too.
 */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Why a file of `bytes` is not attached, or null when it may be. */
export function attachmentTooLarge(name: string, bytes: number): string | null {
	if (bytes <= MAX_ATTACHMENT_BYTES) return null;
	return `“${name}” is ${megabytes(bytes)}: files up to ${megabytes(MAX_ATTACHMENT_BYTES)} can be attached. Make it smaller, or give the image by URL.`;
}
