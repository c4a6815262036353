/**
 * Building blocks of the request schema (docs/openrouter-protocol.md#request-body): messages and
 * content parts, tools, response_format, reasoning, provider routing and plugins. Plain JSON Schema
 * (draft-07) as data, so the editor can offer completion, hover docs and validation from it, and
 * core can lint with the validator.
 */
export type JsonSchema = { [key: string]: unknown };

const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({
	type: 'string',
	description,
	...extra,
});
const bool = (description: string, extra: JsonSchema = {}): JsonSchema => ({
	type: 'boolean',
	description,
	...extra,
});
const strings = (description: string, extra: JsonSchema = {}): JsonSchema => ({
	type: 'array',
	items: { type: 'string' },
	description,
	...extra,
});
export const helpers = { str, bool, strings };

const CACHE_CONTROL: JsonSchema = {
	type: 'object',
	description: 'Prompt-caching breakpoint (Anthropic, Gemini).',
	properties: {
		type: { const: 'ephemeral' },
		ttl: { enum: ['5m', '1h'], description: 'Cache lifetime.' },
	},
	required: ['type'],
};

const part = (type: string, description: string, props: JsonSchema, required: string[]) => ({
	type: 'object',
	description,
	properties: { type: { const: type, description }, ...props },
	required: ['type', ...required],
});

export const CONTENT_PART: JsonSchema = {
	oneOf: [
		part('text', 'A text part.', { text: str('The text.'), cache_control: CACHE_CONTROL }, [
			'text',
		]),
		part(
			'image_url',
			'An image by URL or data URL (png, jpeg, webp, gif).',
			{
				image_url: {
					type: 'object',
					properties: {
						url: str('https://… or data:image/png;base64,…'),
						detail: { enum: ['auto', 'low', 'high', 'original'], default: 'auto' },
					},
					required: ['url'],
				},
			},
			['image_url'],
		),
		part(
			'input_audio',
			'Audio as raw base64 (no data: prefix); URLs are not supported.',
			{
				input_audio: {
					type: 'object',
					properties: {
						data: str('Raw base64 audio, without a data: prefix.'),
						format: {
							enum: ['wav', 'mp3', 'flac', 'm4a', 'ogg', 'aiff', 'aac', 'pcm16', 'pcm24'],
						},
					},
					required: ['data', 'format'],
				},
			},
			['input_audio'],
		),
		part(
			'file',
			'A file such as a PDF, by URL or data URL. PDFs work with any model (file-parser plugin).',
			{
				file: {
					type: 'object',
					properties: {
						filename: str('File name, e.g. paper.pdf.'),
						file_data: str('https://…/x.pdf or data:application/pdf;base64,…'),
						file_id: str('An uploaded file id.'),
					},
				},
			},
			['file'],
		),
		part(
			'video_url',
			'A video by URL or data URL.',
			{
				video_url: {
					type: 'object',
					properties: { url: str('https://… or data:video/mp4;base64,…'), processing: str('') },
					required: ['url'],
				},
			},
			['video_url'],
		),
		part('input_video', 'Legacy video form.', { video_url: { type: 'object' } }, ['video_url']),
	],
};

const CONTENT: JsonSchema = {
	description: 'A string, or a list of content parts (text, image_url, input_audio, file, video).',
	anyOf: [{ type: 'string' }, { type: 'array', items: CONTENT_PART }],
};

export const MESSAGE: JsonSchema = {
	type: 'object',
	description: 'One message of the conversation.',
	properties: {
		role: {
			enum: ['system', 'developer', 'user', 'assistant', 'tool'],
			description:
				'Who speaks. A trailing assistant message is a prefill the model continues from.',
		},
		content: { ...CONTENT, anyOf: [...(CONTENT.anyOf as JsonSchema[]), { type: 'null' }] },
		name: str('Optional speaker name; for non-OpenAI models prepended as "{name}: {content}".'),
		tool_call_id: str('For role "tool": the id of the tool call this message answers.'),
		tool_calls: {
			type: 'array',
			description: 'For role "assistant": tool calls the model made earlier.',
			items: {
				type: 'object',
				properties: {
					id: str('Tool call id.'),
					type: { const: 'function' },
					function: {
						type: 'object',
						properties: { name: str('Function name.'), arguments: str('Arguments as JSON text.') },
					},
				},
			},
		},
		reasoning: { type: ['string', 'null'], description: 'Assistant reasoning text sent back.' },
		reasoning_details: {
			type: 'array',
			description:
				'Send back the assistant reasoning_details unmodified and in order to keep reasoning across turns.',
		},
		refusal: { type: ['string', 'null'], description: 'Assistant refusal text.' },
		cache_control: CACHE_CONTROL,
	},
	required: ['role'],
};

const FUNCTION_NAME = { type: 'string', maxLength: 64, pattern: '^[a-zA-Z0-9_-]+$' };

export const TOOL: JsonSchema = {
	type: 'object',
	description:
		'A function tool ({type:"function", function:{name, description, parameters, strict}}) or an OpenRouter server tool ({type:"openrouter:web_search", …}).',
	properties: {
		type: {
			description: '"function", or a server tool type executed by OpenRouter.',
			anyOf: [
				{
					enum: [
						'function',
						'openrouter:web_search',
						'openrouter:web_fetch',
						'openrouter:datetime',
						'openrouter:image_generation',
						'web_search',
					],
				},
				{ type: 'string' },
			],
		},
		function: {
			type: 'object',
			properties: {
				name: { ...FUNCTION_NAME, description: 'Function name: ≤64 chars of a-z A-Z 0-9 _ -.' },
				description: str('What the function does; the model reads this.'),
				parameters: { type: 'object', description: 'The arguments, as a JSON Schema object.' },
				strict: bool('Strict schema adherence (structured-outputs rules apply).'),
			},
			required: ['name'],
		},
		parameters: { type: 'object', description: 'Options of a server tool.' },
		cache_control: CACHE_CONTROL,
	},
	required: ['type'],
};

export const TOOL_CHOICE: JsonSchema = {
	description:
		'"none", "auto" (default when tools are given), "required", or {type:"function", function:{name}} to force one tool.',
	anyOf: [
		{ enum: ['none', 'auto', 'required'] },
		{
			type: 'object',
			properties: {
				type: { type: 'string' },
				function: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
			},
			required: ['type'],
		},
	],
};

export const RESPONSE_FORMAT: JsonSchema = {
	type: 'object',
	description:
		'Output format: {type:"text"}, {type:"json_object"} (also ask for JSON in the prompt), or {type:"json_schema", json_schema:{name, schema, strict}} for structured outputs. Support is per endpoint; add provider.require_parameters to force it.',
	properties: {
		type: { enum: ['text', 'json_object', 'json_schema', 'grammar', 'python'] },
		json_schema: {
			type: 'object',
			properties: {
				name: { ...FUNCTION_NAME, description: 'Schema name: ≤64 chars of a-z A-Z 0-9 _ -.' },
				description: str('What the output is.'),
				schema: { type: 'object', description: 'The JSON Schema the output must match.' },
				strict: { type: ['boolean', 'null'], description: 'Enforce the schema strictly.' },
			},
			required: ['name'],
		},
		grammar: str('A grammar the output must follow (type "grammar").'),
	},
	required: ['type'],
};
