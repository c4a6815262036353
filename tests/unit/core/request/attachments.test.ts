import { describe, expect, it } from 'vitest';
import { MODELS } from '../../../emulator/catalog';
import { findModel, readModels } from '../../../../src/core/models/catalog';
import {
	attachmentPaths,
	attachmentTooLarge,
	checkAttachments,
	MAX_ATTACHMENT_BYTES,
} from '../../../../src/core/request/attachments';
import { checkRequest } from '../../../../src/core/request/support';

const models = readModels(MODELS);
const model = (id: string) => findModel(models, id)!;
const IMAGE = { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } };
const AUDIO = { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } };
const PDF = {
	type: 'file',
	file: { filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBE' },
};
const text = (t: string) => ({ type: 'text', text: t });
const ask = (...parts: unknown[][]) => ({
	messages: parts.map((content) => ({ role: 'user', content })),
});

describe('attachments against the model’s input modalities', () => {
	it('finds every non-text part by the modality it needs', () => {
		const paths = attachmentPaths(ask([text('a'), IMAGE, AUDIO], [IMAGE, PDF]));
		expect([...paths]).toEqual([
			[
				'image',
				[
					['messages', 0, 'content', 1],
					['messages', 1, 'content', 0],
				],
			],
			['audio', [['messages', 0, 'content', 2]]],
			['file', [['messages', 1, 'content', 1]]],
		]);
	});

	it('warns once per modality a text-only model does not take, naming where the parts are', () => {
		const checks = checkAttachments(
			ask([text('a'), IMAGE], [IMAGE, AUDIO]),
			model('deepseek/deepseek-chat'),
		);
		expect(checks.map((c) => c.path)).toEqual([
			['messages', 0, 'content', 1],
			['messages', 1, 'content', 1],
		]);
		expect(checks[0]?.message).toBe(
			'deepseek/deepseek-chat does not accept image input (it takes text): 2 image parts in messages[0], messages[1]; the request may be refused or the part ignored',
		);
		expect(checks[1]?.message).toMatch(
			/does not accept audio input \(it takes text\): an audio part in messages\[1\];/,
		);
	});

	it('says a PDF to a model without file input goes through the file parser', () => {
		const [check] = checkAttachments(ask([PDF]), model('deepseek/deepseek-chat'));
		expect(check?.message).toMatch(/file-parser plugin/);
	});

	it('says nothing when the model lists the modality, or lists none at all', () => {
		expect(checkAttachments(ask([IMAGE, PDF]), model('openai/gpt-4o-mini'))).toEqual([]);
		expect(checkAttachments(ask([IMAGE]), { id: 'x/unknown', input: [] })).toEqual([]);
		expect(checkAttachments(ask([text('only text')]), model('deepseek/deepseek-chat'))).toEqual([]);
	});

	it('ignores malformed messages and parts, and keys that are not part types', () => {
		const odd = {
			messages: [
				null,
				'x',
				{ content: 'plain' },
				{ content: [null, 1, { type: 'constructor' }, { type: '__proto__' }] },
			],
		};
		expect([...attachmentPaths(odd)]).toEqual([]);
		expect([...attachmentPaths({ messages: 'nope' })]).toEqual([]);
	});

	it('shows among the request checks as unsupported, as a parameter would', () => {
		const checks = checkRequest(
			{ model: 'deepseek/deepseek-chat', ...ask([text('what is this?'), IMAGE]) },
			model('deepseek/deepseek-chat'),
		).filter((c) => c.kind === 'unsupported');
		expect(checks.map((c) => c.message)).toEqual([
			expect.stringContaining('does not accept image input'),
		]);
	});
});

describe('attached files are bounded', () => {
	it('takes a file up to the limit and says why a larger one is refused', () => {
		expect(attachmentTooLarge('a.png', MAX_ATTACHMENT_BYTES)).toBeNull();
		expect(attachmentTooLarge('big.png', 7.25 * 1024 * 1024)).toBe(
			'“big.png” is 7.3 MB: files up to 5.0 MB can be attached. Make it smaller, or give the image by URL.',
		);
	});
});
